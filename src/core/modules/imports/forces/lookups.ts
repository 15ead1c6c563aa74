/**
 * What the help-force workbooks name in words, found in the database: code lists, help units and
 * enterprises by name, cadres by ID number or by name, households by 户编号. A miss is a VALIDATION
 * error naming the row's field, as the services' own refusals are.
 */
import { CADRE_EDUCATION, PAIRING_KINDS, POLITICAL_STATUSES, STATION_ROLES } from '../../../../shared/forces.ts';
import type { Scope } from '../../../access/scope.ts';
import type { Db } from '../../../db/index.ts';
import { invalid } from '../../../errors.ts';
import { msg } from '../../../i18n.ts';
import { normalizeCode } from '../../../../shared/regions.ts';
import { countyOf } from '../checks.ts';
import { listLabels, loadLabels, type LabelSet } from '../labels.ts';

const all = (items: readonly { code: string; zh: string; en: string }[]) =>
  listLabels(items.map((i) => ({ ...i, active: true })));
const FORCE_LISTS = {
  cadre_education: all(CADRE_EDUCATION),
  political_status: all(POLITICAL_STATUSES),
  station_role: all(STATION_ROLES),
  pairing_kind: all(PAIRING_KINDS),
};

/** The code lists of the force workbooks: the module's lists, and gender as the register labels it. */
export async function forceLabels(db: Db): Promise<LabelSet> {
  return { gender: (await loadLabels(db)).gender, ...FORCE_LISTS };
}

/** A 12-digit region code from a cell, or null when malformed (the service then names the field). */
export const regionCodeOf = (v: unknown): string | null => (typeof v === 'string' ? normalizeCode(v) : null);

/** Help units by name; loaded once per import (a county has tens, a province hundreds). */
export async function loadUnits(db: Db): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const u of await db.selectFrom('help_unit').select(['id', 'name']).orderBy('id').execute())
    out.set(u.name, [...(out.get(u.name) ?? []), u.id]);
  return out;
}

/** The id of the unit named `name`: 400 on `field` when there is none, or more than one. */
export function unitIdOf(units: Map<string, number[]>, name: string, field: string): number {
  const ids = units.get(name) ?? [];
  if (ids.length === 1) return ids[0]!;
  throw invalid(
    field,
    ids.length
      ? msg(`有 ${ids.length} 个名为“${name}”的帮扶单位，无法区分`, `${ids.length} units are named ${name}`)
      : msg(
          `帮扶单位“${name}”不存在，请先在“帮扶单位”中登记（名称须完全一致）`,
          `No help unit is named ${name}; register it first`,
        ),
  );
}

/** The id of the enterprise or cooperative named `name` (in the village's county when several share it). */
export async function partnerIdOf(db: Db, name: string, villageCode: string | null, field: string): Promise<number> {
  let rows = await db.selectFrom('partner').select(['id', 'region_code']).where('name', '=', name).execute();
  if (rows.length > 1 && villageCode) rows = rows.filter((r) => r.region_code.slice(0, 6) === villageCode.slice(0, 6));
  if (rows.length === 1) return rows[0]!.id;
  throw invalid(
    field,
    rows.length
      ? msg(`有 ${rows.length} 个名为“${name}”的企业，无法区分`, `${rows.length} enterprises are named ${name}`)
      : msg(`企业“${name}”不存在，请先在“合作主体”中登记`, `No enterprise is named ${name}; register it first`),
  );
}

export const normalizeId = (s: string): string => s.trim().toUpperCase();

/** Fields of a row that name a cadre: the ID number, else the name (with the sending unit when known). */
export interface CadreRefFields {
  idNumber: string;
  name: string;
}

/**
 * The cadre a row names: by ID number (any cadre: the service then checks that the caller may see it),
 * else by name — and sending unit when given — among the cadres the caller can see (managed in `reads`, the
 * caller's force.read scope, or stationed there). 400 on the field when nobody, or more than one, matches.
 */
export async function cadreIdOf(
  db: Db,
  reads: Scope,
  row: { idNumber?: string; name?: string; unitId?: number },
  fields: CadreRefFields,
): Promise<number> {
  if (row.idNumber) {
    const id = normalizeId(row.idNumber);
    const p = await db.selectFrom('person').select('id').where('id_number', '=', id).executeTakeFirst();
    if (p) return p.id;
    throw invalid(
      fields.idNumber,
      msg(`没有身份证号为 ${id} 的干部，请先导入干部信息`, `No cadre has the ID number ${id}; import the cadres first`),
    );
  }
  if (!row.name)
    throw invalid(fields.idNumber, msg('请填写干部的身份证号（或姓名）', "Give the cadre's ID number (or name)"));
  const candidates = await db
    .selectFrom('person as p')
    .select(['p.id', 'p.region_code'])
    .where('p.name', '=', row.name)
    .$if(row.unitId !== undefined, (qb) => qb.where('p.unit_id', '=', row.unitId!))
    .execute();
  const stationed = candidates.length
    ? await db
        .selectFrom('stationing')
        .select(['person_id', 'region_code'])
        .where(
          'person_id',
          'in',
          candidates.map((c) => c.id),
        )
        .$call(reads.where('region_code'))
        .execute()
    : [];
  const visible = candidates.filter((c) => reads.covers(c.region_code) || stationed.some((s) => s.person_id === c.id));
  if (visible.length === 1) return visible[0]!.id;
  throw invalid(
    fields.name,
    visible.length
      ? msg(
          `有 ${visible.length} 名干部叫“${row.name}”，请填写身份证号区分`,
          `${visible.length} cadres are named ${row.name}; give the ID number`,
        )
      : msg(
          `您的管辖范围内没有名为“${row.name}”的干部，请先导入干部信息`,
          `No cadre named ${row.name} in your scope; import the cadres first`,
        ),
  );
}

/**
 * The household with 户编号 `code`: in the village's county when the row names a village, else among
 * the households the caller can see (`reads`, its household.read scope). 400 on `field` when there is none, or
 * several (then the village decides).
 */
export async function householdIdOf(
  db: Db,
  reads: Scope,
  code: string,
  villageCode: string | null,
  field: string,
): Promise<number> {
  const rows = await db
    .selectFrom('household')
    .select('id')
    .where('code', '=', code)
    .$if(villageCode !== null, (qb) => qb.where('county_code', '=', countyOf(villageCode!)))
    .$if(villageCode === null, (qb) => qb.$call(reads.where('region_code')))
    .limit(2)
    .execute();
  if (rows.length === 1) return rows[0]!.id;
  throw invalid(
    field,
    rows.length
      ? msg(
          `户编号 ${code} 在多个县都有，请同时填写村代码`,
          `Household ${code} exists in several counties; give the village`,
        )
      : msg(`户编号 ${code} 不存在`, `Household ${code} does not exist`),
  );
}
