/**
 * Members of a command unit (成员): a person once per unit — a second addition answers 409, also when two add the
 * same person at once (the unique key command_member_unit_person_uq, answered 409 by the error handler).
 */
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { conflict, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { checkPersonRef, loadUnit } from './units.ts';

export async function addMember(
  db: Db,
  scope: Scope,
  unitId: number,
  input: { personId: number; duty?: string | null },
) {
  const unit = await loadUnit(db, scope, unitId);
  await checkPersonRef(db, scope, 'personId', input.personId);
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
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'command_member',
      entityId: id,
      regionCode: unit.regionCode,
      after,
    });
    return { id, ...after };
  });
}

export async function removeMember(db: Db, scope: Scope, unitId: number, memberId: number): Promise<void> {
  const unit = await loadUnit(db, scope, unitId);
  const member = await db
    .selectFrom('command_member')
    .selectAll()
    .where('id', '=', memberId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (!member) throw notFound(msg(`成员不存在：${memberId}`, `Member not found: ${memberId}`));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('command_member').where('id', '=', memberId).execute();
    await writeAudit(trx, scope.actor, {
      action: 'delete',
      entity: 'command_member',
      entityId: memberId,
      regionCode: unit.regionCode,
      before: member,
    });
  });
}
