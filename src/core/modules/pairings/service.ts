/**
 * Pairings (结对帮扶) of the five kinds: the view every read shows, the list, the gaps (registered poor households
 * without a responsible cadre) and the summary; the checks the writes share (create.ts, edit.ts, measures.ts).
 * Writes need force.write in the helped side's region; the helping cadre must be visible to the caller.
 */
import type { PairingKind, UnitLevel } from '../../../shared/forces.ts';
import type { PairingListQuery } from '../../../shared/contracts/pairings.ts';
import type { HouseholdStatus } from '../../../shared/register.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import type { Db } from '../../db/index.ts';
import { AppError, invalid } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { pairingFigures, reportScope } from '../stats/forces.ts';
import { cadreWithStations, countGaps, listGaps, listPairings, villageScope, type PairingRow } from './repo.ts';
import { isActivePairing, type Problem } from './rules.ts';

export const validationError = (problems: Problem[]) =>
  new AppError(
    'VALIDATION',
    msg('输入有误', 'Invalid input'),
    problems.map(([path, message]) => ({ path, message })),
  );

// ---- the helping cadre as seen by the caller ----

/**
 * The caller may name a cadre it can see: managed in its force.read scope (person.region_code), or holding a
 * current station in a village of that scope. Otherwise 400 naming the field (the pairing would reach across the
 * caller's scope).
 */
export async function requireVisibleCadre(db: Db, scope: Scope, personId: number, field: string, today: string) {
  const cadre = await cadreWithStations(db, personId, today);
  if (!cadre) throw invalid(field, msg(`干部不存在：${personId}`, `Cadre not found: ${personId}`));
  const sees = (code: string) => scope.can('force.read', code);
  if (!sees(cadre.region_code) && !cadre.stationRegions.some(sees))
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

/** A pairing as every read shows it. */
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
    version: r.version,
  };
}

// ---- reads ----

/** A page of the pairings in the scope (force.read), filtered. */
export async function pairingList(db: Db, scope: Scope, q: PairingListQuery) {
  const today = todayInChina();
  const { active, unitLevel, ...page } = q;
  const { total, rows } = await listPairings(db, scope, {
    ...page,
    unitLevels: unitLevel,
    active: active === 'all' ? undefined : active === 'true',
    today,
  });
  return { total, items: rows.map((r) => pairingView(r, today)) };
}

/** A page of the gaps in the scope (household.read). */
export async function pairingGaps(db: Db, scope: Scope, page: { page: number; pageSize: number }) {
  const { total, rows } = await listGaps(db, scope, todayInChina(), page);
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

/**
 * Pairs of each kind, the gaps, the pairing cadres and households per cadre of a region: the one asked, else the
 * caller's first scope (force.read; the gaps with household.read there).
 */
export async function pairingSummary(db: Db, scope: Scope) {
  const today = todayInChina();
  const { region, scope: narrowed } = await reportScope(db, scope);
  const [figures, gaps] = await Promise.all([
    pairingFigures(db, villageScope(narrowed), today),
    countGaps(db, narrowed.withPermission('household.read'), today),
  ]);
  return {
    region: { code: region.code, name: region.name },
    byKind: figures.pairs,
    gaps,
    cadres: figures.pairingCadres,
    households: figures.pairedHouseholds,
    householdsPerCadre: figures.householdsPerPairingCadre,
  };
}
