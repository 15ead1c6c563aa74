/**
 * Assessments (半年/年度考核) with their evidence; honours are in honours.ts.
 * Each use case: load → authorize → transaction(version → act + audit) → view.
 */
import type { Assessment, AssessmentBody, AssessmentQuery, Evidence } from '../../../shared/contracts/assessments.ts';
import type { AssessmentGrade, AssessmentKind, StationRole } from '../../../shared/forces.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { bumpVersion } from '../../db/rows.ts';
import { versionConflict } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { daysInRange } from './days.ts';
import { rolesIn, stationWithin } from './repo.ts';
import { assessmentProblems, periodRange, kindOfPeriod } from './rules.ts';
import { authorizeCadre, loadCadre, rejectProblems, usernameOf } from './context.ts';
import { todayInChina } from '../../clock.ts';

function assessmentQuery(db: Db) {
  return db
    .selectFrom('assessment as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('region as r', 'r.code', 'a.region_code')
    .select([
      'a.id',
      'a.person_id',
      'p.name as person_name',
      'a.region_code',
      'r.name as region_name',
      'a.kind',
      'a.period',
      'a.grade',
      'a.score',
      'a.comments',
      'a.assessed_by',
      'a.updated_at',
      'a.version',
    ]);
}

type AssessmentRow = Awaited<ReturnType<ReturnType<typeof assessmentQuery>['executeTakeFirstOrThrow']>>;
const assessmentView = (r: AssessmentRow, role: string | null): Assessment => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  role: role as StationRole | null,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  kind: r.kind as AssessmentKind,
  period: r.period,
  grade: r.grade as AssessmentGrade,
  score: r.score === null ? null : Number(r.score),
  comments: r.comments,
  assessedBy: r.assessed_by,
  updatedAt: r.updated_at,
  version: r.version,
});

/**
 * Assesses a stationed cadre for a period: one assessment per cadre and period, so saving it again corrects it.
 * A correction names the version it read (409 with the current assessment when it moved on); saving without a
 * version when an assessment exists — another assessor was first — answers 409 with it too, so nothing is lost.
 */
export async function saveAssessment(
  db: Db,
  scope: Scope,
  input: AssessmentBody,
  version: number | undefined,
): Promise<Assessment> {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(scope, c);
  rejectProblems(assessmentProblems({ ...input, today: todayInChina() }));
  const range = periodRange(input.kind, input.period)!;
  const station = stationWithin(c.stations, range.from, range.to);
  if (!station)
    rejectProblems([
      [
        'personId',
        msg(`该干部在 ${input.period} 期间没有驻村任职`, `The cadre was not stationed during ${input.period}`),
      ],
    ]);
  const { regionCode, role } = station!;
  scope.authorize(regionCode);
  const find = (trx: Db) =>
    assessmentQuery(trx).where('a.person_id', '=', c.id).where('a.period', '=', input.period).executeTakeFirst();
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const values = {
      region_code: regionCode,
      kind: input.kind,
      grade: input.grade,
      score: input.score ?? null,
      comments: input.comments ?? null,
      assessed_by: usernameOf(scope.actor),
      updated_at: now,
    };
    let existing = await find(trx);
    let id = existing?.id;
    if (!existing) {
      // A new one; when another assessor's insert won the race, theirs is the current assessment.
      const created = await trx
        .insertInto('assessment')
        .values({ person_id: c.id, period: input.period, created_at: now, ...values })
        .onConflict((oc) => oc.columns(['person_id', 'period']).doNothing())
        .returning('id')
        .executeTakeFirst();
      id = created?.id;
      if (id === undefined) existing = await find(trx);
    }
    if (existing) {
      scope.authorize(existing.region_code);
      if (version === undefined) throw versionConflict(assessmentView(existing, role));
      await bumpVersion(trx, 'assessment', existing.id, version, async () => assessmentView((await find(trx))!, role));
      await trx.updateTable('assessment').set(values).where('id', '=', existing.id).execute();
      id = existing.id;
    }
    const after = assessmentView(await assessmentQuery(trx).where('a.id', '=', id!).executeTakeFirstOrThrow(), role);
    await writeAudit(trx, scope.actor, {
      action: existing ? 'update' : 'create',
      entity: 'assessment',
      entityId: id,
      regionCode,
      before: existing ? assessmentView(existing, role) : undefined,
      after,
    });
    return after;
  });
}

