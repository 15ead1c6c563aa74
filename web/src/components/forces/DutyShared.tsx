/**
 * Small shared pieces of the attendance/leave, assessment, pairing and measure pages: the region in the URL
 * (defaulting to the user's first scope), URL paging, code-list tags and options, dates.
 */
import { useCallback, useEffect } from 'react';
import { Tag } from 'antd';
import type { FormInstance, TablePaginationConfig } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { FORCE_CODE_LISTS, forceLabel } from '@shared/forces';
import type { ForceCodeListName } from '@shared/forces';
import { regions } from '@shared/contracts/regions';
import { ApiError, isApiError } from '../../api';
import { applyFieldErrors, useErrorToast } from '../../hooks';
import { useI18n } from '../../i18n';
import type { I18n } from '../../i18n';
import { useCall } from '../common/useList';

export type Patch = Record<string, string | number | null | undefined>;

/**
 * The page's query string: `region` (set to the user's first scope root when missing), an `update(patch)`
 * that sets/clears keys (page goes back to 1 unless the patch names it) and the paging of the list shown.
 */
export function useForceQuery() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  const roots = useCall(regions.roots, region ? null : {});
  useEffect(() => {
    const first = roots.data?.items[0];
    if (region || !first) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('region', first.code);
        return next;
      },
      { replace: true },
    );
  }, [region, roots.data, setParams]);

  const update = useCallback(
    (patch: Patch, replace = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (!('page' in patch)) next.delete('page');
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  /** Replace the whole query with these keys. */
  const reset = useCallback(
    (patch: Patch) => {
      const next = new URLSearchParams();
      for (const [k, v] of Object.entries(patch)) if (v !== undefined && v !== null && v !== '') next.set(k, String(v));
      setParams(next);
    },
    [setParams],
  );

  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  return { params, region, update, reset, page, pageSize, rootsError: roots.error, reloadRoots: roots.reload };
}

/** antd pagination bound to ?page= and ?pageSize=. */
export function urlPagination(
  t: I18n['t'],
  q: { page: number; pageSize: number; update: (p: Patch) => void },
  total: number | undefined,
): TablePaginationConfig {
  return {
    current: q.page,
    pageSize: q.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (current, size) =>
      q.update({ page: current === 1 ? undefined : current, pageSize: size === 20 ? undefined : size }),
  };
}

const COLORS: Partial<Record<ForceCodeListName, Record<string, string>>> = {
  approval_status: { pending: 'gold', approved: 'green', rejected: 'red', cancelled: 'default' },
  measure_status: { planned: 'blue', in_progress: 'processing', done: 'green', cancelled: 'default' },
  assessment_grade: { excellent: 'green', competent: 'blue', basic: 'orange', incompetent: 'red' },
  leave_approver: { township: 'cyan', county: 'purple' },
  station_role: { first_secretary: 'red', team_leader: 'volcano', team_member: 'orange' },
  pairing_kind: {
    cadre_household: 'blue',
    village_village: 'green',
    unit_village: 'purple',
    enterprise_village: 'gold',
    member_member: 'magenta',
  },
};

/** The label of a code of a help-force list ("—" when empty, the code itself when unknown). */
export function forceText(list: ForceCodeListName, code: string | null | undefined, L: I18n['L']): string {
  if (!code) return '—';
  return L(forceLabel(list, code) ?? undefined) || code;
}

/** Select options of a help-force code list. */
export function forceOptions(list: ForceCodeListName, L: I18n['L']): { value: string; label: string }[] {
  return (FORCE_CODE_LISTS[list] as readonly { code: string; zh: string; en: string }[]).map((c) => ({
    value: c.code,
    label: L(c),
  }));
}

/** A code of a help-force list as a coloured Tag. */
export function ForceTag({ list, code }: { list: ForceCodeListName; code: string | null | undefined }) {
  const { L } = useI18n();
  if (!code) return <>—</>;
  return (
    <Tag color={COLORS[list]?.[code]} data-code={code}>
      {forceText(list, code, L)}
    </Tag>
  );
}

/** A cadre's name linking to the cadre's page. */
export function CadreLink({ id, name }: { id: number | null | undefined; name: string | null | undefined }) {
  if (!id) return <>{name ?? '—'}</>;
  return <Link to={`/forces/cadres/${id}`}>{name ?? `#${id}`}</Link>;
}

export const ISO = 'YYYY-MM-DD';
export const todayIso = (): string => dayjs().format(ISO);
/** DatePicker: days after today cannot be chosen. */
export const futureDisabled = (d: Dayjs): boolean => d.isAfter(dayjs(), 'day');
export const isoOf = (d: Dayjs | null | undefined): string | undefined => (d ? d.format(ISO) : undefined);
export const dayOf = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);

/** Yuan: the app's one money format (format.ts), two decimals. */
export { money as yuan } from '../../format';

/** Years offered by the help-force pages: this year back five years. */
export function recentYears(n = 6): { value: number; label: string }[] {
  const now = dayjs().year();
  return Array.from({ length: n }, (_, i) => now - i).map((y) => ({ value: y, label: String(y) }));
}

/** Assessment periods ('2026H1', '2026H2', '2026'), newest first, for a kind (or both). */
export function periodOptions(t: I18n['t'], kind?: string, years = 4): { value: string; label: string }[] {
  const now = dayjs().year();
  const out: { value: string; label: string }[] = [];
  for (let y = now; y > now - years; y -= 1) {
    if (kind !== 'half_year') out.push({ value: String(y), label: t('fb.periodYear', { year: y }) });
    if (kind !== 'annual') {
      out.push({ value: `${y}H2`, label: t('fb.periodH2', { year: y }) });
      out.push({ value: `${y}H1`, label: t('fb.periodH1', { year: y }) });
    }
  }
  return out;
}

/** The label of a period code. */
export function periodText(t: I18n['t'], p: string): string {
  const m = /^(\d{4})(H[12])?$/.exec(p);
  if (!m) return p;
  if (!m[2]) return t('fb.periodYear', { year: m[1] ?? '' });
  return t(m[2] === 'H1' ? 'fb.periodH1' : 'fb.periodH2', { year: m[1] ?? '' });
}

/** Is the code a 12-digit village code (not a township / county)? */
export const isVillageCode = (code: string | null | undefined): boolean => !!code && /^\d{9}(?!000)\d{3}$/.test(code);

/** An API error whose field paths are renamed to form names first (`{ startDate: 'range' }`; the body prefix dropped). */
export function renamePaths(e: ApiError, alias: Record<string, string>): ApiError {
  const details = e.details.map((d) => {
    const parts = d.path
      .replace(/^\/+/, '')
      .split(/[./]/)
      .filter((s) => s !== '' && s !== 'body');
    const head = parts[0] ?? '';
    return { ...d, path: [alias[head] ?? head, ...parts.slice(1)].join('.') };
  });
  return new ApiError(e.status, e.code, e.message, details, e.current);
}

/**
 * Map a 400 VALIDATION error onto form fields, renaming API paths first (e.g. startDate → range), and toast
 * whatever no field takes.
 */
export function useMappedErrors(): (
  form: FormInstance,
  e: unknown,
  fields: readonly string[],
  alias?: Record<string, string>,
) => void {
  const toast = useErrorToast();
  return useCallback(
    (form, e, fields, alias = {}) => {
      if (isApiError(e) && e.code === 'VALIDATION' && applyFieldErrors(form, renamePaths(e, alias), fields)) return;
      toast(e);
    },
    [toast],
  );
}
