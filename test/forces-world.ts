// Help-force statistics and the five ones: the dataset (a fresh copy of it for every test) and its dates.
import { nowIso, type Db } from '../src/core/db/index.ts';
import { daysBetween } from '../src/core/modules/cadres/rules.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { refreshAttendanceYears } from '../src/core/modules/duty/days.ts';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildHelpUnit, buildPairing, buildPartner, buildStation } from './factories.ts';
import { household } from './fixtures.ts';
import type { TestApp } from './harness.ts';

/**
 * Help-force statistics and the five ones over a small hand-built dataset with exact figures:
 *   A = 董家沟村 (擂鼓镇): complete five ones; team TA (2 current members, 1 ended) — below 3.
 *   B = another village of 擂鼓镇: a first secretary aged 46 today, a township-level unit (does not
 *       count), team TB with only the first secretary, an ended team, a first secretary who starts tomorrow.
 *   C = 龙井村 (宝丰镇): a first secretary who started today, team TC of 3, a county leader, an ended
 *       instructor, a city unit whose pairing ended.
 */
export const TWP_LEIGU = '420323104000';
export const A = '420323104211';
export const C = '420323103211';

export const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const yearsAgo = (iso: string, n: number) => `${Number(iso.slice(0, 4)) - n}${iso.slice(4)}`;

