import type { Role } from '../src/shared/codes.ts';
import { nowIso, type Db } from '../src/core/db/index.ts';
import { hashPassword } from '../src/core/modules/users/passwords.ts';
import { replaceGrants } from '../src/core/modules/users/repo.ts';
import { normalizeCode } from '../src/shared/regions.ts';
import { PASSWORD } from './harness.ts';

let hashed: Promise<string> | undefined;
let seq = 0;

/** A user holding `role` in `scope` (short or padded code), password PASSWORD. */
export async function buildUser(db: Db, role: Role, scope: string, username = `u${role}${++seq}_${scope}`) {
  const now = nowIso();
  const { id } = await db
    .insertInto('app_user')
    .values({
      username,
      display_name: username,
      password_hash: await (hashed ??= hashPassword(PASSWORD)),
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceGrants(db, id, [{ role, scopeCode: normalizeCode(scope)! }]);
  return { id, username };
}

/** A person in a region. */
export async function buildPerson(db: Db, regionCode: string, name = `张${++seq}`) {
  const now = nowIso();
  const { id } = await db
    .insertInto('person')
    .values({
      region_code: normalizeCode(regionCode)!,
      name,
      gender: 'male',
      phone: '13800138000',
      post: '干部',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A command unit of the kind that fits the region. */
export async function buildUnit(
  db: Db,
  regionCode: string,
  kind: string,
  name = `单元${++seq}`,
  commanderId: number | null = null,
) {
  const now = nowIso();
  const { id } = await db
    .insertInto('command_unit')
    .values({
      region_code: normalizeCode(regionCode)!,
      kind,
      name,
      parent_id: null,
      commander_id: commanderId,
      leader_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A sending/helping unit (派出单位). */
export async function buildHelpUnit(
  db: Db,
  opts: { name?: string; level?: string; kind?: string; regionCode?: string } = {},
) {
  const now = nowIso();
  const { id } = await db
    .insertInto('help_unit')
    .values({
      name: opts.name ?? `帮扶单位${++seq}`,
      level: opts.level ?? 'county',
      kind: opts.kind ?? 'party_gov',
      region_code: normalizeCode(opts.regionCode ?? '420323')!,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A cadre (person with the cadre fields) in a region. */
export async function buildCadre(
  db: Db,
  regionCode: string,
  opts: { name?: string; birthDate?: string; education?: string; unitId?: number | null } = {},
) {
  const id = await buildPerson(db, regionCode, opts.name);
  await db
    .updateTable('person')
    .set({
      birth_date: opts.birthDate ?? '1985-06-01',
      education: opts.education ?? 'bachelor',
      political_status: 'cpc',
      unit_id: opts.unitId ?? null,
    })
    .where('id', '=', id)
    .execute();
  return id;
}

/** A cadre's role for a village from `start` (direct insert: no rules checked — for test setup only). */
export async function buildStation(
  db: Db,
  personId: number,
  villageCode: string,
  role: string,
  opts: { start?: string; end?: string | null; teamId?: number | null; unitId?: number | null } = {},
) {
  const now = nowIso();
  const { id } = await db
    .insertInto('stationing')
    .values({
      person_id: personId,
      region_code: normalizeCode(villageCode)!,
      role,
      team_id: opts.teamId ?? null,
      unit_id: opts.unitId ?? null,
      start_date: opts.start ?? '2025-03-01',
      end_date: opts.end === undefined ? '2027-02-28' : opts.end,
      ended_on: null,
      end_reason: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A work team (驻村工作队) of a village from `start` (direct insert, for test setup). */
export async function buildTeam(
  db: Db,
  villageCode: string,
  opts: { name?: string; unitId?: number | null; start?: string; end?: string | null } = {},
) {
  const now = nowIso();
  const { id } = await db
    .insertInto('work_team')
    .values({
      region_code: normalizeCode(villageCode)!,
      name: opts.name ?? `工作队${++seq}`,
      unit_id: opts.unitId ?? null,
      start_date: opts.start ?? '2025-03-01',
      end_date: opts.end ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** An enterprise or cooperative (企业与合作社) registered in a region. */
export async function buildPartner(
  db: Db,
  regionCode: string,
  opts: { name?: string; kind?: string; phone?: string | null } = {},
) {
  const now = nowIso();
  const { id } = await db
    .insertInto('partner')
    .values({
      name: opts.name ?? `合作社${++seq}`,
      kind: opts.kind ?? 'cooperative',
      region_code: normalizeCode(regionCode)!,
      contact: null,
      phone: opts.phone ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A recall request of a stationing (pending unless told), in the stationing's village. */
export async function buildRecall(
  db: Db,
  stationId: number,
  opts: { status?: string; effectiveDate?: string; reason?: string } = {},
) {
  const s = await db
    .selectFrom('stationing')
    .select(['person_id', 'region_code'])
    .where('id', '=', stationId)
    .executeTakeFirstOrThrow();
  const now = nowIso();
  const { id } = await db
    .insertInto('recall')
    .values({
      stationing_id: stationId,
      person_id: s.person_id,
      region_code: s.region_code,
      reason: opts.reason ?? 'health',
      note: null,
      effective_date: opts.effectiveDate ?? now.slice(0, 10),
      status: opts.status ?? 'pending',
      requested_by: 'factory',
      requested_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A pairing of a village with a unit (unit_village) or an enterprise (enterprise_village), from `start`. */
export async function buildVillagePairing(
  db: Db,
  villageCode: string,
  helper: { unitId: number } | { partnerId: number },
  opts: { start?: string; end?: string | null } = {},
) {
  const now = nowIso();
  const { id } = await db
    .insertInto('pairing')
    .values({
      kind: 'unitId' in helper ? 'unit_village' : 'enterprise_village',
      region_code: normalizeCode(villageCode)!,
      household_id: null,
      person_id: null,
      unit_id: 'unitId' in helper ? helper.unitId : null,
      partner_id: 'partnerId' in helper ? helper.partnerId : null,
      helper_region_code: null,
      helper_name: null,
      helped_name: null,
      start_date: opts.start ?? '2025-03-01',
      end_date: opts.end ?? null,
      note: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * A pairing of one of the five kinds in a village (direct insert: no rules checked — for test setup only); the
 * sides a kind needs get defaults (an advanced village, two member names).
 */
export async function buildPairing(
  db: Db,
  row: {
    kind: string;
    region: string;
    householdId?: number;
    personId?: number;
    unitId?: number;
    partnerId?: number;
    helperRegion?: string;
    start?: string;
    end?: string | null;
  },
) {
  const now = nowIso();
  const { id } = await db
    .insertInto('pairing')
    .values({
      kind: row.kind,
      region_code: normalizeCode(row.region)!,
      household_id: row.householdId ?? null,
      person_id: row.personId ?? null,
      unit_id: row.unitId ?? null,
      partner_id: row.partnerId ?? null,
      helper_region_code: row.kind === 'village_village' ? (row.helperRegion ?? '420323104201') : null,
      helper_name: row.kind === 'member_member' ? '王富' : null,
      helped_name: row.kind === 'member_member' ? '李贫' : null,
      start_date: row.start ?? '2025-03-01',
      end_date: row.end ?? null,
      note: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A measure of a household (direct insert: no rules checked — for test setup only). */
export async function buildMeasure(
  db: Db,
  householdId: number,
  region: string,
  opts: { type?: string; title?: string; amount?: number | null; status?: string; personId?: number | null } = {},
) {
  const now = nowIso();
  const { id } = await db
    .insertInto('measure')
    .values({
      household_id: householdId,
      region_code: normalizeCode(region)!,
      type: opts.type ?? 'health',
      title: opts.title ?? '大病救助',
      amount: opts.amount === undefined ? 100 : opts.amount,
      planned_date: null,
      done_date: null,
      person_id: opts.personId ?? null,
      status: opts.status ?? 'planned',
      evidence: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
