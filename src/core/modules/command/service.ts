import type { CommandUnitKind } from '../../../shared/codes.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, can } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { maskPhone } from '../../pii/mask.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { findPerson, findUnit, unitMembers } from './repo.ts';
import { unitProblems } from './rules.ts';

export interface UnitInput {
  regionCode: string;
  kind: CommandUnitKind;
  name: string;
  parentId?: number | null;
  commanderId?: number | null;
  leaderId?: number | null;
}

const unitMissing = (id: number) => notFound(msg(`指挥单元不存在：${id}`, `Command unit not found: ${id}`));
const personMissing = (id: number) => notFound(msg(`人员不存在：${id}`, `Person not found: ${id}`));

/** Loads a unit the actor may read (404 when missing, 403 when outside the scope). */
export async function getUnit(db: Db, actor: Actor, id: number) {
  const unit = await findUnit(db, id);
  if (!unit) throw unitMissing(id);
  authorize(actor, 'command.read', unit.regionCode);
  return { ...unit, members: await unitMembers(db, id) };
}

/** A person referenced by a unit must exist and be visible to the actor. */
async function checkPersonRef(db: Db, actor: Actor, field: string, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  const p = await findPerson(db, id);
  if (!p || !can(actor, 'person.read', p.region_code))
    throw invalid(field, msg(`人员不存在或无权选择：${id}`, `Unknown person or outside your scope: ${id}`));
}

async function checkShape(db: Db, actor: Actor, u: UnitInput, selfId?: number) {
  const region = await requireRegion(db, u.regionCode, 'regionCode');
  let parent = null;
  if (u.parentId !== null && u.parentId !== undefined) {
    parent = await findUnit(db, u.parentId);
    if (!parent || !can(actor, 'command.read', parent.regionCode))
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
  await checkPersonRef(db, actor, 'commanderId', u.commanderId);
  await checkPersonRef(db, actor, 'leaderId', u.leaderId);
  return region.code;
}

export async function createUnit(db: Db, actor: Actor, input: UnitInput) {
  const regionCode = await checkShape(db, actor, input);
  authorize(actor, 'command.write', regionCode);
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
    await writeAudit(trx, actor, { action: 'create', entity: 'command_unit', entityId: id, regionCode, after });
    return after;
  });
}

export async function updateUnit(db: Db, actor: Actor, id: number, patch: Partial<UnitInput>) {
  const before = await findUnit(db, id);
  if (!before) throw unitMissing(id);
  authorize(actor, 'command.write', before.regionCode);
  const merged: UnitInput = {
    regionCode: patch.regionCode ?? before.regionCode,
    kind: patch.kind ?? before.kind,
    name: patch.name ?? before.name,
    parentId: patch.parentId === undefined ? before.parentId : patch.parentId,
    commanderId: patch.commanderId === undefined ? before.commander?.id : patch.commanderId,
    leaderId: patch.leaderId === undefined ? before.leader?.id : patch.leaderId,
  };
  const regionCode = await checkShape(db, actor, merged, id);
  authorize(actor, 'command.write', regionCode);
  return db.transaction().execute(async (trx) => {
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
    await writeAudit(trx, actor, { action: 'update', entity: 'command_unit', entityId: id, regionCode, before, after });
    return after;
  });
}

export async function deleteUnit(db: Db, actor: Actor, id: number) {
  const before = await findUnit(db, id);
  if (!before) throw unitMissing(id);
  authorize(actor, 'command.write', before.regionCode);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('command_unit').where('id', '=', id).execute();
    await writeAudit(trx, actor, {
      action: 'delete',
      entity: 'command_unit',
      entityId: id,
      regionCode: before.regionCode,
      before,
    });
  });
}