/** Assessments in the scope: newest period first, then by village; each with the role held over its period. */
export async function listAssessments(db: Db, scope: Scope, q: AssessmentQuery) {
  const { total, rows } = await listPage({
    scope,
    base: db
      .selectFrom('assessment as a')
      .$if(!!q.period, (qb) => qb.where('a.period', '=', q.period!))
      .$if(!!q.grade, (qb) => qb.where('a.grade', '=', q.grade!))
      .$if(q.personId !== undefined, (qb) => qb.where('a.person_id', '=', q.personId!)),
    scopeColumn: 'a.region_code',
    order: (qb) => qb.orderBy('a.period', 'desc').orderBy('a.region_code').orderBy('a.id'),
    page: q,
    id: 'a.id',
    details: (ids) => assessmentQuery(db).where('a.id', 'in', ids).execute(),
  });
  // The stationed role held in the assessed village over the page's periods.
  const ranges = rows.map((r) => periodRange(r.kind as AssessmentKind, r.period)).filter((x) => x !== null);
  const held = ranges.length
    ? await rolesIn(
        db,
        rows.map((r) => ({ personId: r.person_id, regionCode: r.region_code })),
        ranges.reduce((a, x) => (x.from < a ? x.from : a), ranges[0]!.from),
        ranges.reduce((a, x) => (x.to > a ? x.to : a), ranges[0]!.to),
      )
    : new Map<string, string>();
  return {
    total,
    items: rows.map((r) => assessmentView(r, held.get(`${r.person_id}:${r.region_code}`) ?? null)),
  };
}

/** What an assessor sees beside the form: the cadre's attendance, logs and leaves over the period. */
export async function assessmentEvidence(db: Db, scope: Scope, personId: number, period: string): Promise<Evidence> {
  const c = await loadCadre(db, personId);
  authorizeCadre(scope, c);
  const kind = kindOfPeriod(period);
  const range = kind ? periodRange(kind, period) : null;
  if (!range)
    rejectProblems([
      ['period', msg('期间应为 2026、2026H1 或 2026H2 的形式', 'A period looks like 2026, 2026H1 or 2026H2')],
    ]);
  const { from, to } = range!;
  const today = todayInChina();
  const until = to < today ? to : today;
  const d = (await daysInRange(db, from, until, { personIds: [c.id] })).get(c.id) ?? {
    checkInDays: 0,
    awayDays: 0,
    approvedLeaveDays: 0,
    unapprovedAwayDays: 0,
  };
  const logs = db
    .selectFrom('work_log')
    .where('person_id', '=', c.id)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .$call(scope.where('work_log.region_code'));
  const [count, recent, leaves] = await Promise.all([
    logs.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    logs.select(['day', 'content']).orderBy('day', 'desc').orderBy('id', 'desc').limit(5).execute(),
    db
      .selectFrom('leave_request')
      .select(['start_date', 'end_date', 'days', 'status'])
      .where('person_id', '=', c.id)
      .where('status', '=', 'approved')
      .where('start_date', '<=', to)
      .where('end_date', '>=', from)
      .$call(scope.where('leave_request.region_code'))
      .orderBy('start_date')
      .execute(),
  ]);
  return {
    personId: c.id,
    period,
    from,
    to,
    checkInDays: d.checkInDays,
    approvedLeaveDays: d.approvedLeaveDays,
    awayDays: d.awayDays,
    unapprovedAwayDays: d.unapprovedAwayDays,
    logs: Number(count.n),
    recentLogs: recent.map((r) => ({ day: r.day, content: r.content })),
    leaves: leaves.length,
    leaveList: leaves.map((l) => ({ startDate: l.start_date, endDate: l.end_date, days: Number(l.days) })),
  };
}
