/**
 * /forces/pairings?kind=&tab=gaps&region= — 结对帮扶: summary numbers, one tab per pairing kind
 * (GET /api/pairings?kind=), and 缺帮扶责任人 (registered poor households without a responsible cadre,
 * GET /api/pairings/gaps) with 指定帮扶责任人. Create and end pairings. ?personId= / ?householdId= narrow the list.
 */
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Modal,
  Row,
  Space,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { PAIRING_KINDS } from '@shared/forces';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useAsync, useErrorToast } from '../../hooks';
import type { AsyncState } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../../components/ApiResult';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { StatusTag } from '../../components/households/codes';
import { CadreLink, ISO, forceText, urlPagination, useForceQuery } from '../../components/forces/DutyShared';
import { PairingFormModal } from '../../components/forces/PairingFormModal';
import type { PairingKind, PairingPrefill } from '../../components/forces/PairingFormModal';
import type { PairingGap, PairingRow, PairingSummary } from '../../components/forces/PairingTypes';
import type { Page } from '../../types';

const KINDS = PAIRING_KINDS.map((k) => k.code);

function SummaryCards({
  sum,
  onKind,
  onGaps,
}: {
  sum: AsyncState<PairingSummary>;
  onKind: (k: PairingKind) => void;
  onGaps: () => void;
}) {
  const { t, L } = useI18n();
  if (sum.error) return <ApiResult error={sum.error} onRetry={sum.reload} />;
  const d = sum.data;
  const pairs = (k: string) => d?.byKind.find((x) => x.kind === k)?.pairs ?? 0;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="pairing-summary">
      {KINDS.map((k) => (
        <Col key={k} xs={12} md={8} xl={4}>
          <Card size="small" hoverable loading={!d} onClick={() => onKind(k)}>
            <Statistic title={forceText('pairing_kind', k, L)} value={pairs(k)} suffix={t('pair.pairsUnit')} />
          </Card>
        </Col>
      ))}
      <Col xs={12} md={8} xl={4}>
        <Card size="small" hoverable loading={!d} onClick={onGaps} data-testid="pairing-gaps-card">
          <Statistic
            title={t('pair.gaps')}
            value={d?.gaps ?? 0}
            suffix={t('pair.householdsUnit')}
            styles={{ content: { color: d && d.gaps > 0 ? '#cf1322' : '#389e0d' } }}
          />
        </Card>
      </Col>
      {d && (
        <Col span={24}>
          <Space wrap size={[16, 4]}>
            <Typography.Text>
              {t('pair.cadreHouseholdLine', { cadres: d.cadres, households: d.households })}
            </Typography.Text>
            {d.householdsPerCadre.length > 0 && (
              <Typography.Text type="secondary">{t('pair.perCadre')}</Typography.Text>
            )}
            {d.householdsPerCadre.map((r) => (
              <Tag key={r.households}>{t('pair.perCadreItem', { households: r.households, cadres: r.cadres })}</Tag>
            ))}
          </Space>
        </Col>
      )}
    </Row>
  );
}

