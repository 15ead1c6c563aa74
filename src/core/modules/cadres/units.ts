/**
 * Help units (帮扶单位 / 派出单位): the central, provincial, city, county and township bodies that send cadres. A
 * unit belongs to the region that registered it (the nation for central units); writes need force.station there.
 * A caller sees the units registered inside its scope, those registered above it (they send cadres down into it)
 * and those linked to it — a cadre managed there, a stationing or a pairing there — but not another county's own
 * units.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { HelpUnitInput, HelpUnitListQuery, HelpUnitPatch, HelpUnitView } from '../../../shared/contracts/units.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import type { DB } from '../../db/schema.ts';
import { bumpVersion } from '../../db/rows.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { seenFrom, uniqueName, unitMissing } from './common.ts';
import { activeOn, pairingActive } from './repo.ts';

/**
 * Keeps the units (alias `u`) the scope sees: registered inside it or above it, or linked to it by a cadre managed
 * there, a stationing or a pairing there. One OR of index lookups per unit (the pairings and cadres of a unit by
 * their unit index; the scope's stationings once, as an IN list).
 */
export const visibleUnits = (db: Db, scope: Scope) =>
  seenFrom(scope, 'u.region_code', (eb: ExpressionBuilder<DB & { u: DB['help_unit'] }, 'u'>) => [
    eb.exists(
      eb
        .selectFrom('person as p')
        .select(sql`1`.as('one'))
        .whereRef('p.unit_id', '=', 'u.id')
        .$call(scope.where('p.region_code')),
    ),
    eb(
      'u.id',
      'in',
      db
        .selectFrom('stationing as s')
        .select('s.unit_id')
        .where('s.unit_id', 'is not', null)
        .$call(scope.where('s.region_code')),
    ),
    eb.exists(
      eb
        .selectFrom('pairing as g')
        .select(sql`1`.as('one'))
        .whereRef('g.unit_id', '=', 'u.id')
        .$call(scope.where('g.region_code')),
    ),
  ]);

/**
 * The units the scope sees, with the number of cadres they send (person.unit_id, managed in the scope) and of
 * villages of the scope they help now (current stationings of the unit and active unit ↔ village pairings).
 */
export async function helpUnitList(db: Db, scope: Scope, q: Omit<HelpUnitListQuery, 'region'>) {
  const base = db
    .selectFrom('help_unit as u')
    .$if(!!q.level, (qb) => qb.where('u.level', '=', q.level!))
    .$if(!!q.kind, (qb) => qb.where('u.kind', '=', q.kind!))
    .$if(!!q.q, (qb) => qb.where('u.name', 'like', `%${q.q}%`));
  const { total, rows } = await listPage({
    scope,
    base,
    scopeColumn: (s) => visibleUnits(db, s),
    order: (qb) => qb.orderBy('u.level').orderBy('u.name').orderBy('u.id'),
    page: q,
    select: (qb) =>
      qb
        .leftJoin('region as r', 'r.code', 'u.region_code')
        .select(['u.id', 'u.name', 'u.level', 'u.kind', 'u.region_code', 'r.name as region_name', 'u.version']),
  });
  const ids = rows.map((r) => r.id);
  const today = todayInChina();
  const [cadres, stationVillages, pairedVillages] = ids.length
    ? await Promise.all([
        db
          .selectFrom('person as p')
          .select((eb) => ['p.unit_id', eb.fn.countAll<number>().as('n')])
          .where('p.unit_id', 'in', ids)
          .$call(scope.where('p.region_code'))
          .groupBy('p.unit_id')
          .execute(),
        db
          .selectFrom('stationing as s')
          .select(['s.unit_id', 's.region_code'])
          .distinct()
          .where('s.unit_id', 'in', ids)
          .where(activeOn('s', today))
          .$call(scope.where('s.region_code'))
          .execute(),
        db
          .selectFrom('pairing as g')
          .select(['g.unit_id', 'g.region_code'])
          .distinct()
          .where('g.kind', '=', 'unit_village')
          .where('g.unit_id', 'in', ids)
          .where(pairingActive('g', today))
          .$call(scope.where('g.region_code'))
          .execute(),
      ])
    : [[], [], []];
  const cadreCount = new Map(cadres.map((c) => [c.unit_id!, Number(c.n)]));
  const villages = new Map<number, Set<string>>();
  for (const v of [...stationVillages, ...pairedVillages]) {
    const set = villages.get(v.unit_id!) ?? new Set<string>();
    set.add(v.region_code);
    villages.set(v.unit_id!, set);
  }
  return {
    total,
    items: rows.map((r) => ({
      ...unitView(r),
      cadres: cadreCount.get(r.id) ?? 0,
      villages: villages.get(r.id)?.size ?? 0,
    })),
  };
}

async function findUnitRow(db: Db, id: number) {
  return db
    .selectFrom('help_unit as u')
    .leftJoin('region as r', 'r.code', 'u.region_code')
    .select(['u.id', 'u.name', 'u.level', 'u.kind', 'u.region_code', 'r.name as region_name', 'u.version'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

type UnitRow = NonNullable<Awaited<ReturnType<typeof findUnitRow>>>;

const unitView = (r: UnitRow): HelpUnitView => ({
  id: r.id,
  name: r.name,
  level: r.level,
  kind: r.kind,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  version: r.version,
});

async function getUnit(db: Db, id: number): Promise<HelpUnitView> {
  const row = await findUnitRow(db, id);
  if (!row) throw unitMissing(id);
  return unitView(row);
}

/** Registers a unit in a region of the scope (force.station there; central units: the nation, i.e. admin). */
export async function createHelpUnit(db: Db, scope: Scope, input: HelpUnitInput): Promise<HelpUnitView> {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  scope.authorize(region.code);
  const id = await db.transaction().execute(async (trx) => {
    await uniqueName(trx, 'help_unit', input.name);
    const now = nowIso();
    const values = { name: input.name, level: input.level, kind: input.kind, region_code: region.code };
    const { id } = await trx
      .insertInto('help_unit')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'help_unit',
      entityId: id,
      regionCode: region.code,
      after: values,
    });
    return id;
  });
  return getUnit(db, id);
}

/** Changes a unit (force.station in its region and in the new one); 409 when `version` is stale. */
export async function updateHelpUnit(
  db: Db,
  scope: Scope,
  id: number,
  patch: Omit<HelpUnitPatch, 'version'>,
  version: number | undefined,
): Promise<HelpUnitView> {
  const before = await findUnitRow(db, id);
  if (!before) throw unitMissing(id);
  scope.authorize(before.region_code);
  const region = await requireRegion(db, patch.regionCode ?? before.region_code, 'regionCode');
  scope.authorize(region.code);
  const values = {
    name: patch.name ?? before.name,
    level: patch.level ?? before.level,
    kind: patch.kind ?? before.kind,
    region_code: region.code,
  };
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, 'help_unit', id, version, () => getUnit(trx, id));
    await uniqueName(trx, 'help_unit', values.name, id);
    await trx
      .updateTable('help_unit')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope.actor, {
      action: 'update',
      entity: 'help_unit',
      entityId: id,
      regionCode: region.code,
      before,
      after: values,
    });
  });
  return getUnit(db, id);
}
