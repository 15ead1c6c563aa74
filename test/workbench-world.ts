/**
 * What the workbench tests start from: the demo county (a small register, its help forces) and, on top of it, at
 * least one row behind every to-do entry — households waiting at each level's workflow steps, an open
 * cross-check hit, a registered household missing an indicator, poor households without a responsible cadre, a
 * village missing a five-ones link, a pending recall, pending leave (one past its first day) and a stationed cadre
 * with no days in the village this year.
 */
import { nowIso, type Db } from '../src/core/db/index.ts';
import { latestYear } from '../src/core/modules/households/repo.ts';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildRecall, buildStation } from './factories.ts';
import { addDays } from './fixtures.ts';
import { buildHousehold } from './workflow-helpers.ts';

export const COUNTY = '420323000000';
export const LEIGU = '420323104000';
export const DONG = '420323104211'; // 董家沟村, 擂鼓镇
export const BAOFENG = '420323103000';
export const LONGJING = '420323103211'; // 龙井村, 宝丰镇

async function events(db: Db, id: number, village: string, workflow: string, steps: readonly string[]) {
  let day = '2026-01-05';
  for (const step of steps) {
    await db
      .insertInto('household_event')
      .values({ household_id: id, region_code: village, workflow, step, event_date: day, created_at: nowIso() })
      .execute();
    day = addDays(day, 3);
  }
}

/** A household in a workflow at `last` (the steps before it recorded), in `village`. */
async function inWorkflow(db: Db, village: string, workflow: 'identification' | 'exit', steps: readonly string[]) {
  const h = await buildHousehold(db, { village, status: workflow === 'identification' ? 'applicant' : 'poor' });
  await events(db, h.id, village, workflow, steps);
  return h;
}

export async function todoWorld(db: Db) {
  const today = todayInChina();
  const year = await latestYear(db);
  const waiting = {
    village: await inWorkflow(db, DONG, 'identification', ['application', 'first_appraisal']),
    township: await inWorkflow(db, DONG, 'identification', [
      'application',
      'first_appraisal',
      'crosscheck',
      'second_appraisal',
      'village_notice',
    ]),
    county: await inWorkflow(db, LONGJING, 'identification', [
      'application',
      'first_appraisal',
      'crosscheck',
      'second_appraisal',
      'village_notice',
      'township_notice',
    ]),
    exitTownship: await inWorkflow(db, DONG, 'exit', [
      'village_appraisal',
      'team_verification',
      'household_consent',
      'notice',
    ]),
    exitCounty: await inWorkflow(db, LONGJING, 'exit', [
      'village_appraisal',
      'team_verification',
      'household_consent',
      'notice',
      'announcement',
    ]),
  };
  // An open cross-check hit on the applicant at the first appraisal.
  const member = await db
    .selectFrom('household_member')
    .select('id')
    .where('household_id', '=', waiting.village.id)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('crosscheck_hit')
    .values({
      household_id: waiting.village.id,
      member_id: member.id,
      region_code: DONG,
      source: 'vehicle',
      detail: '鄂C·12345',
      status: 'open',
      created_at: nowIso(),
    })
    .execute();
  // A registered household whose record of the latest year lacks the housing indicator.
  await buildHousehold(db, { village: DONG, status: 'poor', year: { year, income: 5200, housing: null } });
  // 龙井村 loses its county leader's link (a five-ones gap).
  await db
    .updateTable('stationing')
    .set({ ended_on: addDays(today, -1), end_reason: 'rotation' })
    .where('region_code', '=', LONGJING)
    .where('role', '=', 'county_leader')
    .execute();
  // A work-team member of 董家沟村 since last year with no days in the village this year; a recall of that station
  // pending, and two leave requests: a long one (the county's) past its first day, a short one (the township's).
  const cadre = await buildCadre(db, DONG, { name: '滕远航' });
  const station = await buildStation(db, cadre, DONG, 'team_member', {
    start: `${Number(today.slice(0, 4)) - 1}-06-01`,
    end: `${Number(today.slice(0, 4)) + 1}-05-31`,
  });
  await buildRecall(db, station);
  for (const [start, days, approver] of [
    [addDays(today, -2), 5, 'county'],
    [addDays(today, 3), 2, 'township'],
  ] as const)
    await db
      .insertInto('leave_request')
      .values({
        person_id: cadre,
        region_code: DONG,
        start_date: start,
        end_date: addDays(start, days - 1),
        days,
        reason: '家中有事',
        approver,
        status: 'pending',
        requested_by: 'test',
        requested_at: nowIso(),
      })
      .execute();
  return waiting;
}
