import type { CommandUnitKind } from '../../../shared/codes.ts';
import type { CommandUnit } from '../../../shared/command.ts';
import type { Actor } from '../../access/permissions.ts';
import { withinScope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { maskPhone } from '../../pii/mask.ts';

export type { CommandUnit, PersonRef } from '../../../shared/command.ts';

function unitQuery(db: Db) {
  return db
    .selectFrom('command_unit as u')
    .innerJoin('region as r', 'r.code', 'u.region_code')
    .leftJoin('person as c', 'c.id', 'u.commander_id')
    .leftJoin('person as l', 'l.id', 'u.leader_id')
    .leftJoin('command_unit as pu', 'pu.id', 'u.parent_id')
    .select([
      'u.id',
      'u.region_code',
      'r.name as region_name',
      'u.kind',
      'u.name',
      'u.parent_id',
      'pu.name as parent_name',
      'c.id as c_id',
      'c.name as c_name',
      'c.post as c_post',
      'l.id as l_id',
      'l.name as l_name',
      'l.post as l_post',
    ])
    .select((eb) =>
      eb
        .selectFrom('command_member as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.unit_id', '=', 'u.id')
        .as('member_count'),
    );
}

type UnitRow = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

function toUnit(r: UnitRow): CommandUnit {
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    kind: r.kind as CommandUnitKind,
    name: r.name,
    parentId: r.parent_id,
    parentName: r.parent_name,
    commander: r.c_id ? { id: r.c_id, name: r.c_name!, post: r.c_post } : null,
    leader: r.l_id ? { id: r.l_id, name: r.l_name!, post: r.l_post } : null,
    memberCount: Number(r.member_count ?? 0),
  };
}

export interface UnitFilter {
  lo: string;
  hi: string;
  kind?: CommandUnitKind;
  page: number;
  pageSize: number;
}

/** Units in a subtree, limited to the actor's scope. */
export async function listUnits(db: Db, actor: Actor, f: UnitFilter) {
  const base = db
    .selectFrom('command_unit as u')
    .where('u.region_code', '>=', f.lo)
    .where('u.region_code', '<', f.hi)
    .$if(!!f.kind, (qb) => qb.where('u.kind', '=', f.kind!))
    .$call(withinScope(actor, 'command.read', 'u.region_code'));
  const [{ total }, ids] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('u.id')
      .orderBy('u.region_code')
      .orderBy('u.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const rows = ids.length
    ? await unitQuery(db)
        .where(
          'u.id',
          'in',
          ids.map((r) => r.id),
        )
        .orderBy('u.region_code')
        .orderBy('u.id')
        .execute()
    : [];
  return { total: Number(total), items: rows.map(toUnit) };
}

/** Units bound exactly to a region (shown on its page). */
export async function unitsOfRegion(db: Db, code: string): Promise<CommandUnit[]> {
  const rows = await unitQuery(db).where('u.region_code', '=', code).orderBy('u.id').execute();
  return rows.map(toUnit);
}

export async function findUnit(db: Db, id: number): Promise<CommandUnit | undefined> {
  const row = await unitQuery(db).where('u.id', '=', id).executeTakeFirst();
  return row && toUnit(row);
}

export async function unitMembers(db: Db, unitId: number) {
  const rows = await db
    .selectFrom('command_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.duty', 'p.id as person_id', 'p.name', 'p.post', 'p.phone'])
    .where('m.unit_id', '=', unitId)
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    duty: r.duty,
    person: { id: r.person_id, name: r.name, post: r.post, phone: maskPhone(r.phone) },
  }));
}

export async function findPerson(db: Db, id: number) {
  return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listPeople(
  db: Db,
  actor: Actor,
  f: { lo: string; hi: string; q?: string; page: number; pageSize: number },
) {
  const base = db
    .selectFrom('person as p')
    .where('p.region_code', '>=', f.lo)
    .where('p.region_code', '<', f.hi)
    .$if(!!f.q, (qb) => qb.where('p.name', 'like', `%${f.q}%`))
    .$call(withinScope(actor, 'person.read', 'p.region_code'));
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .innerJoin('region as r', 'r.code', 'p.region_code')
      .select(['p.id', 'p.region_code', 'r.name as region_name', 'p.name', 'p.gender', 'p.phone', 'p.post'])
      .orderBy('p.region_code')
      .orderBy('p.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      regionName: r.region_name,
      name: r.name,
      gender: r.gender,
      phone: maskPhone(r.phone),
      post: r.post,
    })),
  };
}