function pairingColumns(kind: PairingKind, t: ReturnType<typeof useI18n>['t'], L: ReturnType<typeof useI18n>['L']) {
  const household: TableColumnsType<PairingRow>[number] = {
    key: 'household',
    title: t('pair.household'),
    render: (_, p) =>
      p.household ? (
        <Link to={`/households/${p.household.id}?tab=plan`}>
          {p.household.code} {p.household.headName}
        </Link>
      ) : (
        '—'
      ),
  };
  const village: TableColumnsType<PairingRow>[number] = {
    key: 'village',
    title: kind === 'village_village' ? t('pair.helpedVillage') : t('fb.village'),
    dataIndex: 'regionName',
  };
  const byKind: Record<PairingKind, TableColumnsType<PairingRow>> = {
    cadre_household: [
      household,
      village,
      {
        key: 'person',
        title: t('pair.responsible'),
        render: (_, p) => <CadreLink id={p.person?.id} name={p.person?.name} />,
      },
    ],
    village_village: [
      { key: 'helper', title: t('pair.helperVillage'), render: (_, p) => p.helperRegion?.name ?? '—' },
      village,
    ],
    unit_village: [
      {
        key: 'unit',
        title: t('pair.unit'),
        render: (_, p) =>
          p.unit ? (
            <Space size={4}>
              {p.unit.name}
              <Tag>{forceText('unit_level', p.unit.level, L)}</Tag>
            </Space>
          ) : (
            '—'
          ),
      },
      village,
    ],
    enterprise_village: [
      {
        key: 'partner',
        title: t('pair.partner'),
        render: (_, p) =>
          p.partner ? (
            <Space size={4}>
              {p.partner.name}
              <Tag>{forceText('partner_kind', p.partner.kind, L)}</Tag>
            </Space>
          ) : (
            '—'
          ),
      },
      village,
    ],
    member_member: [
      { key: 'helperName', title: t('pair.helperMember'), dataIndex: 'helperName' },
      { key: 'helpedName', title: t('pair.helpedMember'), dataIndex: 'helpedName' },
      village,
    ],
  };
  const tail: TableColumnsType<PairingRow> = [
    { key: 'start', title: t('fb.startDate'), dataIndex: 'startDate' },
    {
      key: 'end',
      title: t('fb.endDate'),
      dataIndex: 'endDate',
      render: (v: string | null) =>
        v ? <Tag>{t('pair.endedOn', { date: v })}</Tag> : <Tag color="green">{t('pair.active')}</Tag>,
    },
    { key: 'note', title: t('fb.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];
  return [...byKind[kind], ...tail];
}

function PairingList({ kind, onCreate, tick }: { kind: PairingKind; onCreate: () => void; tick: number }) {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const q = useForceQuery();
  const all = q.params.get('active') === 'all';
  const personId = q.params.get('personId') ?? '';
  const householdId = q.params.get('householdId') ?? '';
  // Unit levels (the statistics' "units above the county" link here with central,provincial,city).
  const unitLevel = q.params.get('unitLevel') ?? '';
  const [ending, setEnding] = useState<PairingRow | null>(null);
  const [endDate, setEndDate] = useState<Dayjs | null>(dayjs());
  const [saving, setSaving] = useState(false);

  const list = useAsync(
    q.region
      ? (s) =>
          api.get<Page<PairingRow>>(
            '/pairings',
            {
              region: q.region,
              kind,
              personId,
              householdId,
              unitLevel: unitLevel || undefined,
              active: all ? 'all' : undefined,
              page: q.page,
              pageSize: q.pageSize,
            },
            s,
          )
      : null,
    [q.region, kind, personId, householdId, unitLevel, all, q.page, q.pageSize, tick],
  );

  const end = async () => {
    if (!ending || !endDate) return;
    setSaving(true);
    try {
      await api.post(`/pairings/${ending.id}/end`, { endDate: endDate.format(ISO) });
      message.success(t('pair.ended'));
      setEnding(null);
      list.reload();
    } catch (e) {
      toast(e);
    } finally {
      setSaving(false);
    }
  };

  const columns = pairingColumns(kind, t, L);
  if (can('force.write'))
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, p) =>
        p.endDate ? null : (
          <Typography.Link
            type="danger"
            onClick={() => {
              setEndDate(dayjs());
              setEnding(p);
            }}
          >
            {t('pair.end')}
          </Typography.Link>
        ),
    });

  const personName = list.data?.items.find((p) => String(p.person?.id) === personId)?.person?.name;
  const hh = list.data?.items.find((p) => String(p.household?.id) === householdId)?.household;
  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
          <Space>
            <Switch checked={all} onChange={(v) => q.update({ active: v ? 'all' : undefined })} />
            {t('pair.includeEnded')}
          </Space>
          {personId && (
            <Tag closable onClose={() => q.update({ personId: undefined })}>
              {t('fb.cadre')}：{personName ?? `#${personId}`}
            </Tag>
          )}
          {householdId && (
            <Tag closable onClose={() => q.update({ householdId: undefined })}>
              {t('pair.household')}：{hh ? `${hh.code} ${hh.headName}` : `#${householdId}`}
            </Tag>
          )}
          {unitLevel && (
            <Tag closable onClose={() => q.update({ unitLevel: undefined })} data-testid="filter-tag-unitLevel">
              {t('fa.unitLevel')}：
              {unitLevel
                .split(',')
                .map((l) => forceText('unit_level', l, L))
                .join('、')}
            </Tag>
          )}
        </Space>
        {can('force.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="pair-new">
            {t('pair.new')}
          </Button>
        )}
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<PairingRow>
          rowKey="id"
          size="middle"
          data-testid="pairing-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={urlPagination(t, q, list.data?.total)}
        />
      )}
      <Modal
        title={t('pair.endTitle')}
        open={!!ending}
        onCancel={() => setEnding(null)}
        onOk={end}
        okText={t('pair.end')}
        okButtonProps={{ danger: true, disabled: !endDate }}
        confirmLoading={saving}
        width={420}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('pair.endConfirm')}</Typography.Text>
          <Space>
            {t('fb.endDate')}
            <DatePicker value={endDate} onChange={setEndDate} />
          </Space>
        </Space>
      </Modal>
    </>
  );
}

