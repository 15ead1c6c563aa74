/**
 * What the daily-management tests start from: dates of last year (so days and pace figures are exact), a stationed
 * cadre, a work team, row counts of the module's tables.
 */
import { todayInChina } from '../src/core/clock.ts';
import { nowIso, type Db } from '../src/core/db/index.ts';
import { buildCadre, buildStation } from './factories.ts';

export const DONGJIAGOU = '420323104211'; // 董家沟村, 擂鼓镇
export const YANDUNZI = '420323104201'; // 擂鼓镇
export const LONGJING = '420323103211'; // 龙井村, 宝丰镇
export const TODAY = todayInChina();
/** Last year: its days are all past. */
export const LY = Number(TODAY.slice(0, 4)) - 1;
/** A day of last year: d('03-02'). */
export const d = (md: string) => `${LY}-${md}`;

/** A cadre stationed in `village` since the start of last year (open term), as `role`. */
export async function stationed(
  db: Db,
  village: string,
  opts: { name?: string; role?: string; teamId?: number } = {},
): Promise<{ id: number; stationId: number }> {
  const id = await buildCadre(db, village, { name: opts.name });
  const stationId = await buildStation(db, id, village, opts.role ?? 'first_secretary', {
    start: d('01-01'),
    end: null,
    teamId: opts.teamId ?? null,
  });
  return { id, stationId };
}

/** A work team of a village since the start of last year. */
export async function buildTeam(db: Db, village: string, name = `${village} 工作队`): Promise<number> {
  const now = nowIso();
  const { id } = await db
    .insertInto('work_team')
    .values({
      region_code: village,
      name,
      unit_id: null,
      start_date: d('01-01'),
      end_date: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export const DUTY_TABLES = [
  'attendance',
  'work_log',
  'leave_request',
  'insurance',
  'fund_spending',
  'assessment',
  'honour',
  'audit_log',
] as const;
export type DutyTable = (typeof DUTY_TABLES)[number];

/** Row counts of the tables, in order. */
export const counts = (db: Db, tables: readonly DutyTable[] = DUTY_TABLES) =>
  Promise.all(
    tables.map(async (table) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  );
