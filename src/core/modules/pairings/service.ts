/**
 * Pairings (结对帮扶) of the five kinds: list, create, end, the gaps (registered poor households without a
 * responsible cadre) and the summary. Writes need force.write in the helped side's region; the helping
 * cadre must be visible to the caller; a cadre holds at most pairing_household_cap households.
 */
import { PAIRING_KINDS, type PairingKind, type UnitLevel } from '../../../shared/forces.ts';
import { REGISTERED_STATUSES, type HouseholdStatus } from '../../../shared/register.ts';
import type { Permission } from '../../../shared/codes.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, can, scopesFor } from '../../access/scope.ts';
import { isPostgres } from '../../db/bulk.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { canPairAnother } from '../cadres/rules.ts';
import { findHousehold } from '../households/repo.ts';
import { paramValue } from '../policy/service.ts';
import { findRegion, type Region } from '../regions/repo.ts';
import { NATION_CODE, normalizeCode, subtreeRange } from '../../../shared/regions.ts';
import { requireRegion } from '../regions/service.ts';
import { todayInChina } from '../../clock.ts';
import {
  activeHouseholdPairings,
  cadreWithStations,
  countGaps,
  findActiveDuplicate,
  findPairing,
  listGaps,
  listPairings,
  pairingCounts,
  type PairingRow,
  type Range,
} from './repo.ts';
import { isActivePairing, PAIRING_FIELDS, pairingFieldProblems, sameCounty, type Problem } from './rules.ts';

export const validationError = (problems: Problem[]) =>
  new AppError(
    'VALIDATION',
    msg('输入有误', 'Invalid input'),
    problems.map(([path, message]) => ({ path, message })),
  );

// ---- regions of a query ----

export interface QueryRegion {
  region: Region;
  range: Range;
  /** Set when the region asked for is a group (村民小组): its village's range, filtered to the group. */
  groupCode?: string;
}

/** The `region` query parameter: parsed (400), known (404), inside the caller's scope for `permission` (403). */
export async function queryRegion(db: Db, actor: Actor, permission: Permission, input: string): Promise<QueryRegion> {
  const region = await requireRegion(db, input, 'region');
  authorize(actor, permission, region.code);
  if (region.level === 'group' && region.parentCode)
    return { region, range: subtreeRange(region.parentCode), groupCode: region.code };
  return { region, range: subtreeRange(region.code) };
}

/** The `region` query parameter or, when absent, the caller's first scope for `permission`. */
export async function regionOrFirstScope(db: Db, actor: Actor, permission: Permission, input?: string) {
  if (input) return queryRegion(db, actor, permission, input);
  const scopes = scopesFor(actor, permission);
  if (scopes !== 'all' && scopes.length === 0) throw forbidden();
  return queryRegion(db, actor, permission, scopes === 'all' ? NATION_CODE : scopes[0]!);
}

/** A village named in a body field: 400 naming the field when malformed, unknown or not a village. */
async function requireVillage(db: Db, input: string, field: string): Promise<Region> {
  const code = normalizeCode(input);
  const region = code ? await findRegion(db, code) : undefined;
  if (!region) throw invalid(field, msg(`区划不存在：${input}`, `Unknown region: ${input}`));
  if (region.level !== 'village') throw invalid(field, msg('应为村级区划代码', 'Must be a village code'));
  return region;
}

// ---- the helping cadre as seen by the caller ----

/**
 * The caller may name a cadre it can see: managed in its force.read scope (person.region_code), or
 * holding a current station in a village of that scope. Otherwise 400 naming the field (the pairing
 * would reach across the caller's scope).
 */
export async function requireVisibleCadre(db: Db, actor: Actor, personId: number, field: string, today: string) {
  const cadre = await cadreWithStations(db, personId, today);
  if (!cadre) throw invalid(field, msg(`干部不存在：${personId}`, `Cadre not found: ${personId}`));
  const visible =
    can(actor, 'force.read', cadre.region_code) || cadre.stationRegions.some((r) => can(actor, 'force.read', r));
  if (!visible)
    throw invalid(
      field,
      msg(
        `干部“${cadre.name}”不在您的管辖范围内，不能跨范围结对或指派`,
        `The cadre ${cadre.name} is outside your scope; a pairing or assignment cannot reach across it`,
      ),
    );
  return cadre;
}

// ---- views ----