function GapList({ onAssign, tick }: { onAssign: (g: PairingGap) => void; tick: number }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const q = useForceQuery();
  const list = useAsync(
    q.region
      ? (s) => api.get<Page<PairingGap>>('/pairings/gaps', { region: q.region, page: q.page, pageSize: q.pageSize }, s)
      : null,
    [q.region, q.page, q.pageSize, tick],
  );
  const columns: TableColumnsType<PairingGap> = [
    {
      key: 'code',
      title: t('pair.householdCode'),
      render: (_, g) => <Link to={`/households/${g.id}?tab=plan`}>{g.code}</Link>,
    },
    { key: 'head', title: t('pair.headName'), dataIndex: 'headName' },
    { key: 'village', title: t('fb.village'), dataIndex: 'regionName' },
    { key: 'status', title: t('fb.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
  ];
  if (can('force.write'))
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, g) => (
        <Button size="small" icon={<UserAddOutlined />} onClick={() => onAssign(g)} data-testid="gap-assign">
          {t('pair.assign')}
        </Button>
      ),
    });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
        <Typography.Text type="secondary">{t('pair.gapsHint')}</Typography.Text>
      </Space>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<PairingGap>
          rowKey="id"
          size="middle"
          data-testid="gap-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={urlPagination(t, q, list.data?.total)}
        />
      )}
    </>
  );
}

export default function PairingsPage() {
  const { t, L } = useI18n();
  const { message } = App.useApp();
  const q = useForceQuery();
  const askedKind = q.params.get('kind') as PairingKind | null;
  const kind: PairingKind = askedKind && KINDS.includes(askedKind) ? askedKind : 'cadre_household';
  const tab = q.params.get('tab') === 'gaps' ? 'gaps' : kind;
  const [creating, setCreating] = useState<PairingPrefill | null>(null);
  const [tick, setTick] = useState(0);
  const summary = useAsync(
    q.region ? (s) => api.get<PairingSummary>('/pairings/summary', { region: q.region }, s) : null,
    [q.region, tick],
  );
  const gaps = summary.data?.gaps ?? 0;

  if (q.rootsError) return <ApiResult error={q.rootsError} onRetry={q.reloadRoots} />;
  const openKind = (k: PairingKind) => q.reset({ kind: k === 'cadre_household' ? undefined : k, region: q.region });
  const openGaps = () => q.reset({ tab: 'gaps', region: q.region });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="pairings-page">
      <Card size="small">
        <SummaryCards sum={summary} onKind={openKind} onGaps={openGaps} />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => (k === 'gaps' ? openGaps() : openKind(k as PairingKind))}
          destroyOnHidden
          items={[
            ...KINDS.map((k) => ({
              key: k,
              label: forceText('pairing_kind', k, L),
              children: <PairingList kind={k} tick={tick} onCreate={() => setCreating({ kind: k })} />,
            })),
            {
              key: 'gaps',
              label:
                gaps > 0 ? (
                  <Typography.Text type="danger" data-testid="gaps-tab">
                    {t('pair.gapsTab')} ({gaps})
                  </Typography.Text>
                ) : (
                  <span data-testid="gaps-tab">{t('pair.gapsTab')}</span>
                ),
              children: (
                <GapList
                  tick={tick}
                  onAssign={(g) =>
                    setCreating({
                      kind: 'cadre_household',
                      household: { id: g.id, code: g.code, headName: g.headName, regionCode: g.regionCode },
                      regionCode: g.regionCode,
                    })
                  }
                />
              ),
            },
          ]}
        />
      </Card>
      <PairingFormModal
        open={creating !== null}
        region={q.region}
        prefill={creating ?? undefined}
        onClose={() => setCreating(null)}
        onSaved={() => {
          setCreating(null);
          message.success(t('pair.created'));
          setTick((n) => n + 1);
        }}
      />
    </Space>
  );
}
