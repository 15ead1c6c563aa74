/**
 * What every use case of the module starts with: the cadre and its stations, whether the call's Scope reaches
 * it, the station of a day, the policy parameters and the problems of an input.
 */
import type { Actor } from '../../access/permissions.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { AppError, forbidden, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { paramValue } from '../policy/service.ts';
import { findCadre, stationOn, stationsOf, stationWithin, type CadreRow, type StationRow } from './repo.ts';
import type { Problem } from './rules.ts';

export interface Cadre extends CadreRow {
  stations: StationRow[];
}

export const cadreMissing = (id: number) => notFound(msg(`干部不存在：${id}`, `Cadre not found: ${id}`));

/** The cadre with all its stations (404 when unknown). */
export async function loadCadre(db: Db, id: number): Promise<Cadre> {
  const c = await findCadre(db, id);
  if (!c) throw cadreMissing(id);
  return { ...c, stations: await stationsOf(db, id) };
}

/**
 * A cadre belongs to the region that manages it and to every village it is (was) stationed in or linked to: the
 * scope reaches it when it covers one of them.
 */
export const scopeReaches = (scope: Scope, c: Cadre) =>
  scope.covers(c.regionCode) || c.stations.some((s) => scope.covers(s.regionCode));

/** 403 unless the scope reaches the cadre. */
export function authorizeCadre(scope: Scope, c: Cadre): void {
  if (!scopeReaches(scope, c)) throw forbidden();
}

/**
 * The cadre's station on `day` for a write: 403 when the cadre is outside the scope, 400 naming `field` when the
 * cadre is not stationed that day, 403 when the station's village is outside the scope.
 */
export function requireStationOn(scope: Scope, c: Cadre, day: string, field: string) {
  authorizeCadre(scope, c);
  const station = stationOn(c.stations, day);
  if (!station)
    throw invalid(field, msg(`该干部在 ${day} 没有驻村任职`, `The cadre is not stationed in a village on ${day}`));
  scope.authorize(station.regionCode);
  return station;
}

/** Throws the problems as one 400 with their field paths (nothing else happens). */
export function rejectProblems(problems: readonly Problem[]): void {
  if (problems.length)
    throw new AppError(
      'VALIDATION',
      msg('输入有误', 'Invalid input'),
      problems.map(([path, message]) => ({ path, message })),
    );
}

/** A numeric policy parameter for a year and the province of a region code. */
export const numberParam = (db: Db, key: string, year: number, regionCode: string) =>
  paramValue<number>(db, key, year, regionCode.slice(0, 2)).then(Number);

export const usernameOf = (actor: Actor) => (actor.kind === 'user' ? actor.username : `(${actor.name})`);

/** One page of an in-memory list. */
export const paged = <T>(rows: readonly T[], page: number, pageSize: number) =>
  rows.slice((page - 1) * pageSize, page * pageSize);

/** Problems of fields that are not YYYY-MM-DD dates. */
export const dateProblems = (fields: [string, string][]): Problem[] =>
  fields
    .filter(([, v]) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    .map(([f, v]) => [f, msg(`日期格式不正确：${v}`, `Malformed date: ${v}`)]);

/** The region a cadre's figures belong to: its station in the year, else its managing region. */
export const yearRegion = (c: Cadre, year: number) =>
  stationWithin(c.stations, `${year}-01-01`, `${year}-12-31`)?.regionCode ?? c.regionCode;
