/**
 * /forces/five-ones?region=&missing=&kind=&poorOnly=&village= — 五个一: per village, one county leader and one township
 * leader linked, one county-or-higher unit paired, one first secretary, one Party-building instructor. Summary cards
 * filter the table; a village opens a drawer with the names.
 */
import type { ReactNode } from 'react';
import { Card, Col, Drawer, Flex, Row, Space, Statistic, Switch, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { FIVE_ONES, forceStats, type FiveOne, type FiveOnesRow } from '@shared/contracts/forces-stats';
import { useAsync } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../../components/ApiResult';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { pct, useDefaultRegion } from '../../components/forces/CadreCommon';
import { ListTab, useList } from '../../components/common/useList';
import { FilterSelect } from '../../components/common/filters';
import { useUrlFilters } from '../../components/common/urlFilters';
import {
  FIVE_ONE_KEYS,
  FiveOneTooltip,
  FiveOnesDescriptions,
  loadVillageFiveOnes,
} from '../../components/forces/FiveOnesParts';

function VillageDrawer({ code, onClose }: { code: string; onClose: () => void }) {
  const { t } = useI18n();
  const data = useAsync(code ? () => loadVillageFiveOnes(code) : null, [code]);
  const v = data.data;
  return (
    <Drawer
      open={!!code}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={
        v ? (
          <Space>
            {v.name}
            {v.complete ? (
              <Tag color="green">{t('fa.complete')}</Tag>
            ) : (
              <Tag color="red">{t('fa.gapsN', { n: v.missing.length })}</Tag>
            )}
          </Space>
        ) : (
          t('fa.fiveOnes')
        )
      }
      extra={code && <Link to={`/regions/${code}`}>{t('fa.openVillage')}</Link>}
      data-testid="five-ones-drawer"
    >
      {data.error ? (
        <ApiResult error={data.error} onRetry={data.reload} />
      ) : v ? (
        <FiveOnesDescriptions data={v} />
      ) : (
        <Flex justify="center">
          <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
        </Flex>
      )}
    </Drawer>
  );
}

export default function FiveOnesPage() {
  const { t } = useI18n();
  const f = useUrlFilters();
  const { region, error, reload } = useDefaultRegion();
  const missing = f.get('missing') === 'true';
  const kind = f.get('kind') as FiveOne | '';
  const poorOnly = f.get('poorOnly') === 'true';
  const village = f.get('village');
  const flag = (v: boolean) => (v ? ('true' as const) : undefined);
  const list = useList(
    forceStats.list,
    region ? { region, missing: flag(missing), kind: kind || undefined, poorOnly: flag(poorOnly) } : null,
  );
  const d = list.data;
  const gapOf = (k: FiveOne) => d?.gaps.find((g) => g.kind === k)?.villages ?? 0;
  const open = (code: string) => f.set({ village: code, page: f.page > 1 ? f.page : undefined });

  const columns: TableColumnsType<FiveOnesRow> = [
    {
      title: t('fa.village'),
      dataIndex: 'name',
      fixed: 'left',
      render: (v: string, r) => (
        <Space size={4}>
          <Typography.Link onClick={() => open(r.code)} data-testid="five-village">
            {v}
          </Typography.Link>
          {r.poor && <Tag color="volcano">{t('fa.poorVillage')}</Tag>}
        </Space>
      ),
    },
    { title: t('fa.township'), dataIndex: 'townshipName' },
    ...FIVE_ONES.map((k) => ({
      key: k,
      title: t(FIVE_ONE_KEYS[k]),
      align: 'center' as const,
      width: 110,
      render: (_: unknown, r: FiveOnesRow) => {
        const gap = r.missing.includes(k);
        return (
          <Tooltip title={<FiveOneTooltip code={r.code} kind={k} />}>
            {gap ? (
              <CloseCircleFilled style={{ color: '#cf1322', fontSize: 16 }} data-testid="five-cross" />
            ) : (
              <CheckCircleFilled style={{ color: '#389e0d', fontSize: 16 }} data-testid="five-check" />
            )}
          </Tooltip>
        );
      },
    })),
    {
      title: t('fa.gaps'),
      dataIndex: 'missing',
      width: 90,
      render: (m: FiveOne[]) =>
        m.length ? (
          <Tag color="red">{t('fa.gapsN', { n: m.length })}</Tag>
        ) : (
          <Tag color="green">{t('fa.complete')}</Tag>
        ),
    },
  ];

  const card = (
    key: string,
    title: string,
    value: number | undefined,
    active: boolean,
    onClick: () => void,
    danger = false,
    suffix?: ReactNode,
  ) => (
    <Col flex="1 1 150px" key={key}>
      <Card
        size="small"
        hoverable
        onClick={onClick}
        style={{ height: '100%', ...(active ? { borderColor: '#1677ff', boxShadow: '0 0 0 1px #1677ff' } : {}) }}
        data-testid={`five-card-${key}`}
      >
        <Statistic
          title={title}
          value={value ?? '—'}
          suffix={suffix}
          styles={{ content: danger && value ? { color: '#cf1322' } : undefined }}
        />
      </Card>
    </Col>
  );

  if (error) return <ApiResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="five-ones-page">
      <Card size="small">
        <Space wrap size={16}>
          <RegionTreeSelect value={region} onChange={(c) => f.set({ region: c })} style={{ width: 260 }} />
          <Space size={6}>
            <Switch checked={missing} onChange={(v) => f.set({ missing: v })} data-testid="filter-missing" />
            {t('fa.gapsOnly')}
          </Space>
          <FilterSelect
            filters={f}
            name="kind"
            width={180}
            placeholder={t('fa.gapKind')}
            options={FIVE_ONES.map((k) => ({ value: k, label: t(FIVE_ONE_KEYS[k]) }))}
            testId="filter-kind"
          />
          <Space size={6}>
            <Switch checked={poorOnly} onChange={(v) => f.set({ poorOnly: v })} />
            {t('fa.poorOnly')}
          </Space>
        </Space>
      </Card>
      <Row gutter={[12, 12]}>
        {card('villages', t('fa.villages'), d?.villages, !missing && !kind, () =>
          f.set({ missing: undefined, kind: undefined }),
        )}
        {card(
          'complete',
          t('fa.complete'),
          d?.complete,
          false,
          () => f.set({ missing: undefined, kind: undefined }),
          false,
          d && d.villages ? (
            <Typography.Text type="secondary">{pct(d.complete / d.villages)}</Typography.Text>
          ) : undefined,
        )}
        {FIVE_ONES.map((k) =>
          card(
            k,
            t('fa.gapOf', { kind: t(FIVE_ONE_KEYS[k]) }),
            d ? gapOf(k) : undefined,
            kind === k,
            () => f.set({ kind: kind === k ? undefined : k, missing: kind === k ? undefined : true }),
            true,
          ),
        )}
      </Row>
      <Card size="small">
        <ListTab list={list} columns={columns} rowKey="code" testId="five-ones-table" />
      </Card>
      <VillageDrawer
        code={village}
        onClose={() => f.set({ village: undefined, page: f.page > 1 ? f.page : undefined })}
      />
    </Space>
  );
}
