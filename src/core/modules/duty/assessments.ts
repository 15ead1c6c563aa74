/**
 * Assessments (半年/年度考核) with their evidence, and honours (表彰).
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import { type AssessmentGrade, type AssessmentKind, type Honour, type StationRole } from '../../../shared/forces.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, withinScope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { daysInRange } from './days.ts';
import { rolesIn, stationWithin } from './repo.ts';
import { assessmentProblems, periodRange, kindOfPeriod } from './rules.ts';
import { authorizeCadre, loadCadre, regionRange, rejectProblems, usernameOf, yearRegion } from './context.ts';
import { todayInChina } from '../../clock.ts';

// ---- assessments ----

export interface AssessmentInput {
  personId: number;
  kind: AssessmentKind;
  period: string;
  grade: AssessmentGrade;
  score?: number | null;
  comments?: string | null;
}

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
    ]);
}

type AssessmentRow = Awaited<ReturnType<ReturnType<typeof assessmentQuery>['executeTakeFirstOrThrow']>>;
const assessmentView = (r: AssessmentRow, role: string | null) => ({
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
});

/** Assesses a stationed cadre for a period (one assessment per cadre and period: a second call corrects it). */
export async function saveAssessment(db: Db, actor: Actor, input: AssessmentInput) {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(actor, 'force.assess', c);
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
  authorize(actor, 'force.assess', station!.regionCode);
  return db.transaction().execute(async (trx) => {
    const existing = await assessmentQuery(trx)
      .where('a.person_id', '=', c.id)
      .where('a.period', '=', input.period)
      .executeTakeFirst();
    const now = nowIso();
    const values = {
      region_code: station!.regionCode,
      kind: input.kind,
      grade: input.grade,
      score: input.score ?? null,
      comments: input.comments ?? null,
      assessed_by: usernameOf(actor),
      updated_at: now,
    };
    const row = await trx
      .insertInto('assessment')
      .values({ person_id: c.id, period: input.period, created_at: now, ...values })
      .onConflict((oc) => oc.columns(['person_id', 'period']).doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = assessmentView(
      await assessmentQuery(trx).where('a.id', '=', row.id).executeTakeFirstOrThrow(),
      station!.role,
    );
    await writeAudit(trx, actor, {
      action: existing ? 'update' : 'create',
      entity: 'assessment',
      entityId: row.id,
      regionCode: station!.regionCode,
      before: existing ? assessmentView(existing, station!.role) : undefined,
      after,
    });
    return after;
  });
}

export async function listAssessments(
  db: Db,
  actor: Actor,
  q: { region?: string; period?: string; grade?: string; personId?: number; page: number; pageSize: number },
) {
  const range = await regionRange(db, actor, 'force.read', q.region);
  const base = db
    .selectFrom('assessment as a')
    .where('a.region_code', '>=', range.lo)
    .where('a.region_code', '<', range.hi)
    .$call(withinScope(actor, 'force.read', 'a.region_code'))
    .$if(!!q.period, (qb) => qb.where('a.period', '=', q.period!))
    .$if(!!q.grade, (qb) => qb.where('a.grade', '=', q.grade!))
    .$if(q.personId !== undefined, (qb) => qb.where('a.person_id', '=', q.personId!));
  const [{ total }, ids] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('a.id')
      .orderBy('a.period', 'desc')
      .orderBy('a.region_code')
      .orderBy('a.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  const rows = ids.length
    ? await assessmentQuery(db)
        .where(
          'a.id',
          'in',
          ids.map((r) => r.id),
        )
        .orderBy('a.period', 'desc')
        .orderBy('a.region_code')
        .orderBy('a.id')
        .execute()
    : [];
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
    total: Number(total),
    items: rows.map((r) => assessmentView(r, held.get(`${r.person_id}:${r.region_code}`) ?? null)),
  };
}

/** What an assessor sees beside the form: the cadre's attendance, logs and leaves over the period. */
export async function assessmentEvidence(db: Db, actor: Actor, personId: number, period: string) {
  const c = await loadCadre(db, personId);
  authorizeCadre(actor, 'force.read', c);
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
    .$call(withinScope(actor, 'force.read', 'work_log.region_code'));
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
      .$call(withinScope(actor, 'force.read', 'leave_request.region_code'))
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

// ---- honours ----

function honourQuery(db: Db) {
  return db
    .selectFrom('honour as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .leftJoin('region as r', 'r.code', 'h.region_code')
    .select([
      'h.id',
      'h.person_id',
      'p.name as person_name',
      'h.region_code',
      'r.name as region_name',
      'h.title',
      'h.year',
      'h.awarded_by',
      'h.note',
    ]);
}

type HonourRow = Awaited<ReturnType<ReturnType<typeof honourQuery>['executeTakeFirstOrThrow']>>;
const honourView = (r: HonourRow) => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  title: r.title as Honour,
  year: Number(r.year),
  awardedBy: r.awarded_by,
  note: r.note,
});

export async function createHonour(
  db: Db,
  actor: Actor,
  input: { personId: number; title: Honour; year: number; awardedBy?: string | null; note?: string | null },
) {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(actor, 'force.assess', c);
  const thisYear = Number(todayInChina().slice(0, 4));
  if (input.year > thisYear)
    rejectProblems([['year', msg(`表彰年度 ${input.year} 晚于今年`, `The year ${input.year} is in the future`)]]);
  const regionCode = yearRegion(c, input.year);
  authorize(actor, 'force.assess', regionCode);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('honour')
      .values({
        person_id: c.id,
        region_code: regionCode,
        title: input.title,
        year: input.year,
        awarded_by: input.awardedBy ?? null,
        note: input.note ?? null,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = honourView(await honourQuery(trx).where('h.id', '=', id).executeTakeFirstOrThrow());
    await writeAudit(trx, actor, { action: 'create', entity: 'honour', entityId: id, regionCode, after });
    return after;
  });
}

export async function listHonours(
  db: Db,
  actor: Actor,
  q: { region?: string; year?: number; personId?: number; title?: string; page: number; pageSize: number },
) {
  const range = await regionRange(db, actor, 'force.read', q.region);
  const base = honourQuery(db)
    .where('h.region_code', '>=', range.lo)
    .where('h.region_code', '<', range.hi)
    .$call(withinScope(actor, 'force.read', 'h.region_code'))
    .$if(q.year !== undefined, (qb) => qb.where('h.year', '=', q.year!))
    .$if(q.personId !== undefined, (qb) => qb.where('h.person_id', '=', q.personId!))
    .$if(!!q.title, (qb) => qb.where('h.title', '=', q.title!));
  const [{ total }, rows] = await Promise.all([
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    base
      .orderBy('h.year', 'desc')
      .orderBy('h.region_code')
      .orderBy('h.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { total: Number(total), items: rows.map(honourView) };
}
