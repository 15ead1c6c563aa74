/** Labels, options and tags for the register's code lists (@shared/register), in the current language. */
import { Tag } from 'antd';
import type { Bilingual } from '@shared/codes';
import { CODE_LISTS, labelOf } from '@shared/register';
import type { CodeListDef, CodeListName } from '@shared/register';
import { useI18n } from '../../i18n';

type Pick = (label: Bilingual | undefined) => string;

/** Select options of a code list. */
export function codeOptions(list: CodeListName, L: Pick): { value: string; label: string }[] {
  return (CODE_LISTS[list] as CodeListDef).map((c) => ({ value: c.code, label: L(c) }));
}

/** The label of a code; unknown codes show as themselves, empty as "—". */
export function codeLabel(list: CodeListName, code: string | null | undefined, L: Pick): string {
  if (!code) return '—';
  return L(labelOf(list, code) ?? undefined) || code;
}

const STATUS_COLORS: Record<string, string> = {
  non_poor: 'default',
  applicant: 'gold',
  poor: 'red',
  exited: 'green',
  returned: 'volcano',
  removed: 'default',
};

/** Chart colours of the statuses, matching the tags. */
export const STATUS_CHART_COLORS: Record<string, string> = {
  non_poor: '#8c8c8c',
  applicant: '#d48806',
  poor: '#cf1322',
  exited: '#389e0d',
  returned: '#d4380d',
  removed: '#bfbfbf',
};

export function StatusTag({ status }: { status: string | null | undefined }) {
  const { L } = useI18n();
  if (!status) return <>—</>;
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="status-tag" data-status={status}>
      {codeLabel('household_status', status, L)}
    </Tag>
  );
}

/** Yuan: the app's one money format (format.ts), two decimals. */
export { money } from '../../format';

/** Years offered by year selectors: the current year back to 2014 (the register starts in 2014). */
export function yearOptions(): { value: number; label: string }[] {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2013 }, (_, i) => now - i).map((y) => ({ value: y, label: String(y) }));
}
