/** Shared bits of the help-force pages: code-list labels and tags, URL filters, the default region, date fields. */
import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { FORCE_CODE_LISTS, STATIONED_ROLES, forceLabel } from '@shared/forces';
import type { ForceCodeListName } from '@shared/forces';
import type { Bilingual } from '@shared/codes';
import { phoneKind } from '@shared/phone';
import { useI18n } from '../../i18n';
import { regions } from '@shared/contracts/regions';
import { useUrlFilters } from '../common/urlFilters';
import { useCall } from '../common/useList';

type Pick = (label: Bilingual | undefined) => string;

/** Select options of a help-force code list. */
export function forceOptions(list: ForceCodeListName, L: Pick, only?: readonly string[]) {
  return (FORCE_CODE_LISTS[list] as readonly { code: string; zh: string; en: string }[])
    .filter((c) => !only || only.includes(c.code))
    .map((c) => ({ value: c.code, label: L(c) }));
}

/** The label of a code; unknown codes show as themselves, empty as "—". */
export function forceText(list: ForceCodeListName, code: string | null | undefined, L: Pick): string {
  if (!code) return '—';
  return L(forceLabel(list, code) ?? undefined) || code;
}

const ROLE_COLORS: Record<string, string> = {
  first_secretary: 'red',
  team_leader: 'volcano',
  team_member: 'orange',
  instructor: 'purple',
  county_leader: 'blue',
  township_leader: 'cyan',
};

export function RoleTag({ role }: { role: string }) {
  const { L } = useI18n();
  return (
    <Tag color={ROLE_COLORS[role]} data-role={role}>
      {forceText('station_role', role, L)}
    </Tag>
  );
}

const APPROVAL_COLORS: Record<string, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export function ApprovalTag({ status }: { status: string }) {
  const { L } = useI18n();
  return (
    <Tag color={APPROVAL_COLORS[status]} data-status={status}>
      {forceText('approval_status', status, L)}
    </Tag>
  );
}

const LEVEL_COLORS: Record<string, string> = {
  central: 'red',
  provincial: 'volcano',
  city: 'orange',
  county: 'blue',
  township: 'cyan',
};

export function UnitLevelTag({ level }: { level: string }) {
  const { L } = useI18n();
  return <Tag color={LEVEL_COLORS[level]}>{forceText('unit_level', level, L)}</Tag>;
}

/** A stationed role (first secretary, team leader or member): one village at a time, recallable. */
export const isStationedRole = (role: string | null | undefined): boolean =>
  !!role && (STATIONED_ROLES as readonly string[]).includes(role);

/** A 12-digit village code (not a county, township or group). */
export function isVillageCode(code: string | null | undefined): boolean {
  return /^\d{9}(?!000)\d{3}$/.test(code ?? '');
}

/** The form rule of a phone as the server checks it: mobile, or landline with area code (a mask sent back passes). */
export const phoneRule = (message: string) => ({
  validator: (_: unknown, v?: string | null) =>
    !v?.trim() || phoneKind(v) ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** Shares: the app's one format (format.ts): 72%, and 72%（479/665）. */
export { percent as pct, shareOf as shareText } from '../../format';

/** Date fields keep 'YYYY-MM-DD' strings in the form; the picker gets dayjs values. */
export const dateItemProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export const today = () => dayjs().format('YYYY-MM-DD');

/** The region of the page: ?region= or else the user's first scope root. */
export function useDefaultRegion(): { region: string; error: unknown; reload: () => void } {
  const { get } = useUrlFilters();
  const fromUrl = get('region');
  const roots = useCall(regions.roots, fromUrl ? null : {});
  return { region: fromUrl || roots.data?.items[0]?.code || '', error: roots.error, reload: roots.reload };
}