export async function addMember(
  db: Db,
  actor: Actor,
  unitId: number,
  input: { personId: number; duty?: string | null },
) {
  const unit = await findUnit(db, unitId);
  if (!unit) throw unitMissing(unitId);
  authorize(actor, 'command.write', unit.regionCode);
  await checkPersonRef(db, actor, 'personId', input.personId);
  return db.transaction().execute(async (trx) => {
    const dup = await trx
      .selectFrom('command_member')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('person_id', '=', input.personId)
      .executeTakeFirst();
    if (dup) throw conflict(msg('该人员已是本单元成员', 'This person is already a member of the unit'));
    const { id } = await trx
      .insertInto('command_member')
      .values({
        unit_id: unitId,
        person_id: input.personId,
        duty: input.duty ?? null,
        region_code: unit.regionCode,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = { unitId, personId: input.personId, duty: input.duty ?? null };
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'command_member',
      entityId: id,
      regionCode: unit.regionCode,
      after,
    });
    return { id, ...after };
  });
}

export async function removeMember(db: Db, actor: Actor, unitId: number, memberId: number) {
  const unit = await findUnit(db, unitId);
  if (!unit) throw unitMissing(unitId);
  authorize(actor, 'command.write', unit.regionCode);
  const member = await db
    .selectFrom('command_member')
    .selectAll()
    .where('id', '=', memberId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (!member) throw notFound(msg(`成员不存在：${memberId}`, `Member not found: ${memberId}`));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('command_member').where('id', '=', memberId).execute();
    await writeAudit(trx, actor, {
      action: 'delete',
      entity: 'command_member',
      entityId: memberId,
      regionCode: unit.regionCode,
      before: member,
    });
  });
}

// ---- people ----

export interface PersonInput {
  regionCode: string;
  name: string;
  gender?: 'male' | 'female' | null;
  phone?: string | null;
  post?: string | null;
}

const personView = (p: {
  id: number;
  region_code: string;
  name: string;
  gender: string | null;
  phone: string | null;
  post: string | null;
}) => ({
  id: p.id,
  regionCode: p.region_code,
  name: p.name,
  gender: p.gender,
  phone: p.phone,
  post: p.post,
});

export async function createPerson(db: Db, actor: Actor, input: PersonInput) {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  authorize(actor, 'person.write', region.code);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('person')
      .values({
        region_code: region.code,
        name: input.name,
        gender: input.gender ?? null,
        phone: input.phone ?? null,
        post: input.post ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'person',
      entityId: row.id,
      regionCode: region.code,
      after: personView(row),
    });
    return { ...personView(row), phone: maskPhone(row.phone), regionName: region.name };
  });
}

export async function updatePerson(db: Db, actor: Actor, id: number, patch: Partial<PersonInput>) {
  const before = await findPerson(db, id);
  if (!before) throw personMissing(id);
  authorize(actor, 'person.write', before.region_code);
  const region = await requireRegion(db, patch.regionCode ?? before.region_code, 'regionCode');
  authorize(actor, 'person.write', region.code);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('person')
      .set({
        region_code: region.code,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.gender !== undefined ? { gender: patch.gender } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
        ...(patch.post !== undefined ? { post: patch.post } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'update',
      entity: 'person',
      entityId: id,
      regionCode: region.code,
      before: personView(before),
      after: personView(row),
    });
    return { ...personView(row), phone: maskPhone(row.phone), regionName: region.name };
  });
}

/** Shows a person's full phone number to a role allowed to see it; the reveal is audited. */
export async function revealPersonPhone(db: Db, actor: Actor, id: number) {
  const p = await findPerson(db, id);
  if (!p) throw personMissing(id);
  authorize(actor, 'person.read', p.region_code);
  if (!can(actor, 'pii.reveal', p.region_code))
    throw forbidden(msg('无权查看完整个人信息', 'Not allowed to reveal personal data'));
  await writeAudit(db, actor, {
    action: 'reveal',
    entity: 'person',
    entityId: id,
    regionCode: p.region_code,
    after: { field: 'phone' },
  });
  return { phone: p.phone };
}
