import type { CommandUnitKind } from '../../../shared/codes.ts';
import type { CommandUnit, Person, PeopleQuery, UnitListQuery } from '../../../shared/contracts/command.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { listPage, type Page } from '../../db/list.ts';
import { maskPhone } from '../../pii/mask.ts';
import { nameContains } from '../regions/repo.ts';

export type { CommandUnit, PersonRef } from '../../../shared/contracts/command.ts';

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
      'u.version',
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
    version: Number(r.version),
  };
}

/** A page of the units in the scope (a region's subtree, or everything the caller may read), by region. */
export function listUnits(db: Db, scope: Scope, f: Omit<UnitListQuery, 'region'>): Promise<Page<CommandUnit>> {
  return listPage({
    scope,
    base: db.selectFrom('command_unit as u').$if(!!f.kind, (qb) => qb.where('u.kind', '=', f.kind!)),
    scopeColumn: 'u.region_code',
    order: (qb) => qb.orderBy('u.region_code').orderBy('u.id'),
    page: f,
    id: 'u.id',
    details: async (ids) => (await unitQuery(db).where('u.id', 'in', ids).execute()).map(toUnit),
  });
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

/** A unit's members in the order they were added, phones masked. */
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

function personQuery(db: Db) {
  return db.selectFrom('person as p').innerJoin('region as r', 'r.code', 'p.region_code');
}

const personColumns = [
  'p.id',
  'p.region_code',
  'r.name as region_name',
  'p.name',
  'p.gender',
  'p.phone',
  'p.post',
  'p.version',
] as const;

type PersonRow = {
  id: number;
  region_code: string;
  region_name: string;
  name: string;
  gender: string | null;
  phone: string | null;
  post: string | null;
  version: number;
};

/** A person as lists show it: the phone masked. */
const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  gender: r.gender,
  phone: maskPhone(r.phone),
  post: r.post,
  version: Number(r.version),
});

/** One person as a list shows it (phone masked). */
export async function findPersonView(db: Db, id: number): Promise<Person | undefined> {
  const row = await personQuery(db).select(personColumns).where('p.id', '=', id).executeTakeFirst();
  return row && toPerson(row);
}

/** A page of the people in the scope whose name contains `q`, by region. */
export async function listPeople(db: Db, scope: Scope, f: Omit<PeopleQuery, 'region'>): Promise<Page<Person>> {
  const page = await listPage({
    scope,
    base: personQuery(db).$if(!!f.q, (qb) => qb.where(nameContains('p.name', f.q!))),
    scopeColumn: 'p.region_code',
    order: (qb) => qb.orderBy('p.region_code').orderBy('p.id'),
    page: f,
    select: (qb) => qb.select(personColumns),
  });
  return { total: page.total, rows: (page.rows as PersonRow[]).map(toPerson) };
}