async function team(db: Db, region: string, name: string, end: string | null = null) {
  const now = nowIso();
  const r = await db
    .insertInto('work_team')
    .values({
      region_code: region,
      name,
      unit_id: null,
      start_date: '2025-03-01',
      end_date: end,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function endStation(db: Db, id: number, on: string) {
  await db.updateTable('stationing').set({ ended_on: on, end_reason: 'rotation' }).where('id', '=', id).execute();
}

export const today = todayInChina();
const yesterday = addDays(today, -1);
const tomorrow = addDays(today, 1);
export const year = Number(today.slice(0, 4));
export const yearStart = `${year}-01-01`;
export const elapsed = daysBetween(yearStart, today);
// Days in the village this year of fs1 and tm1 (check-ins limited to the days elapsed so far).
export const fs1CheckIns = Math.min(55, elapsed);
export const fs1Leave = elapsed >= 58 ? 3 : 0;

/** The dataset every test starts from (a fresh copy each). */
export async function dataset(t: TestApp) {
  const db = t.db;
  const county = await t.as('county', '420323');
  const township = await t.as('township', '420323104');
  const id: Record<string, number> = {};
  const other = await db
    .selectFrom('region')
    .select('code')
    .where('parent_code', '=', TWP_LEIGU)
    .where('level', '=', 'village')
    .where('code', '!=', A)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const B = other.code;
  const villages = async (lo: string, hi: string) =>
    Number(
      (
        await db
          .selectFrom('region')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('level', '=', 'village')
          .where('code', '>=', lo)
          .where('code', '<', hi)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countyVillages = await villages('420323000000', '420324000000');
  const leiguVillages = await villages('420323104000', '420323105000');
  await db.updateTable('region').set({ poor_village: 1 }).where('code', 'in', [A, B]).execute();

  const cadre = (key: string, birthYearsAgo: number | null, education: string, region = A) =>
    buildCadre(db, region, {
      name: key,
      birthDate: birthYearsAgo === null ? undefined : yearsAgo(today, birthYearsAgo),
      education,
    }).then((x) => (id[key] = x));
  await cadre('fs1', 45, 'bachelor'); // exactly 45 today → young
  await cadre('fs2', 46, 'college', B); // 46 today → not young
  await cadre('tl1', 30, 'master');
  await cadre('tm1', 66, 'bachelor');
  await cadre('tm2', 30, 'bachelor'); // ended
  await cadre('fs3', 40, 'college', C);
  await cadre('tl3', 56, 'doctor', C);
  await cadre('tm3', 0, 'college', C);
  await db.updateTable('person').set({ birth_date: null }).where('id', '=', id.tm3!).execute();
  await cadre('fsF', 30, 'bachelor', B); // starts tomorrow
  await cadre('cl1', 50, 'master');
  await cadre('tw1', 50, 'master');
  await cadre('in1', 50, 'master');
  await cadre('inOld', 50, 'master', C);

  const TA = await team(db, A, '董家沟村工作队');
  const TB = await team(db, B, '乙村工作队');
  const TC = await team(db, C, '龙井村工作队');
  await team(db, B, '旧工作队', yesterday);
  const st = (key: string, region: string, role: string, o: Parameters<typeof buildStation>[4] = {}) =>
    buildStation(db, id[key]!, region, role, o).then((x) => (id[`s_${key}_${region}`] = x));
  await st('fs1', A, 'first_secretary');
  await st('fs2', B, 'first_secretary', { teamId: TB });
  await endStation(db, id[`s_fs2_${B}`]!, tomorrow); // ends tomorrow: still current
  await st('tl1', A, 'team_leader', { teamId: TA });
  await st('tm1', A, 'team_member', { teamId: TA });
  await st('tm2', A, 'team_member', { teamId: TA });
  await endStation(db, id[`s_tm2_${A}`]!, yesterday);
  await st('fs3', C, 'first_secretary', { teamId: TC, start: today });
  await st('tl3', C, 'team_leader', { teamId: TC });
  await st('tm3', C, 'team_member', { teamId: TC });
  await st('fsF', B, 'first_secretary', { start: tomorrow });
  await st('cl1', A, 'county_leader', { end: null });
  await st('cl1', C, 'county_leader', { end: null });
  await st('tw1', A, 'township_leader', { end: null });
  await st('in1', A, 'instructor');
  await st('inOld', C, 'instructor');
  await endStation(db, id[`s_inOld_${C}`]!, yesterday);

  const unitCounty = await buildHelpUnit(db, { name: '县财政局', level: 'county' });
  const unitTownship = await buildHelpUnit(db, { name: '擂鼓镇政府', level: 'township' });
  const unitCity = await buildHelpUnit(db, { name: '十堰市教育局', level: 'city' });
  id.unitCounty = unitCounty;
  id.unitTownship = unitTownship;
  await buildPairing(db, { kind: 'unit_village', region: A, unitId: unitCounty });
  await buildPairing(db, { kind: 'unit_village', region: B, unitId: unitTownship });
  await buildPairing(db, { kind: 'unit_village', region: C, unitId: unitCity, end: yesterday });
  const now = nowIso();
  const partnerId = await buildPartner(db, '420323', { name: '竹山绿松石公司', kind: 'enterprise' });
  await buildPairing(db, { kind: 'enterprise_village', region: B, partnerId });
  await buildPairing(db, { kind: 'village_village', region: A });
  await buildPairing(db, { kind: 'member_member', region: C });

  const hh = await saveHouseholds(db, '420323000000', [
    household('H1', A) as never,
    household('H2', A) as never,
    household('H3', A) as never,
    household('H4', C) as never,
    household('H5', A) as never,
  ]);
  await buildPairing(db, { kind: 'cadre_household', region: A, personId: id.tl1, householdId: hh.get('H1') });
  await buildPairing(db, { kind: 'cadre_household', region: A, personId: id.tl1, householdId: hh.get('H2') });
  await buildPairing(db, { kind: 'cadre_household', region: A, personId: id.tm1, householdId: hh.get('H3') });
  await buildPairing(db, { kind: 'cadre_household', region: C, personId: id.fs3, householdId: hh.get('H4') });
  await buildPairing(db, {
    kind: 'cadre_household',
    region: A,
    personId: id.tl1,
    householdId: hh.get('H5'),
    end: yesterday,
  });

  const recall = (key: string, region: string, reason: string, status: string) =>
    db
      .insertInto('recall')
      .values({
        stationing_id: id[`s_${key}_${region}`]!,
        person_id: id[key]!,
        region_code: region,
        reason,
        note: null,
        effective_date: yesterday,
        status,
        requested_by: 'twn',
        requested_at: now,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
  await recall('tm2', A, 'health', 'approved');
  await recall('inOld', C, 'ineffective', 'approved');
  await recall('tl1', A, 'discipline', 'pending');
  await recall('tm1', A, 'other', 'rejected');

  const attendance = (key: string, region: string, from: number, n: number, present: number) =>
    n > 0
      ? db
          .insertInto('attendance')
          .values(
            Array.from({ length: n }, (_, i) => ({
              person_id: id[key]!,
              region_code: region,
              day: addDays(yearStart, from + i),
              present,
              away_reason: present ? null : 'meeting',
              note: null,
              created_at: now,
            })),
          )
          .execute()
      : Promise.resolve();
  await attendance('fs1', A, 0, fs1CheckIns, 1);
  await attendance('tm1', A, 0, Math.min(10, elapsed), 1);
  await attendance('tm1', A, 10, Math.max(0, Math.min(5, elapsed - 10)), 0); // away: not counted
  await attendance('tm2', A, 0, Math.min(100, elapsed), 1); // ended: not a stationed cadre
  await refreshAttendanceYears(db, Object.values(id));
  const leave = (key: string, start: string, end: string, status: string) =>
    db
      .insertInto('leave_request')
      .values({
        person_id: id[key]!,
        region_code: A,
        start_date: start,
        end_date: end,
        days: daysBetween(start, end),
        reason: '事假',
        approver: 'township',
        status,
        requested_by: 'twn',
        requested_at: now,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
  if (fs1Leave) await leave('fs1', addDays(yearStart, 55), addDays(yearStart, 57), 'approved');
  await leave('fs1', `${year - 1}-12-01`, `${year - 1}-12-03`, 'approved'); // last year
  await leave('tm1', addDays(yearStart, 20), addDays(yearStart, 22), 'pending'); // not approved
  // tm1: two overlapping approved leaves over days 8–13 (check-ins present on 8, 9; away 10–13)
  if (elapsed >= 15) {
    await leave('tm1', addDays(yearStart, 8), addDays(yearStart, 12), 'approved');
    await leave('tm1', addDays(yearStart, 11), addDays(yearStart, 13), 'approved');
  }
  return { county, township, B, countyVillages, leiguVillages, id };
}
