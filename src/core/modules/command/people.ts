/**
 * People of the command hierarchy (人员): list, create, update (versioned) and reveal of the full phone. Phones are
 * masked on the way out; a masked value sent back unchanged keeps the stored number. The help-force module edits
 * the same records through /api/cadres; both move `person.version` on.
 */
import type { PeopleQuery, Person, PersonInput, PersonPatch } from '../../../shared/contracts/command.ts';
import { phoneKind } from '../../../shared/phone.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { maskPhone } from '../../pii/mask.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { findPerson, findPersonView, listPeople } from './repo.ts';

const personMissing = (id: number) => notFound(msg(`人员不存在：${id}`, `Person not found: ${id}`));

/** The person's columns as the audit log keeps them. */
const audited = (p: NonNullable<Awaited<ReturnType<typeof findPerson>>>) => ({
  id: p.id,
  regionCode: p.region_code,
  name: p.name,
  gender: p.gender,
  phone: p.phone,
  post: p.post,
});

/**
 * The phone to store: a masked value is the one a form showed — it keeps the stored number when it is that
 * number's mask, and is refused otherwise (nothing to keep on a new person, or another number's mask).
 */
export function phoneToStore(sent: string | null | undefined, stored: string | null): string | null | undefined {
  if (sent === null || sent === undefined || phoneKind(sent) !== 'masked') return sent;
  if (stored && maskPhone(stored) === sent.replace(/\s+/g, '')) return stored;
  throw invalid('phone', msg('请填写完整的电话号码', 'Enter the full phone number'));
}

/** A page of the people in the scope whose name contains `q` (phones masked). */
export async function peopleList(db: Db, scope: Scope, q: PeopleQuery) {
  const { total, rows } = await listPeople(db, scope, q);
  return { total, items: rows };
}

/** Creates a person in a region of the scope (the registrar checked the region: 404 / 403). */
export async function createPerson(db: Db, scope: Scope, input: PersonInput): Promise<Person> {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  scope.authorize(region.code);
  const phone = phoneToStore(input.phone, null) ?? null;
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('person')
      .values({
        region_code: region.code,
        name: input.name,
        gender: input.gender ?? null,
        phone,
        post: input.post ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'person',
      entityId: row.id,
      regionCode: region.code,
      after: audited(row),
    });
    return (await findPersonView(trx, row.id))!;
  });
}

/**
 * Changes the fields the patch names. The person and, when it moves, its new region must be in the scope; the
 * version the caller read must still be current (409 with the person as a list shows it now; 428 without one).
 */
export async function updatePerson(
  db: Db,
  scope: Scope,
  id: number,
  patch: PersonPatch,
  version: number | undefined,
): Promise<Person> {
  const read = await findPerson(db, id);
  if (!read) throw personMissing(id);
  scope.authorize(read.region_code);
  const region = patch.regionCode ? await requireRegion(db, patch.regionCode, 'regionCode') : null;
  if (region) scope.authorize(region.code);
  return db.transaction().execute(async (trx) => {
    const before = await findPerson(trx, id);
    await bumpVersion(trx, 'person', id, version, async () => (await findPersonView(trx, id))!);
    const phone = phoneToStore(patch.phone, before!.phone);
    const row = await trx
      .updateTable('person')
      .set({
        ...(region ? { region_code: region.code } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.gender !== undefined ? { gender: patch.gender } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(patch.post !== undefined ? { post: patch.post } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, scope.actor, {
      action: 'update',
      entity: 'person',
      entityId: id,
      regionCode: row.region_code,
      before: audited(before!),
      after: audited(row),
    });
    return (await findPersonView(trx, id))!;
  });
}

/** Shows a person's full phone number to a role allowed to see it (pii.reveal there); the reveal is audited. */
export async function revealPersonPhone(db: Db, scope: Scope, id: number) {
  const p = await findPerson(db, id);
  if (!p) throw personMissing(id);
  scope.authorize(p.region_code);
  if (!scope.can('pii.reveal', p.region_code))
    throw forbidden(msg('无权查看完整个人信息', 'Not allowed to reveal personal data'));
  await writeAudit(db, scope.actor, {
    action: 'reveal',
    entity: 'person',
    entityId: id,
    regionCode: p.region_code,
    after: { field: 'phone' },
  });
  return { phone: p.phone };
}
