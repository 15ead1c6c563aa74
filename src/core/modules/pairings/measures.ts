/**
 * Measures (帮扶措施) of a household's plan (一户一策): list, create, update. A measure belongs to the
 * household's village (region_code). Writes need force.write there — the plan is part of the help-force
 * work (the pairing cadres and the village's work team keep it), not an edit of the register itself, so
 * household.write is not asked for.
 */
import type { MeasureStatus, MeasureType } from '../../../shared/forces.ts';
import { REGISTERED_STATUSES, type HouseholdStatus } from '../../../shared/register.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { findHousehold } from '../households/repo.ts';
import { todayInChina } from '../../clock.ts';
import { findMeasure, listMeasures, responsibleCadres, type MeasureRow } from './repo.ts';
import { measureProblems } from './rules.ts';
import { queryRegion, requireVisibleCadre, validationError } from './service.ts';

export function measureView(r: MeasureRow) {
  return {
    id: r.id,
    householdId: r.household_id,
    householdCode: r.household_code,
    headName: r.head_name,
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    type: r.type as MeasureType,
    title: r.title,
    amount: r.amount === null ? null : Number(r.amount),
    plannedDate: r.planned_date,
    doneDate: r.done_date,
    person: r.person_id === null ? null : { id: r.person_id, name: r.person_name ?? '' },
    status: r.status as MeasureStatus,
    evidence: r.evidence,
  };
}
export type MeasureView = ReturnType<typeof measureView>;

export interface MeasureInput {
  householdId: number;
  type: MeasureType;
  title: string;
  amount?: number | null;
  plannedDate?: string | null;
  doneDate?: string | null;
  personId?: number | null;
  status: MeasureStatus;
  evidence?: string | null;
}

const measureMissing = (id: number) => notFound(msg(`帮扶措施不存在：${id}`, `Measure not found: ${id}`));

export async function measureList(
  db: Db,
  actor: Actor,
  q: {
    region?: string;
    type?: MeasureType;
    status?: MeasureStatus;
    householdId?: number;
    page: number;
    pageSize: number;
  },
) {
  const where = q.region ? await queryRegion(db, actor, 'force.read', q.region) : undefined;
  const { total, rows } = await listMeasures(db, actor, { ...q, range: where?.range });
  return { total, items: rows.map(measureView) };
}

/**
 * Checks a measure's values (problems, responsible cadre) before any write. The responsible cadre must be
 * visible to the caller — or be one of the household's own responsible cadres (a county cadre paired with a
 * village's household is named on its measures by the village user).
 */
async function checkMeasure(
  db: Db,
  actor: Actor,
  householdId: number,
  m: Omit<MeasureInput, 'householdId'>,
  personChanged: boolean,
) {
  const today = todayInChina();
  const problems = measureProblems(m, today);
  if (problems.length) throw validationError(problems);
  if (m.personId === null || m.personId === undefined || !personChanged) return;
  const own = await responsibleCadres(db, householdId, today);
  if (!own.some((c) => c.id === m.personId)) await requireVisibleCadre(db, actor, m.personId, 'personId', today);
}

export async function createMeasure(db: Db, actor: Actor, input: MeasureInput) {
  const h = await findHousehold(db, input.householdId);
  if (!h)
    throw invalid('householdId', msg(`农户不存在：${input.householdId}`, `Household not found: ${input.householdId}`));
  authorize(actor, 'force.write', h.region_code);
  if (!REGISTERED_STATUSES.includes(h.status as HouseholdStatus))
    throw invalid(
      'householdId',
      msg('只有建档立卡户可以制定帮扶措施', 'Only registered households have help measures'),
    );
  await checkMeasure(db, actor, input.householdId, input, true);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id } = await trx
      .insertInto('measure')
      .values({
        household_id: h.id,
        region_code: h.region_code,
        type: input.type,
        title: input.title,
        amount: input.amount ?? null,
        planned_date: input.plannedDate ?? null,
        done_date: input.doneDate ?? null,
        person_id: input.personId ?? null,
        status: input.status,
        evidence: input.evidence ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = measureView((await findMeasure(trx, id))!);
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'measure',
      entityId: id,
      regionCode: h.region_code,
      after,
    });
    return after;
  });
}

export async function updateMeasure(
  db: Db,
  actor: Actor,
  id: number,
  patch: Partial<Omit<MeasureInput, 'householdId'>>,
) {
  const row = await findMeasure(db, id);
  if (!row) throw measureMissing(id);
  authorize(actor, 'force.write', row.region_code);
  const before = measureView(row);
  const pick = <K extends keyof typeof patch>(k: K, current: NonNullable<typeof patch>[K]) =>
    patch[k] === undefined ? current : patch[k];
  const merged = {
    type: pick('type', before.type)!,
    title: pick('title', before.title)!,
    amount: pick('amount', before.amount),
    plannedDate: pick('plannedDate', before.plannedDate),
    doneDate: pick('doneDate', before.doneDate),
    personId: pick('personId', before.person?.id ?? null),
    status: pick('status', before.status)!,
    evidence: pick('evidence', before.evidence),
  };
  await checkMeasure(db, actor, row.household_id, merged, (merged.personId ?? null) !== (before.person?.id ?? null));
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('measure')
      .set({
        type: merged.type,
        title: merged.title,
        amount: merged.amount ?? null,
        planned_date: merged.plannedDate ?? null,
        done_date: merged.doneDate ?? null,
        person_id: merged.personId ?? null,
        status: merged.status,
        evidence: merged.evidence ?? null,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = measureView((await findMeasure(trx, id))!);
    await writeAudit(trx, actor, {
      action: 'update',
      entity: 'measure',
      entityId: id,
      regionCode: row.region_code,
      before,
      after,
    });
    return after;
  });
}
