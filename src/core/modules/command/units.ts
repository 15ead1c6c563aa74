/**
 * Command unit use cases (指挥单元): list, detail, create, update and delete. Updates and deletes are versioned:
 * 409 with the unit as the caller reads it when someone else saved first.
 */
import type {
  CommandUnit,
  CommandUnitDetail,
  UnitInput,
  UnitListQuery,
  UnitPatch,
} from '../../../shared/contracts/command.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { findPerson, findUnit, listUnits, unitMembers } from './repo.ts';
import { unitProblems } from './rules.ts';

export const unitMissing = (id: number) => notFound(msg(`指挥单元不存在：${id}`, `Command unit not found: ${id}`));

/** A page of units in the scope, filtered by kind. */
export async function unitList(db: Db, scope: Scope, q: UnitListQuery) {
  const { total, rows } = await listUnits(db, scope, q);
  return { total, items: rows };
}

/** A unit with its members, phones masked — what the detail shows and a 409 carries. */
async function detailOf(db: Db, id: number): Promise<CommandUnitDetail> {
  const unit = await findUnit(db, id);
  if (!unit) throw unitMissing(id);
  return { ...unit, members: await unitMembers(db, id) };
}

/** Loads a unit in the scope (404 when missing, 403 when outside it). */
export async function loadUnit(db: Db, scope: Scope, id: number): Promise<CommandUnit> {
  const unit = await findUnit(db, id);
  if (!unit) throw unitMissing(id);
  scope.authorize(unit.regionCode);
  return unit;
}

export async function unitDetail(db: Db, scope: Scope, id: number): Promise<CommandUnitDetail> {
  const unit = await loadUnit(db, scope, id);
  return { ...unit, members: await unitMembers(db, id) };
}

/** A person a unit refers to must exist and be visible to the caller (400 on the field otherwise). */
export async function checkPersonRef(db: Db, scope: Scope, field: string, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  const p = await findPerson(db, id);
  if (!p || !scope.can('person.read', p.region_code))
    throw invalid(field, msg(`人员不存在或无权选择：${id}`, `Unknown person or outside your scope: ${id}`));
}

/**
 * The unit's shape: its region exists, the kind fits the region's level, the parent is visible and sits on the
 * region or an ancestor, the commander and leader are visible people. 400 naming each field; returns the padded
 * region code.
 */
async function checkShape(db: Db, scope: Scope, u: UnitInput, selfId?: number): Promise<string> {
  const region = await requireRegion(db, u.regionCode, 'regionCode');
  let parent = null;
  if (u.parentId !== null && u.parentId !== undefined) {
    parent = await findUnit(db, u.parentId);
    if (!parent || !scope.can('command.read', parent.regionCode))
      throw invalid('parentId', msg(`上级单元不存在：${u.parentId}`, `Unknown parent unit: ${u.parentId}`));
  }
  const problems = unitProblems({ kind: u.kind, regionCode: region.code, regionLevel: region.level, parent, selfId });
  if (problems.length) {
    throw new AppError(
      'VALIDATION',
      msg('输入有误', 'Invalid input'),
      problems.map(([path, message]) => ({ path, message })),
    );
  }
  await checkPersonRef(db, scope, 'commanderId', u.commanderId);
  await checkPersonRef(db, scope, 'leaderId', u.leaderId);
  return region.code;
}

/** Creates a unit in a region of the scope (the registrar checked the region: 404 / 403). */
export async function createUnit(db: Db, scope: Scope, input: UnitInput): Promise<CommandUnit> {
  const regionCode = await checkShape(db, scope, input);
  scope.authorize(regionCode);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id } = await trx
      .insertInto('command_unit')
      .values({
        region_code: regionCode,
        kind: input.kind,
        name: input.name,
        parent_id: input.parentId ?? null,
        commander_id: input.commanderId ?? null,
        leader_id: input.leaderId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = (await findUnit(trx, id))!;
    await writeAudit(trx, scope.actor, { action: 'create', entity: 'command_unit', entityId: id, regionCode, after });
    return after;
  });
}

/**
 * Changes the fields the patch names. The unit and, when it moves, its new region must be in the scope; the
 * version the caller read must still be current (409 with the unit as it is now; 428 without one).
 */
export async function updateUnit(
  db: Db,
  scope: Scope,
  id: number,
  patch: UnitPatch,
  version: number | undefined,
): Promise<CommandUnit> {
  const read = await loadUnit(db, scope, id);
  const merged: UnitInput = {
    regionCode: patch.regionCode ?? read.regionCode,
    kind: patch.kind ?? read.kind,
    name: patch.name ?? read.name,
    parentId: patch.parentId === undefined ? read.parentId : patch.parentId,
    commanderId: patch.commanderId === undefined ? read.commander?.id : patch.commanderId,
    leaderId: patch.leaderId === undefined ? read.leader?.id : patch.leaderId,
  };
  const regionCode = await checkShape(db, scope, merged, id);
  scope.authorize(regionCode);
  return db.transaction().execute(async (trx) => {
    const before = await findUnit(trx, id);
    await bumpVersion(trx, 'command_unit', id, version, () => detailOf(trx, id));
    await trx
      .updateTable('command_unit')
      .set({
        region_code: regionCode,
        kind: merged.kind,
        name: merged.name,
        parent_id: merged.parentId ?? null,
        commander_id: merged.commanderId ?? null,
        leader_id: merged.leaderId ?? null,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await findUnit(trx, id))!;
    await writeAudit(trx, scope.actor, {
      action: 'update',
      entity: 'command_unit',
      entityId: id,
      regionCode,
      before,
      after,
    });
    return after;
  });
}

/** Deletes a unit (its members go with it; its people stay). Versioned like an update. */
export async function deleteUnit(db: Db, scope: Scope, id: number, version: number | undefined): Promise<void> {
  await loadUnit(db, scope, id);
  await db.transaction().execute(async (trx) => {
    const before = await findUnit(trx, id);
    await bumpVersion(trx, 'command_unit', id, version, () => detailOf(trx, id));
    await trx.deleteFrom('command_unit').where('id', '=', id).execute();
    await writeAudit(trx, scope.actor, {
      action: 'delete',
      entity: 'command_unit',
      entityId: id,
      regionCode: before!.regionCode,
      before,
    });
  });
}