export function pairingView(r: PairingRow, today: string) {
  return {
    id: r.id,
    kind: r.kind as PairingKind,
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    household:
      r.household_id === null
        ? null
        : { id: r.household_id, code: r.household_code ?? '', headName: r.head_name ?? '' },
    person: r.person_id === null ? null : { id: r.person_id, name: r.person_name ?? '' },
    unit:
      r.unit_id === null
        ? null
        : { id: r.unit_id, name: r.unit_name ?? '', level: (r.unit_level ?? 'county') as UnitLevel },
    partner:
      r.partner_id === null ? null : { id: r.partner_id, name: r.partner_name ?? '', kind: r.partner_kind ?? '' },
    helperRegion:
      r.helper_region_code === null
        ? null
        : { code: r.helper_region_code, name: r.helper_region_name ?? r.helper_region_code },
    helperName: r.helper_name,
    helpedName: r.helped_name,
    startDate: r.start_date,
    endDate: r.end_date,
    active: isActivePairing(r.end_date, today),
    note: r.note,
  };
}
export type PairingView = ReturnType<typeof pairingView>;

const pairingMissing = (id: number) => notFound(msg(`结对记录不存在：${id}`, `Pairing not found: ${id}`));

// ---- list ----

export async function pairingList(
  db: Db,
  actor: Actor,
  q: {
    region?: string;
    kind?: PairingKind;
    personId?: number;
    householdId?: number;
    active?: boolean;
    unitLevels?: UnitLevel[];
    page: number;
    pageSize: number;
  },
) {
  const today = todayInChina();
  const where = q.region ? await queryRegion(db, actor, 'force.read', q.region) : undefined;
  const { total, rows } = await listPairings(db, actor, { ...q, range: where?.range, today });
  return { total, items: rows.map((r) => pairingView(r, today)) };
}

// ---- create ----

export interface PairingInput {
  kind: PairingKind;
  regionCode?: string | null;
  householdId?: number | null;
  personId?: number | null;
  unitId?: number | null;
  partnerId?: number | null;
  helperRegionCode?: string | null;
  helperName?: string | null;
  helpedName?: string | null;
  startDate: string;
  note?: string | null;
}

export async function createPairing(db: Db, actor: Actor, input: PairingInput) {
  const problems = pairingFieldProblems(input);
  if (problems.length) throw validationError(problems);
  const today = todayInChina();
  const kind = input.kind;
  const keep = (f: (typeof PAIRING_FIELDS)[PairingKind][number]) => PAIRING_FIELDS[kind].includes(f);
  const row = {
    kind,
    regionCode: '',
    householdId: null as number | null,
    personId: keep('personId') ? (input.personId ?? null) : null,
    unitId: keep('unitId') ? (input.unitId ?? null) : null,
    partnerId: keep('partnerId') ? (input.partnerId ?? null) : null,
    helperRegionCode: null as string | null,
    helperName: keep('helperName') ? input.helperName!.trim() : null,
    helpedName: keep('helpedName') ? input.helpedName!.trim() : null,
  };

  // The helped side decides the region, and the caller must be allowed to write there.
  if (kind === 'cadre_household') {
    const h = await findHousehold(db, input.householdId!);
    if (!h)
      throw invalid(
        'householdId',
        msg(`农户不存在：${input.householdId}`, `Household not found: ${input.householdId}`),
      );
    if (!can(actor, 'force.write', h.region_code))
      throw forbidden(
        msg(
          '该农户不在您的管辖范围内，不能跨范围结对',
          'The household is outside your scope; a pairing cannot reach across it',
        ),
      );
    if (!REGISTERED_STATUSES.includes(h.status as HouseholdStatus))
      throw invalid(
        'householdId',
        msg('只有建档立卡户（未脱贫、已脱贫、返贫）可以结对帮扶', 'Only registered households can be paired'),
      );
    if (input.regionCode && normalizeCode(input.regionCode) !== h.region_code)
      throw invalid('regionCode', msg('村与农户所在村不一致', "The village is not the household's village"));
    row.regionCode = h.region_code;
    row.householdId = h.id;
  } else {
    const village = await requireVillage(db, input.regionCode!, 'regionCode');
    if (!can(actor, 'force.write', village.code))
      throw forbidden(
        msg(
          '该村不在您的管辖范围内，不能跨范围结对',
          'The village is outside your scope; a pairing cannot reach across it',
        ),
      );
    row.regionCode = village.code;
  }

  if (row.personId !== null) await requireVisibleCadre(db, actor, row.personId, 'personId', today);
  if (kind === 'village_village') {
    // The advanced village need not be in the caller's scope: any village of the same county may help.
    const helper = await requireVillage(db, input.helperRegionCode!, 'helperRegionCode');
    if (helper.code === row.regionCode)
      throw invalid('helperRegionCode', msg('村不能与自身结对', 'A village cannot pair with itself'));
    if (!sameCounty(helper.code, row.regionCode))
      throw invalid('helperRegionCode', msg('结对先进村应在本县内', 'The advanced village must be in the same county'));
    row.helperRegionCode = helper.code;
  }
  if (row.unitId !== null) {
    const unit = await db.selectFrom('help_unit').select('id').where('id', '=', row.unitId).executeTakeFirst();
    if (!unit) throw invalid('unitId', msg(`帮扶单位不存在：${row.unitId}`, `Unit not found: ${row.unitId}`));
  }
  if (row.partnerId !== null) {
    const partner = await db.selectFrom('partner').select('id').where('id', '=', row.partnerId).executeTakeFirst();
    if (!partner)
      throw invalid('partnerId', msg(`企业不存在：${row.partnerId}`, `Enterprise not found: ${row.partnerId}`));
  }
  const cap =
    kind === 'cadre_household'
      ? await paramValue<number>(db, 'pairing_household_cap', Number(today.slice(0, 4)), row.regionCode.slice(0, 2))
      : 0;

  return db.transaction().execute(async (trx) => {
    // One cadre at a time: on PostgreSQL lock the cadre's row so two requests cannot both pass the cap.
    if (kind === 'cadre_household' && isPostgres(trx))
      await trx.selectFrom('person').select('id').where('id', '=', row.personId!).forUpdate().execute();
    if (await findActiveDuplicate(trx, row, today))
      throw conflict(msg('相同的结对关系已存在且仍有效', 'The same pairing exists and is still active'));
    if (kind === 'cadre_household') {
      const current = await activeHouseholdPairings(trx, row.personId!, today);
      if (!canPairAnother(current, cap))
        throw invalid(
          'personId',
          msg(
            `该干部已结对帮扶 ${current} 户，已达上限 ${cap} 户`,
            `The cadre already helps ${current} households, the cap is ${cap}`,
          ),
        );
    }
    const now = nowIso();
    const { id } = await trx
      .insertInto('pairing')
      .values({
        kind,
        region_code: row.regionCode,
        household_id: row.householdId,
        person_id: row.personId,
        unit_id: row.unitId,
        partner_id: row.partnerId,
        helper_region_code: row.helperRegionCode,
        helper_name: row.helperName,
        helped_name: row.helpedName,
        start_date: input.startDate,
        end_date: null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = pairingView((await findPairing(trx, id))!, today);
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'pairing',
      entityId: id,
      regionCode: row.regionCode,
      after,
    });
    return after;
  });
}

