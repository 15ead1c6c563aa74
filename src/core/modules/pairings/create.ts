/**
 * A new pairing (结对帮扶) of one of the five kinds. The helped side (the household, else the village) decides the
 * region, and the caller must hold force.write there; the helping cadre must be visible to the caller; a cadre
 * holds at most pairing_household_cap households; the same active pairing is refused (409).
 */
import type { PairingInput } from '../../../shared/contracts/pairings.ts';
import type { PairingKind } from '../../../shared/forces.ts';
import { REGISTERED_STATUSES, type HouseholdStatus } from '../../../shared/register.ts';
import { normalizeCode } from '../../../shared/regions.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { lockForUpdate } from '../../db/rows.ts';
import { conflict, forbidden, invalid } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { canPairAnother } from '../cadres/rules.ts';
import { findHousehold } from '../households/repo.ts';
import { paramValue } from '../policy/service.ts';
import { findRegion, type Region } from '../regions/repo.ts';
import { activeHouseholdPairings, findActiveDuplicate, findPairing, type PairingSides } from './repo.ts';
import { PAIRING_FIELDS, pairingFieldProblems, sameCounty } from './rules.ts';
import { pairingView, requireVisibleCadre, validationError } from './service.ts';

/** A village named in a body field: 400 naming the field when malformed, unknown or not a village. */
async function requireVillage(db: Db, input: string, field: string): Promise<Region> {
  const code = normalizeCode(input);
  const region = code ? await findRegion(db, code) : undefined;
  if (!region) throw invalid(field, msg(`区划不存在：${input}`, `Unknown region: ${input}`));
  if (region.level !== 'village') throw invalid(field, msg('应为村级区划代码', 'Must be a village code'));
  return region;
}

const outside = (what: 'household' | 'village') =>
  forbidden(
    what === 'household'
      ? msg(
          '该农户不在您的管辖范围内，不能跨范围结对',
          'The household is outside your scope; a pairing cannot reach across it',
        )
      : msg(
          '该村不在您的管辖范围内，不能跨范围结对',
          'The village is outside your scope; a pairing cannot reach across it',
        ),
  );

/** The sides of the new pairing, checked: the helped side in the scope, the others known and visible. */
async function sidesOf(db: Db, scope: Scope, input: PairingInput, today: string): Promise<PairingSides> {
  const kind = input.kind;
  const keep = (f: (typeof PAIRING_FIELDS)[PairingKind][number]) => PAIRING_FIELDS[kind].includes(f);
  const row: PairingSides = {
    kind,
    regionCode: '',
    householdId: null,
    personId: keep('personId') ? (input.personId ?? null) : null,
    unitId: keep('unitId') ? (input.unitId ?? null) : null,
    partnerId: keep('partnerId') ? (input.partnerId ?? null) : null,
    helperRegionCode: null,
    helperName: keep('helperName') ? input.helperName!.trim() : null,
    helpedName: keep('helpedName') ? input.helpedName!.trim() : null,
  };
  if (kind === 'cadre_household') {
    const h = await findHousehold(db, input.householdId!);
    if (!h)
      throw invalid(
        'householdId',
        msg(`农户不存在：${input.householdId}`, `Household not found: ${input.householdId}`),
      );
    if (!scope.covers(h.region_code)) throw outside('household');
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
    if (!scope.covers(village.code)) throw outside('village');
    row.regionCode = village.code;
  }

  if (row.personId !== null) await requireVisibleCadre(db, scope, row.personId, 'personId', today);
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
  return row;
}

/** Creates a pairing in the scope (force.write), audited; returns it as a read shows it (version 1). */
export async function createPairing(db: Db, scope: Scope, input: PairingInput) {
  const problems = pairingFieldProblems(input);
  if (problems.length) throw validationError(problems);
  const today = todayInChina();
  const row = await sidesOf(db, scope, input, today);
  const householdCap = row.kind === 'cadre_household';
  const cap = householdCap
    ? await paramValue<number>(db, 'pairing_household_cap', Number(today.slice(0, 4)), row.regionCode.slice(0, 2))
    : 0;

  return db.transaction().execute(async (trx) => {
    // One cadre at a time: the cadre's row stays locked so that two requests cannot both pass the cap.
    if (householdCap) await lockForUpdate(trx, 'person', row.personId!);
    if (await findActiveDuplicate(trx, row, today))
      throw conflict(msg('相同的结对关系已存在且仍有效', 'The same pairing exists and is still active'));
    if (householdCap) {
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
        kind: row.kind,
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
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'pairing',
      entityId: id,
      regionCode: row.regionCode,
      after,
    });
    return after;
  });
}
