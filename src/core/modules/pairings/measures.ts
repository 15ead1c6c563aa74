/**
 * Measures (帮扶措施) of a household's plan (一户一策): list, create, update (an edit or a status change, versioned).
 * A measure belongs to the household's village (region_code). Writes need force.write there — the plan is part of
 * the help-force work (the pairing cadres and the village's work team keep it), not an edit of the register
 * itself, so household.write is not asked for.
 */
import type { MeasureInput, MeasureListQuery, MeasurePatch } from '../../../shared/contracts/pairings.ts';
import type { MeasureStatus, MeasureType } from '../../../shared/forces.ts';
import { REGISTERED_STATUSES, type HouseholdStatus } from '../../../shared/register.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { findHousehold } from '../households/repo.ts';
import { findMeasure, listMeasures, responsibleCadres, type MeasureRow } from './repo.ts';
import { measureProblems } from './rules.ts';
import { requireVisibleCadre, validationError } from './service.ts';

/** A measure as every read shows it. */
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
    version: r.version,
  };
}

type MeasureValues = Omit<MeasureInput, 'householdId'>;

const measureMissing = (id: number) => notFound(msg(`帮扶措施不存在：${id}`, `Measure not found: ${id}`));

/** A page of the measures in the scope (force.read), filtered. */
export async function measureList(db: Db, scope: Scope, q: MeasureListQuery) {
  const { total, rows } = await listMeasures(db, scope, q);
  return { total, items: rows.map(measureView) };
}

/**
 * Checks a measure's values (problems, responsible cadre) before it is written. The responsible cadre must be
 * visible to the caller — or be one of the household's own responsible cadres (a county cadre paired with a
 * village's household is named on its measures by the village user).
 */
async function checkMeasure(db: Db, scope: Scope, householdId: number, m: MeasureValues, personChanged: boolean) {
  const today = todayInChina();
  const problems = measureProblems(m, today);
  if (problems.length) throw validationError(problems);
  if (m.personId === null || m.personId === undefined || !personChanged) return;
  const own = await responsibleCadres(db, householdId, today);
  if (!own.some((c) => c.id === m.personId)) await requireVisibleCadre(db, scope, m.personId, 'personId', today);
}

/** Adds a measure to a registered household of the scope (force.write), audited. */
export async function createMeasure(db: Db, scope: Scope, input: MeasureInput) {
  const h = await findHousehold(db, input.householdId);
  if (!h)
    throw invalid('householdId', msg(`农户不存在：${input.householdId}`, `Household not found: ${input.householdId}`));
  scope.authorize(h.region_code);
  if (!REGISTERED_STATUSES.includes(h.status as HouseholdStatus))
    throw invalid(
      'householdId',
      msg('只有建档立卡户可以制定帮扶措施', 'Only registered households have help measures'),
    );
  await checkMeasure(db, scope, input.householdId, input, true);
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
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'measure',
      entityId: id,
      regionCode: h.region_code,
      after,
    });
    return after;
  });
}

/**
 * Updates a measure of the scope (force.write): the fields sent replace the stored ones and the merged measure is
 * checked again. Versioned: the version moves on first (409 with the measure as it is now when someone saved first).
 */
export async function updateMeasure(
  db: Db,
  scope: Scope,
  id: number,
  patch: MeasurePatch,
  version: number | undefined,
) {
  const found = await findMeasure(db, id);
  if (!found) throw measureMissing(id);
  scope.authorize(found.region_code);
  return db.transaction().execute(async (trx) => {
    await bumpVersion(trx, 'measure', id, version, async () => measureView((await findMeasure(trx, id))!));
    const row = (await findMeasure(trx, id))!;
    const before = { ...measureView(row), version: row.version - 1 };
    const pick = <K extends keyof MeasureValues>(k: K, current: MeasureValues[K]) =>
      patch[k] === undefined ? current : patch[k];
    const merged: MeasureValues = {
      type: pick('type', before.type),
      title: pick('title', before.title),
      amount: pick('amount', before.amount),
      plannedDate: pick('plannedDate', before.plannedDate),
      doneDate: pick('doneDate', before.doneDate),
      personId: pick('personId', before.person?.id ?? null),
      status: pick('status', before.status),
      evidence: pick('evidence', before.evidence),
    };
    await checkMeasure(trx, scope, row.household_id, merged, (merged.personId ?? null) !== (before.person?.id ?? null));
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
    await writeAudit(trx, scope.actor, {
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
