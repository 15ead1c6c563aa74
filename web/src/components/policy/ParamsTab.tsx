/**
 * 政策参数 — every stored value grouped by key (national/provincial, per year or any year), with edit and add for a
 * user holding policy.manage; read-only for the others (counties, inspectors).
 */
import { useState } from 'react';
import { App, Button, Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { policy, type PolicyParam } from '@shared/contracts/policy';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { useCall } from '../common/useList';
import { ParamModal } from './ParamModal';
import { PARAM_DEFS, PROVINCES, kindOf } from './paramDefs';
import { DataTable } from '../common/DataTable';
import { decimal } from '../../format';

type Row = PolicyParam & { span: number };

export function ParamsTab() {
  const { t, L } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Partial<PolicyParam> | null>(null);
  const { data, error, loading, reload } = useCall(policy.params, {});
  const manage = useAuth().can('policy.manage');

  // Known keys first in their defined order, then the rest; within a key national first, then by year.
  const order = Object.keys(PARAM_DEFS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const sorted = [...(data?.items ?? [])].sort(
    (a, b) =>
      rank(a.key) - rank(b.key) ||
      a.key.localeCompare(b.key) ||
      a.province.localeCompare(b.province) ||
      a.year - b.year,
  );
  const rows: Row[] = sorted.map((p, i) => ({
    ...p,
    span: i > 0 && sorted[i - 1]!.key === p.key ? 0 : sorted.filter((q) => q.key === p.key).length,
  }));

  const show = (p: PolicyParam) => {
    const kind = kindOf(p.key, p.value);
    const v = p.value;
    if (kind === 'ratio' && typeof v === 'number') return `${Number((v * 100).toFixed(4))}%`;
    if (kind === 'codes' && Array.isArray(v))
      return v.map((c) => (
        <Tag key={String(c)}>
          {String(c)} {PROVINCES[String(c)] ?? ''}
        </Tag>
      ));
    if (kind === 'range' && Array.isArray(v)) return `${v[0]} – ${v[1]}`;
    const unit = PARAM_DEFS[p.key]?.unit;
    return typeof v === 'number' ? `${decimal(v)}${unit ? ` ${L(unit)}` : ''}` : JSON.stringify(v);
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('policy.key'),
      dataIndex: 'key',
      width: 260,
      onCell: (r) => ({ rowSpan: r.span, style: { verticalAlign: 'top' } }),
      render: (k: string) => (
        <Flex vertical>
          <Typography.Text strong>{PARAM_DEFS[k] ? L(PARAM_DEFS[k]) : k}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {k}
          </Typography.Text>
          {manage && (
            <Typography.Link onClick={() => setEditing({ key: k })} style={{ fontSize: 12 }}>
              + {t('policy.add')}
            </Typography.Link>
          )}
        </Flex>
      ),
    },
    {
      title: t('policy.province'),
      dataIndex: 'province',
      width: 120,
      render: (p: string) => (p ? `${p} ${PROVINCES[p] ?? ''}` : t('policy.national')),
    },
    { title: t('policy.year'), dataIndex: 'year', width: 100, render: (y: number) => y || t('policy.anyYear') },
    { title: t('policy.value'), key: 'value', render: (_, p) => show(p) },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            render: (_: unknown, p: Row) => (
              <Typography.Link onClick={() => setEditing(p)} data-testid={`param-edit-${p.key}`}>
                {t('common.edit')}
              </Typography.Link>
            ),
          },
        ]
      : []),
  ];

  if (error) return <ApiResult error={error} onRetry={reload} />;
  return (
    <>
      {manage && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="param-add">
            {t('policy.add')}
          </Button>
        </Flex>
      )}
      <DataTable<Row>
        rowKey={(r) => `${r.key}/${r.province}/${r.year}`}
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="params-table"
      />
      <ParamModal
        param={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
          reload();
        }}
      />
    </>
  );
}
