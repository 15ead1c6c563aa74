/**
 * Queries of the cadre record (干部, the `person` table with the help-force fields). A cadre belongs to a scope in
 * two ways: managed there (person.region_code) or stationed there (a stationing's village); the list covers both.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { CadreListQuery } from '../../../shared/contracts/cadres.ts';
import { BACHELOR_OR_HIGHER, STATIONED_ROLES } from '../../../shared/forces.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import type { DB } from '../../db/schema.ts';
import { stationedOn } from '../duty/pace.ts';
import { inScope } from './common.ts';
import { activeOn, stationsOf } from './repo.ts';

function cadreQuery(db: Db) {
  return db
    .selectFrom('person as p')
    .leftJoin('region as r', 'r.code', 'p.region_code')
    .leftJoin('help_unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.gender',
      'p.birth_date',
      'p.education',
      'p.political_status',
      'p.phone',
      'p.id_number',
      'p.post',
      'p.rank',
      'p.unit_id',
      'u.name as unit_name',
      'u.level as unit_level',
      'p.region_code',
      'r.name as region_name',
      'p.version',
    ]);
}

export type CadreRow = Awaited<ReturnType<ReturnType<typeof cadreQuery>['executeTakeFirstOrThrow']>>;

export async function findCadre(db: Db, id: number): Promise<CadreRow | undefined> {
  return cadreQuery(db).where('p.id', '=', id).executeTakeFirst();
}

/** The list's filters with the dates they stand for (the region is the Scope's). */
export type CadreFilter = Omit<CadreListQuery, 'region' | 'sentSince' | 'maxAge'> & {
  today: string;
  /** Sent to a village (a stationed role) since this day: stationings begun then or later, ended ones too. */
  sentFrom?: string;
  /** Born after this date (bornAfterForMaxAge: aged at most N today). */
  bornAfter?: string;
};

/**
 * One page of cadres in the scope. With a role (or stationed, sentSince, active=true): those holding it now in a
 * village of the scope (sentSince: begun since then). Otherwise: managed in the scope, or holding any role there
 * now. Each row comes with its current stationings inside `shown` (the caller's whole scope: a region narrows the
 * list, not the roles a cadre is seen holding).
 */
export async function listCadres(db: Db, scope: Scope, f: CadreFilter, shown: Scope) {
  const stationedOnly = !!f.role || !!f.stationed || !!f.sentFrom || f.active === true;
  // stationed=true alone is 在岗驻村干部, the statistics' figure: its one definition (duty/pace.ts).
  const asTheFigure = !!f.stationed && !f.role && !f.sentFrom;
  const stationedIn = (s: Scope) =>
    asTheFigure
      ? stationedOn(db, s, f.today)
      : db
          .selectFrom('stationing as s')
          .select('s.person_id')
          .$if(!!f.role, (qb) => qb.where('s.role', '=', f.role!))
          .$if(!f.role && (!!f.stationed || !!f.sentFrom), (qb) => qb.where('s.role', 'in', [...STATIONED_ROLES]))
          // Sent since a day: any stationing that began then or later (ended ones too); else a current one.
          .$if(!!f.sentFrom, (qb) => qb.where('s.start_date', '>=', f.sentFrom!).where('s.start_date', '<=', f.today))
          .$if(!f.sentFrom, (qb) => qb.where(activeOn('s', f.today)))
          .$call(s.where('s.region_code'));
  const base = db
    .selectFrom('person as p')
    .$if(f.active === false, (q) =>
      q.where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('stationing as a')
              .select(sql`1`.as('one'))
              .whereRef('a.person_id', '=', 'p.id')
              .where(activeOn('a', f.today)),
          ),
        ),
      ),
    )
    .$if(f.unitId !== undefined, (q) => q.where('p.unit_id', '=', f.unitId!))
    .$if(!!f.bornAfter, (q) => q.where('p.birth_date', '>', f.bornAfter!))
    .$if(f.bachelorOrHigher === true, (q) => q.where('p.education', 'in', [...BACHELOR_OR_HIGHER]))
    .$if(f.bachelorOrHigher === false, (q) =>
      q.where((eb) => eb.or([eb('p.education', 'is', null), eb('p.education', 'not in', [...BACHELOR_OR_HIGHER])])),
    )
    .$if(!!f.q, (q) => q.where('p.name', 'like', `%${f.q}%`));
  type Base = SelectQueryBuilder<DB & { p: DB['person'] }, 'p', object>;
  return listPage({
    scope,
    base,
    // Managed in the scope OR stationed there: an index range on person.region_code ORed with an IN list, cheaper
    // on both databases than a UNION of the two sets of ids.
    scopeColumn: (s) => (qb) =>
      (qb as Base).where((eb) =>
        stationedOnly
          ? eb('p.id', 'in', stationedIn(s))
          : eb.or([inScope(s, 'p.region_code')(eb), eb('p.id', 'in', stationedIn(s))]),
      ) as typeof qb,
    order: (qb) => qb.orderBy('p.region_code').orderBy('p.id'),
    page: f,
    id: 'p.id',
    details: async (ids) => {
      const [rows, stations] = await Promise.all([
        cadreQuery(db).where('p.id', 'in', ids).execute(),
        stationsOf(db, shown, ids, f.today, true),
      ]);
      return rows.map((r) => ({ ...r, stations: stations.get(r.id) ?? [] }));
    },
  });
}

/** Region codes that make a cadre visible: where the record is managed, and where the cadre was ever stationed. */
export async function cadreRegions(db: Db, person: { id: number; region_code: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('stationing')
    .select('region_code')
    .distinct()
    .where('person_id', '=', person.id)
    .execute();
  return [person.region_code, ...rows.map((r) => r.region_code)];
}
