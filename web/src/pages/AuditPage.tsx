/**
 * /audit (audit.read) — the audit rows of the reader's scope, newest first, in the UI language: actions and entity
 * types by their labels (shared/audit.ts), filters kept in the URL (?username=&entity=&action=&region=&from=&to=&
 * page=) — a user picker searching the users of the scope, selects of entity types and actions, the region tree and
 * a date range — and, opened, the fields an update changed (before, after; ID numbers and phones masked by the
 * server where the reader may not reveal them).
 */
import { Card, DatePicker, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionLabel, auditEntityLabel } from '@shared/audit';
import { audit, type AuditRow } from '@shared/contracts/users';
import { call } from '../api';
import { useRemoteSearch } from '../hooks';
import { useI18n } from '../i18n';
import { AuditDetail } from '../components/audit/AuditDetail';
import { FilterSelect } from '../components/common/filters';
import { ListTab, useList } from '../components/common/useList';
import { useUrlFilters } from '../components/common/urlFilters';
import { RegionTreeSelect } from '../components/RegionTreeSelect';

const DAY = 'YYYY-MM-DD';

function actionColor(action: string): string | undefined {
  if (/delete|remove|lock|fail|deactivate|reject/i.test(action)) return 'red';
  if (/create|add|insert|activate|approve/i.test(action)) return 'green';
  if (/update|patch|edit|flag|password/i.test(action)) return 'blue';
  return undefined;
}

/** A local day of the URL (YYYY-MM-DD) as the instant it starts or ends. */
const instant = (day: string, end: boolean) => {
  const d = dayjs(day, DAY);
  return day && d.isValid() ? (end ? d.endOf('day') : d.startOf('day')).toISOString() : undefined;
};

/** The user filter: the users of the reader's audit scope, searched by name as one types. */
function UserPicker({ value, onChange }: { value?: string; onChange: (username?: string) => void }) {
  const { t } = useI18n();
  const { found, loading, search } = useRemoteSearch(
    async (q: string) =>
      (await call(audit.users, { query: { q: q || undefined } })).items.map((u) => ({
        value: u.username,
        label: u.displayName && u.displayName !== u.username ? `${u.displayName}（${u.username}）` : u.username,
      })),
    [],
  );
  const options = value && !found.some((o) => o.value === value) ? [{ value, label: value }, ...found] : found;
  return (
    <Select<string>
      allowClear
      style={{ width: 200 }}
      placeholder={t('audit.userPick')}
      value={value || undefined}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && search('')}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      data-testid="audit-user"
    />
  );
}

export default function AuditPage() {
  const { t, L } = useI18n();
  const filters = useUrlFilters();
  const text = (k: string) => filters.get(k).trim() || undefined;
  const list = useList(audit.list, {
    username: text('username'),
    entity: text('entity'),
    action: text('action'),
    from: instant(filters.get('from'), false),
    to: instant(filters.get('to'), true),
    region: text('region'),
  });
  const from = filters.get('from');
  const to = filters.get('to');

  const none = t('common.none');
  const columns: TableColumnsType<AuditRow> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.user'),
      dataIndex: 'username',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <Tag color={actionColor(v)} title={v}>
          {L(auditActionLabel(v))}
        </Tag>
      ),
    },
    { title: t('audit.entity'), dataIndex: 'entity', render: (v: string) => L(auditEntityLabel(v)) },
    { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? none },
    {
      title: t('audit.region'),
      dataIndex: 'regionCode',
      render: (v: string | null, r) =>
        v ? (
          <Tooltip title={v}>
            <span data-region={v}>{r.regionName ?? v}</span>
          </Tooltip>
        ) : (
          none
        ),
    },
  ];

  return (
    <Card>
      <ListTab<typeof audit.list>
        list={list}
        columns={columns}
        testId="audit-table"
        toolbar={
          <Space wrap>
            <UserPicker value={text('username')} onChange={(username) => filters.set({ username })} />
            <FilterSelect
              filters={filters}
              name="entity"
              placeholder={t('audit.entityPick')}
              options={AUDIT_ENTITIES.map((e) => ({ value: e.code, label: L(e) }))}
              testId="audit-entity"
            />
            <FilterSelect
              filters={filters}
              name="action"
              placeholder={t('audit.actionPick')}
              options={AUDIT_ACTIONS.map((a) => ({ value: a.code, label: L(a) }))}
              testId="audit-action"
            />
            <RegionTreeSelect
              value={text('region')}
              onChange={(region) => filters.set({ region })}
              placeholder={t('audit.regionPick')}
              allowClear
              style={{ width: 220 }}
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[from ? dayjs(from, DAY) : null, to ? dayjs(to, DAY) : null]}
              onChange={(range) => filters.set({ from: range?.[0]?.format(DAY), to: range?.[1]?.format(DAY) })}
            />
          </Space>
        }
        table={{
          expandable: {
            rowExpandable: (r) => r.before != null || r.after != null,
            expandedRowRender: (r) => <AuditDetail row={r} />,
          },
        }}
      />
    </Card>
  );
}
