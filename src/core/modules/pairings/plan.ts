/**
 * 一户一策 — a household's plan: the responsible cadres (active cadre_household pairings), the measures,
 * and the measure types its causes suggest that no measure covers yet. The household card (明白卡) prints the
 * same help: its binding hands `helpOfHousehold` to the card, so the register does not import this module.
 */
import type { UnitLevel } from '../../../shared/forces.ts';
import type { HouseholdStatus } from '../../../shared/register.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { forbidden, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { maskPhone } from '../../pii/mask.ts';
import { findHousehold } from '../households/repo.ts';
import { todayInChina } from '../../clock.ts';
import { measureView } from './measures.ts';
import { measuresOfHousehold, responsibleCadres } from './repo.ts';
import { suggestMeasureTypes, unplannedTypes } from './rules.ts';

/**
 * Responsible cadres and measures of a household, without any access check. The cadres' phones are masked
 * unless `revealPhones` (the caller has checked pii.reveal and audits the reveal).
 */
export async function helpOfHousehold(db: Db, householdId: number, opts: { revealPhones?: boolean } = {}) {
  const [cadres, measures] = await Promise.all([
    responsibleCadres(db, householdId, todayInChina()),
    measuresOfHousehold(db, householdId),
  ]);
  return {
    responsible: cadres.map((c) => ({
      id: c.id,
      name: c.name,
      phone: opts.revealPhones ? c.phone : maskPhone(c.phone),
      post: c.post,
      unit: c.unit_id === null ? null : { id: c.unit_id, name: c.unit_name ?? '', level: c.unit_level as UnitLevel },
      pairingId: c.pairing_id,
      startDate: c.start_date,
    })),
    measures: measures.map(measureView),
  };
}

/** The plan of a household of the scope (force.read), which the caller must also read (household.read). */
export async function householdPlan(db: Db, scope: Scope, id: number) {
  const h = await findHousehold(db, id);
  if (!h) throw notFound(msg(`农户不存在：${id}`, `Household not found: ${id}`));
  scope.authorize(h.region_code);
  if (!scope.can('household.read', h.region_code)) throw forbidden();
  const otherCauses = h.other_causes ? h.other_causes.split(',').filter(Boolean) : [];
  const { responsible, measures } = await helpOfHousehold(db, id);
  return {
    household: {
      id: h.id,
      code: h.code,
      headName: h.head_name,
      regionCode: h.region_code,
      status: h.status as HouseholdStatus,
      mainCause: h.main_cause,
      otherCauses,
    },
    responsible,
    measures,
    suggestedTypes: unplannedTypes(suggestMeasureTypes(h.main_cause, otherCauses), measures),
  };
}
