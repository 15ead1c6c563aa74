/**
 * /forces/cadres?tab=&region=&role=&unitId=&q=&active=&stationed=&sentSince=&maxAge=&bachelorOrHigher= — 干部队伍: cadres with
 * their current roles (filters in the URL, so statistics link here; the profile filters show as closable tags), 派出单位 (help units) and 企业与合作社 (partners).
 */
import { useState } from 'react';
import { App, Button, Card, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { GENDER_LABELS } from '@shared/codes';
import type { Gender } from '@shared/codes';
import { cadres, StationRoleSchema, type CadreView } from '@shared/contracts/cadres';
import { helpUnits } from '@shared/contracts/units';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { ApiResult } from '../../components/ApiResult';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { RoleTag, forceOptions, forceText, useDefaultRegion } from '../../components/forces/CadreCommon';
import { ListTab, useCall, useList } from '../../components/common/useList';
import { FilterSearch, FilterSelect } from '../../components/common/filters';
import { useUrlFilters } from '../../components/common/urlFilters';
import { CadreFormModal } from '../../components/forces/CadreFormModal';
import { CadrePartnersTab } from '../../components/forces/CadrePartnersTab';
import { CadreUnitsTab } from '../../components/forces/CadreUnitsTab';

/** A URL flag as the list's query takes it ('true' / 'false'), anything else left out. */
const flagOf = (v: string) => (v === 'true' || v === 'false' ? v : undefined);

function CadreList({ region }: { region: string }) {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const f = useUrlFilters();
  const role = StationRoleSchema.safeParse(f.get('role')).data;
  const unitId = f.get('unitId');
  const q = f.get('q');
  const active = f.get('active') === 'true';
  // The statistics' profile filters (set by the links of 帮扶力量统计), shown as closable tags.
  const stationed = f.get('stationed') === 'true' || undefined;
  const maxAge = /^\d{1,3}$/.test(f.get('maxAge')) ? Number(f.get('maxAge')) : undefined;
  const sentSince = /^\d{4}$/.test(f.get('sentSince')) ? Number(f.get('sentSince')) : undefined;
  const bachelor = f.get('bachelorOrHigher');
  const bachelorOrHigher = bachelor === 'true' ? true : bachelor === 'false' ? false : undefined;
  const profileTags = [
    stationed && { key: 'stationed', text: t('fa.filterStationed') },
    sentSince !== undefined && { key: 'sentSince', text: t('fa.filterSentSince', { since: sentSince }) },
    maxAge !== undefined && { key: 'maxAge', text: t('fa.filterMaxAge', { n: maxAge }) },
    bachelorOrHigher !== undefined && {
      key: 'bachelorOrHigher',
      text: t(bachelorOrHigher ? 'fa.filterBachelor' : 'fa.filterBelowBachelor'),
    },
  ].filter((x): x is { key: string; text: string } => !!x);
  const [creating, setCreating] = useState(false);

  const units = useCall(helpUnits.list, { query: { pageSize: 200 } });
  const list = useList(
    cadres.list,
    region
      ? {
          region,
          role,
          unitId: unitId || undefined,
          q: q || undefined,
          active: active ? 'true' : undefined,
          stationed: stationed ? 'true' : undefined,
          sentSince,
          maxAge,
          bachelorOrHigher: flagOf(bachelor),
        }
      : null,
  );

  const columns: TableColumnsType<CadreView> = [
    {
      title: t('fa.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (v: string, c) => (
        <Link to={`/forces/cadres/${c.id}`} data-testid="cadre-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('fa.gender'),
      dataIndex: 'gender',
      width: 70,
      render: (g: string | null) => (g ? L(GENDER_LABELS[g as Gender]) || g : '—'),
    },
    { title: t('fa.age'), dataIndex: 'age', width: 70, align: 'right', render: (v: number | null) => v ?? '—' },
    {
      title: t('fa.education'),
      dataIndex: 'education',
      render: (v: string | null) => forceText('cadre_education', v, L),
    },
    {
      title: t('fa.politicalStatus'),
      dataIndex: 'politicalStatus',
      render: (v: string | null) => forceText('political_status', v, L),
    },
    {
      title: t('fa.unit'),
      dataIndex: 'unit',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.unit?.name ?? '—'}</span>
          {c.post && <Typography.Text type="secondary">{c.post}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('fa.currentRoles'),
      dataIndex: 'stations',
      render: (_, c) =>
        c.stations.length === 0 ? (
          <Typography.Text type="secondary">{t('fa.notStationed')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={2}>
            {c.stations.map((s) => (
              <span key={s.id}>
                <RoleTag role={s.role} />
                {s.regionName}
              </span>
            ))}
          </Space>
        ),
    },
    { title: t('fa.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="cadre-table"
        toolbar={
          <Space wrap data-testid="cadre-filters">
            <RegionTreeSelect value={region} onChange={(c) => f.set({ region: c })} style={{ width: 240 }} />
            <FilterSelect
              filters={f}
              name="role"
              placeholder={t('fa.role')}
              options={forceOptions('station_role', L)}
              testId="filter-role"
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder={t('fa.unit')}
              value={unitId ? Number(unitId) : undefined}
              onChange={(v?: number) => f.set({ unitId: v })}
              loading={units.loading}
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
            <FilterSearch filters={f} width={200} placeholder={t('fa.nameSearch')} testId="filter-q" />
            <Space size={6}>
              <Switch checked={active} onChange={(v) => f.set({ active: v })} data-testid="filter-active" />
              {t('fa.activeOnly')}
            </Space>
            {profileTags.map((tag) => (
              <Tag
                key={tag.key}
                color="blue"
                closable
                onClose={() => f.set({ [tag.key]: undefined })}
                data-testid={`filter-tag-${tag.key}`}
              >
                {tag.text}
              </Tag>
            ))}
          </Space>
        }
        actions={
          can('force.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cadre-new">
              {t('fa.cadreNew')}
            </Button>
          )
        }
      />
      {can('force.write') && (
        <CadreFormModal
          open={creating}
          defaultRegion={region}
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            void message.success(t('fa.cadreCreated', { name: c.name }));
            navigate(`/forces/cadres/${c.id}`);
          }}
        />
      )}
    </>
  );
}

export default function CadresPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { region, error, reload } = useDefaultRegion();
  const tab = params.get('tab') ?? 'cadres';

  if (error) return <ApiResult error={error} onRetry={reload} />;
  return (
    <Card data-testid="cadres-page">
      <Tabs
        activeKey={tab}
        onChange={(next) => {
          // Each tab has its own filters: keep only the region.
          const keep = new URLSearchParams();
          if (region) keep.set('region', region);
          if (next !== 'cadres') keep.set('tab', next);
          setParams(keep);
        }}
        items={[
          { key: 'cadres', label: t('fa.tabCadres'), children: <CadreList region={region} /> },
          { key: 'units', label: t('fa.tabUnits'), children: <CadreUnitsTab /> },
          { key: 'partners', label: t('fa.tabPartners'), children: <CadrePartnersTab region={region} /> },
        ]}
        destroyOnHidden
      />
    </Card>
  );
}