// ---- end ----

export async function endPairing(db: Db, actor: Actor, id: number, endDate: string) {
  const today = todayInChina();
  const row = await findPairing(db, id);
  if (!row) throw pairingMissing(id);
  authorize(actor, 'force.write', row.region_code);
  if (endDate < row.start_date)
    throw invalid(
      'endDate',
      msg(`结束日期早于开始日期 ${row.start_date}`, `The end date is before the start date ${row.start_date}`),
    );
  if (!isActivePairing(row.end_date, today))
    throw conflict(msg(`该结对已于 ${row.end_date} 结束`, `The pairing already ended on ${row.end_date}`));
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('pairing').set({ end_date: endDate, updated_at: nowIso() }).where('id', '=', id).execute();
    const after = pairingView((await findPairing(trx, id))!, today);
    await writeAudit(trx, actor, {
      action: 'end',
      entity: 'pairing',
      entityId: id,
      regionCode: row.region_code,
      before: pairingView(row, today),
      after,
    });
    return after;
  });
}

// ---- gaps and summary ----

export async function pairingGaps(db: Db, actor: Actor, q: { region?: string; page: number; pageSize: number }) {
  const today = todayInChina();
  const where = await regionOrFirstScope(db, actor, 'household.read', q.region);
  const { total, rows } = await listGaps(db, actor, { ...where, today, page: q.page, pageSize: q.pageSize });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      headName: r.head_name,
      regionCode: r.region_code,
      regionName: r.region_name,
      status: r.status as HouseholdStatus,
    })),
  };
}

export async function pairingSummary(db: Db, actor: Actor, q: { region?: string }) {
  const today = todayInChina();
  const where = await regionOrFirstScope(db, actor, 'force.read', q.region);
  const [counts, gaps] = await Promise.all([
    pairingCounts(db, actor, where.range, today),
    countGaps(db, actor, { ...where, today }),
  ]);
  return {
    region: { code: where.region.code, name: where.region.name },
    byKind: PAIRING_KINDS.map((k) => ({ kind: k.code, pairs: counts.byKind.get(k.code) ?? 0 })),
    gaps,
    cadres: counts.cadres,
    households: counts.households,
    householdsPerCadre: counts.householdsPerCadre,
  };
}
