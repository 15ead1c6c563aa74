/**
 * Help units (派出单位/帮扶单位) and partners (enterprises, cooperatives). Units are reference data
 * any force.read role may list; a unit belongs to a region (the county that registered it, or the
 * nation for central units) and writes need force.station there. Partners are region-owned rows like
 * the others (force.read to list, force.write to change).
 */
import { sql } from 'kysely';
import type { PartnerKind, UnitKind, UnitLevel } from '../../../shared/forces.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, authorizeAny, withinScope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { conflict } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { maskPhone } from '../../pii/mask.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { listRange, partnerMissing, refuse, unitMissing } from './common.ts';
import { todayInChina } from '../../clock.ts';
import { activeOn } from './repo.ts';

/** An active pairing on `day` (start ≤ day ≤ end, open end). */
const pairingActive = (alias: string, day: string) =>
  sql<boolean>`(${sql.ref(`${alias}.start_date`)} <= ${day} and coalesce(${sql.ref(
    `${alias}.end_date`,
  )}, '9999-12-31') >= ${day})`;

export interface HelpUnitInput {
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  regionCode: string;
}

/**
 * Units with, inside the actor's scope, the number of cadres they send (person.unit_id, managed in
 * scope) and of villages they help now (current stationings of the unit and active unit ↔ village
 * pairings).
 */
export async function helpUnitList(
  db: Db,
  actor: Actor,
  q: { region?: string; level?: UnitLevel; kind?: UnitKind; q?: string; page: number; pageSize: number },
) {
  authorizeAny(actor, 'force.read');
  const range = q.region ? await listRange(db, actor, 'force.read', q.region) : null;
  const base = db
    .selectFrom('help_unit as u')
    .$if(!!range, (qb) => qb.where('u.region_code', '>=', range!.lo).where('u.region_code', '<', range!.hi))
    .$if(!!q.level, (qb) => qb.where('u.level', '=', q.level!))
    .$if(!!q.kind, (qb) => qb.where('u.kind', '=', q.kind!))
    .$if(!!q.q, (qb) => qb.where('u.name', 'like', `%${q.q}%`));
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .leftJoin('region as r', 'r.code', 'u.region_code')
      .select(['u.id', 'u.name', 'u.level', 'u.kind', 'u.region_code', 'r.name as region_name'])
      .orderBy('u.level')
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const today = todayInChina();
  const [cadres, stationVillages, pairedVillages] = ids.length
    ? await Promise.all([
        db
          .selectFrom('person as p')
          .select((eb) => ['p.unit_id', eb.fn.countAll<number>().as('n')])
          .where('p.unit_id', 'in', ids)
          .$call(withinScope(actor, 'force.read', 'p.region_code'))
          .groupBy('p.unit_id')
          .execute(),
        db
          .selectFrom('stationing as s')
          .select(['s.unit_id', 's.region_code'])
          .distinct()
          .where('s.unit_id', 'in', ids)
          .where(activeOn('s', today))
          .$call(withinScope(actor, 'force.read', 's.region_code'))
          .execute(),
        db
          .selectFrom('pairing as g')
          .select(['g.unit_id', 'g.region_code'])
          .distinct()
          .where('g.kind', '=', 'unit_village')
          .where('g.unit_id', 'in', ids)
          .where(pairingActive('g', today))
          .$call(withinScope(actor, 'force.read', 'g.region_code'))
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
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      level: r.level as UnitLevel,
      kind: r.kind as UnitKind,
      regionCode: r.region_code,
      regionName: r.region_name ?? r.region_code,
      cadres: cadreCount.get(r.id) ?? 0,
      villages: villages.get(r.id)?.size ?? 0,
    })),
  };
}

async function findUnitRow(db: Db, id: number) {
  return db
    .selectFrom('help_unit as u')
    .leftJoin('region as r', 'r.code', 'u.region_code')
    .select(['u.id', 'u.name', 'u.level', 'u.kind', 'u.region_code', 'r.name as region_name'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

const unitView = (r: NonNullable<Awaited<ReturnType<typeof findUnitRow>>>) => ({
  id: r.id,
  name: r.name,
  level: r.level as UnitLevel,
  kind: r.kind as UnitKind,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
});

async function uniqueName(db: Db, table: 'help_unit' | 'partner', name: string, selfId?: number) {
  const other = await db
    .selectFrom(table)
    .select('id')
    .where('name', '=', name)
    .$if(selfId !== undefined, (qb) => qb.where('id', '!=', selfId!))
    .executeTakeFirst();
  if (other) throw conflict(msg(`名称已存在：${name}`, `The name is already used: ${name}`));
}

export async function createHelpUnit(db: Db, actor: Actor, input: HelpUnitInput) {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  authorize(actor, 'force.station', region.code);
  const id = await db.transaction().execute(async (trx) => {
    await uniqueName(trx, 'help_unit', input.name);
    const now = nowIso();
    const values = { name: input.name, level: input.level, kind: input.kind, region_code: region.code };
    const { id } = await trx
      .insertInto('help_unit')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'help_unit',
      entityId: id,
      regionCode: region.code,
      after: values,
    });
    return id;
  });
  return unitView((await findUnitRow(db, id))!);
}

export async function updateHelpUnit(db: Db, actor: Actor, id: number, patch: Partial<HelpUnitInput>) {
  const before = await findUnitRow(db, id);
  if (!before) throw unitMissing(id);
  authorize(actor, 'force.station', before.region_code);
  const region = await requireRegion(db, patch.regionCode ?? before.region_code, 'regionCode');
  authorize(actor, 'force.station', region.code);
  const values = {
    name: patch.name ?? before.name,
    level: patch.level ?? before.level,
    kind: patch.kind ?? before.kind,
    region_code: region.code,
  };
  await db.transaction().execute(async (trx) => {
    await uniqueName(trx, 'help_unit', values.name, id);
    await trx
      .updateTable('help_unit')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entity: 'help_unit',
      entityId: id,
      regionCode: region.code,
      before,
      after: values,
    });
  });
  return unitView((await findUnitRow(db, id))!);
}

