/** Columns of the household list; the sort order is controlled by the URL (?sort=code|head|persons|-persons|income|-income). */
import { Space, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router';
import type { I18n } from '../../i18n';
import type { HouseholdRow } from '@shared/contracts/households';
import { StatusTag, codeLabel, money } from './codes';
import { colon, list } from '../../format';

export type SortKey = 'code' | 'head' | 'persons' | 'income';

/** The antd sort order of a column from ?sort=. */
export function orderOf(sort: string | undefined, key: SortKey): SortOrder {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

/** ?sort= from an antd sorter change (code and head only sort ascending on the server). */
export function sortParam(key: string | undefined, order: SortOrder | undefined): string | undefined {
  if (!key || !order) return undefined;
  return order === 'descend' && (key === 'persons' || key === 'income') ? `-${key}` : key;
}

export function householdColumns({ t, L }: I18n, sort: string | undefined, year: number | undefined) {
  const columns: TableColumnsType<HouseholdRow> = [
    {
      key: 'code',
      title: t('hh.code'),
      dataIndex: 'code',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: orderOf(sort, 'code'),
      render: (code: string, h) => (
        <Link to={`/households/${h.id}`} data-testid="household-link">
          {code}
        </Link>
      ),
    },
    {
      key: 'head',
      title: t('hh.head'),
      dataIndex: 'headName',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: orderOf(sort, 'head'),
    },
    {
      key: 'village',
      title: t('hh.villageGroup'),
      render: (_, h) => (h.groupName ? `${h.villageName} / ${h.groupName}` : h.villageName),
    },
    {
      key: 'persons',
      title: t('hh.persons'),
      dataIndex: 'persons',
      align: 'right',
      sorter: true,
      sortDirections: ['ascend', 'descend'],
      sortOrder: orderOf(sort, 'persons'),
    },
    { key: 'status', title: t('hh.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
    {
      key: 'attribute',
      title: t('hh.attributeShort'),
      dataIndex: 'attribute',
      render: (a: string | null) => codeLabel('attribute', a, L),
    },
    {
      key: 'cause',
      title: t('hh.mainCause'),
      dataIndex: 'mainCause',
      render: (c: string | null, h) =>
        h.otherCauses.length ? (
          <Tooltip
            title={`${t('hh.otherCauses')}${colon()}${list(h.otherCauses.map((o) => codeLabel('cause', o, L)))}`}
          >
            <Space size={4}>
              {codeLabel('cause', c, L)}
              <Typography.Text type="secondary">+{h.otherCauses.length}</Typography.Text>
            </Space>
          </Tooltip>
        ) : (
          codeLabel('cause', c, L)
        ),
    },
    {
      key: 'housing',
      title: t('hh.housingGrade'),
      dataIndex: 'housingGrade',
      render: (g: string | null) => codeLabel('housing_grade', g, L),
    },
    {
      key: 'income',
      title: year ? t('hh.incomeOfYear', { year }) : t('hh.income'),
      dataIndex: 'perCapitaIncome',
      align: 'right',
      sorter: true,
      sortDirections: ['ascend', 'descend'],
      sortOrder: orderOf(sort, 'income'),
      render: (v: number | null) => money(v),
    },
  ];
  return columns;
}
