/**
 * The household list's filters live in the URL query (/households?region=…&status=poor,returned&cause=…) so a
 * statistics number can link to the list behind it. The names are the API's query parameters, taken from the
 * list's contract: a filter renamed there breaks this build.
 */
import type { QueryInput } from '@shared/contracts/contract';
import { HOUSEHOLD_FILTER_KEYS, HOUSEHOLD_FLAGS, HOUSEHOLD_SORTS, type households } from '@shared/contracts/households';
import { DECIDING_LEVELS } from '@shared/workflow';

export const FILTER_KEYS = HOUSEHOLD_FILTER_KEYS;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ListKey = FilterKey | 'sort' | 'page' | 'pageSize';
export type ListQuery = Partial<Record<ListKey, string>>;

export const SORTS = HOUSEHOLD_SORTS;
export const FLAGS = HOUSEHOLD_FLAGS;
export const AWAITING = DECIDING_LEVELS;

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  list.includes(v as T) ? (v as T) : undefined;

/** The URL's filters as the list endpoint's query (unknown flags and sorts are dropped). */
export function toCallQuery(q: ListQuery): QueryInput<typeof households.list> {
  return { ...q, flag: oneOf(FLAGS, q.flag), awaiting: oneOf(AWAITING, q.awaiting), sort: oneOf(SORTS, q.sort) };
}

export function readListQuery(params: URLSearchParams): ListQuery {
  const out: ListQuery = {};
  for (const k of [...FILTER_KEYS, 'sort', 'page', 'pageSize'] as const) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** Only the filters (what the export takes). */
export function filtersOf(q: ListQuery): Partial<Record<FilterKey, string>> {
  const out: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTER_KEYS) if (q[k]) out[k] = q[k];
  return out;
}

/** A link to the household list with the given filters; arrays become comma-separated lists. */
export function householdsLink(filters: Partial<Record<ListKey, string | number | readonly string[] | null>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v === null || v === undefined || v === '') continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const qs = params.toString();
  return `/households${qs ? `?${qs}` : ''}`;
}

/** Form values of the filter bar ⇄ URL query. */
export interface FilterForm {
  region?: string;
  status?: string[];
  attribute?: string;
  cause?: string;
  housingGrade?: string;
  incomeMin?: number | null;
  incomeMax?: number | null;
  flag?: string;
  awaiting?: string;
  q?: string;
  year?: number;
}

const num = (s: string | undefined) =>
  s !== undefined && s !== '' && !Number.isNaN(Number(s)) ? Number(s) : undefined;

export function toForm(q: ListQuery): FilterForm {
  return {
    region: q.region,
    status: q.status ? q.status.split(',').filter(Boolean) : [],
    attribute: q.attribute,
    cause: q.cause,
    housingGrade: q.housingGrade,
    incomeMin: num(q.incomeMin) ?? null,
    incomeMax: num(q.incomeMax) ?? null,
    flag: q.flag,
    awaiting: q.awaiting,
    q: q.q,
    year: num(q.year),
  };
}

export function fromForm(v: FilterForm): ListQuery {
  const s = (x: string | number | null | undefined) =>
    x === null || x === undefined || x === '' ? undefined : String(x);
  return {
    region: s(v.region),
    status: v.status?.length ? v.status.join(',') : undefined,
    attribute: s(v.attribute),
    cause: s(v.cause),
    housingGrade: s(v.housingGrade),
    incomeMin: s(v.incomeMin),
    incomeMax: s(v.incomeMax),
    flag: s(v.flag),
    awaiting: s(v.awaiting),
    q: s(v.q?.trim()),
    year: s(v.year),
  };
}
