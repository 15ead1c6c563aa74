/**
 * Helping units (帮扶单位 / 派出单位) and partners (enterprises, cooperatives) of the demo county. Units
 * and partners are keyed by their unique name: existing ones are reused, missing ones inserted.
 */
import type { UnitLevel } from '../../../../shared/forces.ts';
import type { Db } from '../../../db/index.ts';
import { nowIso } from '../../../db/index.ts';
import { personName, phone, type Rng } from '../random.ts';
import {
  COOPERATIVE_PRODUCTS,
  countyUnits,
  ENTERPRISE_BRANDS,
  ENTERPRISE_TRADES,
  HIGHER_UNITS,
  type UnitDef,
} from './catalogue.ts';
import { insertRows, shuffle } from './common.ts';

export interface Unit {
  id: number;
  name: string;
  level: UnitLevel;
  region: string;
}

export interface Units {
  /** The 13 central, provincial and city units. */
  higher: Unit[];
  /** County departments (the first two: county Party committee and government). */
  county: Unit[];
  /** Township governments by township code. */
  township: Map<string, Unit>;
}

export interface Named {
  code: string;
  name: string;
}

async function ensureUnits(db: Db, defs: UnitDef[]): Promise<Unit[]> {
  const names = defs.map((d) => d.name);
  const have = new Set(
    (await db.selectFrom('help_unit').select('name').where('name', 'in', names).execute()).map((x) => x.name),
  );
  const now = nowIso();
  await insertRows(
    db,
    'help_unit',
    defs
      .filter((d) => !have.has(d.name))
      .map((d) => ({
        name: d.name,
        level: d.level,
        kind: d.kind,
        region_code: d.region,
        created_at: now,
        updated_at: now,
      })),
  );
  const rows = await db.selectFrom('help_unit').select(['id', 'name']).where('name', 'in', names).execute();
  const ids = new Map(rows.map((x) => [x.name, Number(x.id)]));
  return defs.map((d) => ({ id: ids.get(d.name)!, name: d.name, level: d.level, region: d.region }));
}

/** The county's helping units, inserted when missing. */
export async function loadUnits(db: Db, county: Named, townships: Named[]): Promise<Units> {
  const higher = await ensureUnits(db, [...HIGHER_UNITS]);
  const county_ = await ensureUnits(db, countyUnits(county.name, county.code));
  const town = await ensureUnits(
    db,
    townships.map((t) => ({
      name: `${county.name}${t.name}人民政府`,
      level: 'township',
      kind: 'party_gov',
      region: t.code,
    })),
  );
  return { higher, county: county_, township: new Map(townships.map((t, i) => [t.code, town[i]!])) };
}

export interface Partner {
  id: number;
  name: string;
  region: string;
}

/**
 * 103 enterprises (non-public, 非公企业) of the county and its townships, and cooperatives in some
 * villages. Names are unique (brand + trade), deterministic from the stream.
 */
export async function loadPartners(
  db: Db,
  r: Rng,
  county: Named,
  townships: Named[],
  villages: Named[],
  enterprises: number,
  cooperatives: number,
): Promise<{ enterprises: Partner[]; cooperatives: Partner[] }> {
  const names = new Set<string>();
  const rows: { name: string; kind: string; region_code: string; contact: string; phone: string }[] = [];
  const short = county.name.replace(/(自治县|县|市|区)$/, '');
  const prefixes = ['十堰', short, '湖北', county.name];
  while (rows.length < enterprises) {
    const prefix = r.pick(prefixes);
    const name = `${prefix}${r.pick(ENTERPRISE_BRANDS)}${r.pick(ENTERPRISE_TRADES)}${prefix === '湖北' ? '股份' : ''}有限公司`;
    if (names.has(name)) continue;
    names.add(name);
    const region = r.chance(0.6) ? county.code : r.pick(townships).code;
    const gender = r.chance(0.8) ? 'male' : 'female';
    rows.push({ name, kind: 'enterprise', region_code: region, contact: personName(r, gender), phone: phone(r) });
  }
  const coopVillages = shuffle(r, [...villages]).slice(0, cooperatives);
  for (const v of coopVillages) {
    const name = `${county.name}${v.name}${r.pick(COOPERATIVE_PRODUCTS)}专业合作社`;
    if (names.has(name)) continue;
    names.add(name);
    const gender = r.chance(0.85) ? 'male' : 'female';
    rows.push({ name, kind: 'cooperative', region_code: v.code, contact: personName(r, gender), phone: phone(r) });
  }
  const all = rows.map((x) => x.name);
  const have = new Set<string>();
  for (let i = 0; i < all.length; i += 500)
    for (const x of await db
      .selectFrom('partner')
      .select('name')
      .where('name', 'in', all.slice(i, i + 500))
      .execute())
      have.add(x.name);
  const now = nowIso();
  await insertRows(
    db,
    'partner',
    rows.filter((x) => !have.has(x.name)).map((x) => ({ ...x, created_at: now, updated_at: now })),
  );
  const ids = new Map<string, number>();
  for (let i = 0; i < all.length; i += 500)
    for (const x of await db
      .selectFrom('partner')
      .select(['id', 'name'])
      .where('name', 'in', all.slice(i, i + 500))
      .execute())
      ids.set(x.name, Number(x.id));
  const partner = (x: (typeof rows)[number]) => ({ id: ids.get(x.name)!, name: x.name, region: x.region_code });
  return {
    enterprises: rows.filter((x) => x.kind === 'enterprise').map(partner),
    cooperatives: rows.filter((x) => x.kind === 'cooperative').map(partner),
  };
}
