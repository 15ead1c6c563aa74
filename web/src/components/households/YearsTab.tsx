/** 收入与两不愁三保障 — one row per yearly record: income by source, costs, net, per capita and the five indicators. */
import { Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { INDICATORS } from '@shared/register';
import { useI18n } from '../../i18n';
import { INCOME_FIELDS, INDICATOR_FIELDS } from '@shared/household';
import type { YearView as YearRecord } from '@shared/contracts/households';
import { StatusTag, money } from './codes';
import { DataTable } from '../common/DataTable';

/** ✓ met, ✗ not met, 未填 not recorded. */
export function IndicatorMark({ value }: { value: boolean | null | undefined }) {
  const { t } = useI18n();
  if (value === true) return <CheckOutlined style={{ color: '#52c41a' }} aria-label="✓" />;
  if (value === false) return <CloseOutlined style={{ color: '#ff4d4f' }} aria-label="✗" />;
  return <Typography.Text type="secondary">{t('y.unset')}</Typography.Text>;
}

export function YearsTab({ years }: { years: YearRecord[] }) {
  const { t, L } = useI18n();
  const amount = (v: number) => money(v);
  const columns: TableColumnsType<YearRecord> = [
    { title: t('y.year'), dataIndex: 'year', fixed: 'left', width: 70 },
    { title: t('y.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
    { title: t('hh.persons'), dataIndex: 'persons', align: 'right' },
    ...INCOME_FIELDS.map((f) => ({ title: t(`y.${f}`), dataIndex: f, align: 'right' as const, render: amount })),
    { title: t('y.productionCost'), dataIndex: 'productionCost', align: 'right', render: amount },
    { title: t('y.netIncome'), dataIndex: 'netIncome', align: 'right', render: amount },
    {
      title: t('y.perCapita'),
      dataIndex: 'perCapitaIncome',
      align: 'right',
      render: (v: number) => <Typography.Text strong>{money(v)}</Typography.Text>,
    },
    {
      title: t('y.indicators'),
      children: INDICATOR_FIELDS.map((f, i) => {
        const ind = INDICATORS[i]!;
        return {
          title: (
            <Tooltip title={L(ind)}>
              <span>{t(`y.${f}`)}</span>
            </Tooltip>
          ),
          dataIndex: f,
          align: 'center' as const,
          render: (v: boolean | null) => <IndicatorMark value={v} />,
        };
      }),
    },
  ];
  return (
    <DataTable<YearRecord>
      rowKey="year"
      size="small"
      bordered
      columns={columns}
      dataSource={[...years].sort((a, b) => b.year - a.year)}
      pagination={false}
      locale={{ emptyText: t('y.none') }}
      data-testid="years-table"
    />
  );
}
