/**
 * The demo's calendar: its fixed "today" (never the clock, so every load is the same), date arithmetic on ISO
 * days, working days (the dates of office work: meetings, appraisals, notices, requests and decisions) and
 * timestamps at a time of day in China.
 */
import type { Rng } from './random.ts';

/** "Today" of the demo data: events, attendance, logs, leaves and measures never go past it. */
export const DEMO_TODAY = '2026-11-20';
/** The current year: the register's yearly records run up to it, daily management starts on its first day. */
export const DEMO_YEAR = 2026;

const MS_DAY = 86_400_000;
// Day numbers and ISO strings are memoised: the daily records walk the same few thousand days many times.
const numbers = new Map<string, number>();
const strings = new Map<number, string>();
function dayNo(iso: string): number {
  let n = numbers.get(iso);
  if (n === undefined) numbers.set(iso, (n = Math.floor(Date.parse(`${iso}T00:00:00Z`) / MS_DAY)));
  return n;
}
function isoOf(n: number): string {
  let s = strings.get(n);
  if (s === undefined) strings.set(n, (s = new Date(n * MS_DAY).toISOString().slice(0, 10)));
  return s;
}

export const addDays = (iso: string, n: number) => isoOf(dayNo(iso) + n);
/** Days from `a` to `b` (b − a). */
export const diffDays = (a: string, b: string) => dayNo(b) - dayNo(a);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: string) => (dayNo(iso) + 4) % 7;
/** The same day `years` later (29 February → 1 March). */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-03-01` : `${y}-${md}`;
}
/** A random day in [from, to]. */
export const dayBetween = (r: Rng, from: string, to: string) =>
  addDays(from, r.int(0, Math.max(0, diffDays(from, to))));
export const minDay = (a: string, b: string) => (a < b ? a : b);
export const maxDay = (a: string, b: string) => (a > b ? a : b);

/** Offices are closed on weekends, New Year's Day, 1–3 May and the National Day week (1–7 October). */
export function isWorkday(iso: string): boolean {
  const wd = weekday(iso);
  if (wd === 0 || wd === 6) return false;
  const md = iso.slice(5);
  return !(md === '01-01' || (md >= '05-01' && md <= '05-03') || (md >= '10-01' && md <= '10-07'));
}
/** The day itself when it is a working day, else the next working day. */
export function workdayFrom(iso: string): string {
  let d = iso;
  while (!isWorkday(d)) d = addDays(d, 1);
  return d;
}
/** The day itself when it is a working day, else the working day before it. */
export function workdayUntil(iso: string): string {
  let d = iso;
  while (!isWorkday(d)) d = addDays(d, -1);
  return d;
}
/** `n` working days after (n > 0) or before (n < 0) a day. */
export function addWorkdays(iso: string, n: number): string {
  let d = iso;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    if (isWorkday(d)) left--;
  }
  return d;
}
/** A random working day in [from, to] (the last working day up to `to` when none is drawn inside). */
export const workdayBetween = (r: Rng, from: string, to: string) => {
  const d = workdayFrom(dayBetween(r, from, to));
  return d <= to ? d : workdayUntil(to);
};

/**
 * The instant of `hour:minute` in China (UTC+8) on `day`, as the ISO timestamp (UTC) the database keeps:
 * at('2026-03-02', 9) is 2026-03-02T01:00:00.000Z.
 */
export function at(day: string, hour = 9, minute = 0): string {
  if (hour < 8) return new Date(dayNo(day) * MS_DAY + ((hour - 8) * 60 + minute) * 60_000).toISOString();
  return `${day}T${String(hour - 8).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
}
/** A time in office hours (08:30–17:59, fewer at lunch) on `day`, in China. */
export function officeTime(r: Rng, day: string): string {
  const hour = r.pick([8, 9, 9, 10, 10, 10, 11, 11, 12, 14, 14, 15, 15, 16, 16, 17]);
  return at(day, hour, hour === 8 ? r.int(30, 59) : r.int(0, 59));
}