// ---- partners ----

export interface PartnerInput {
  name: string;
  kind: PartnerKind;
  regionCode: string;
  contact?: string | null;
  phone?: string | null;
}

function partnerQuery(db: Db) {
  return db
    .selectFrom('partner as e')
    .leftJoin('region as r', 'r.code', 'e.region_code')
    .select(['e.id', 'e.name', 'e.kind', 'e.region_code', 'r.name as region_name', 'e.contact', 'e.phone']);
}

type PartnerRow = Awaited<ReturnType<ReturnType<typeof partnerQuery>['executeTakeFirstOrThrow']>>;

const partnerView = (r: PartnerRow, villages: number) => ({
  id: r.id,
  name: r.name,
  kind: r.kind as PartnerKind,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  contact: r.contact,
  phone: maskPhone(r.phone),
  villages,
});

/** Villages a partner helps now (active enterprise ↔ village pairings inside the actor's scope). */
async function partnerVillages(db: Db, actor: Actor, ids: readonly number[]) {
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('pairing as g')
    .select(['g.partner_id', 'g.region_code'])
    .distinct()
    .where('g.partner_id', 'in', ids)
    .where(pairingActive('g', todayInChina()))
    .$call(withinScope(actor, 'force.read', 'g.region_code'))
    .execute();
  for (const r of rows) out.set(r.partner_id!, (out.get(r.partner_id!) ?? 0) + 1);
  return out;
}

export async function partnerList(
  db: Db,
  actor: Actor,
  q: { region?: string; kind?: PartnerKind; q?: string; page: number; pageSize: number },
) {
  const range = await listRange(db, actor, 'force.read', q.region);
  const base = db
    .selectFrom('partner as e')
    .where('e.region_code', '>=', range.lo)
    .where('e.region_code', '<', range.hi)
    .$if(!!q.kind, (qb) => qb.where('e.kind', '=', q.kind!))
    .$if(!!q.q, (qb) => qb.where('e.name', 'like', `%${q.q}%`))
    .$call(withinScope(actor, 'force.read', 'e.region_code'));
  const [{ total }, ids] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('e.id')
      .orderBy('e.region_code')
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  const pageIds = ids.map((r) => r.id);
  const [rows, villages] = await Promise.all([
    pageIds.length ? partnerQuery(db).where('e.id', 'in', pageIds).execute() : Promise.resolve([]),
    partnerVillages(db, actor, pageIds),
  ]);
  const order = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { total: Number(total), items: rows.map((r) => partnerView(r, villages.get(r.id) ?? 0)) };
}

const isMasked = (v: string | null | undefined) => !!v && v.includes('*');
const fullPhone = msg('请填写完整的电话号码', 'Enter the full phone number');

export async function createPartner(db: Db, actor: Actor, input: PartnerInput) {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  authorize(actor, 'force.write', region.code);
  if (isMasked(input.phone)) refuse([['phone', fullPhone]]);
  const values = {
    name: input.name,
    kind: input.kind,
    region_code: region.code,
    contact: input.contact ?? null,
    phone: input.phone ?? null,
  };
  const id = await db.transaction().execute(async (trx) => {
    await uniqueName(trx, 'partner', input.name);
    const now = nowIso();
    const { id } = await trx
      .insertInto('partner')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'partner',
      entityId: id,
      regionCode: region.code,
      after: values,
    });
    return id;
  });
  return partnerView((await partnerQuery(db).where('e.id', '=', id).executeTakeFirstOrThrow())!, 0);
}

export async function updatePartner(db: Db, actor: Actor, id: number, patch: Partial<PartnerInput>) {
  const before = await partnerQuery(db).where('e.id', '=', id).executeTakeFirst();
  if (!before) throw partnerMissing(id);
  authorize(actor, 'force.write', before.region_code);
  const region = await requireRegion(db, patch.regionCode ?? before.region_code, 'regionCode');
  authorize(actor, 'force.write', region.code);
  let phone = patch.phone === undefined ? before.phone : patch.phone;
  if (isMasked(phone)) {
    if (maskPhone(before.phone) !== phone) refuse([['phone', fullPhone]]);
    phone = before.phone;
  }
  const values = {
    name: patch.name ?? before.name,
    kind: patch.kind ?? before.kind,
    region_code: region.code,
    contact: patch.contact === undefined ? before.contact : patch.contact,
    phone,
  };
  await db.transaction().execute(async (trx) => {
    await uniqueName(trx, 'partner', values.name, id);
    await trx
      .updateTable('partner')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entity: 'partner',
      entityId: id,
      regionCode: region.code,
      before,
      after: values,
    });
  });
  const villages = await partnerVillages(db, actor, [id]);
  return partnerView((await partnerQuery(db).where('e.id', '=', id).executeTakeFirstOrThrow())!, villages.get(id) ?? 0);
}
