/** Columns of a measure list (the measures page and the household plan). */
import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { MeasureView } from '@shared/contracts/pairings';
import { FIVE_BATCHES } from '@shared/forces';
import type { I18n } from '../../i18n';
import { CadreLink, ForceTag, forceText, yuan } from './DutyShared';

const FIVE = new Set<string>(FIVE_BATCHES);

export function measureColumns({ t, L }: I18n, opts: { household?: boolean } = {}): TableColumnsType<MeasureView> {
  const cols: TableColumnsType<MeasureView> = [];
  if (opts.household)
    cols.push(
      {
        key: 'household',
        title: t('pair.household'),
        fixed: 'left',
        render: (_, m) => (
          <Link to={`/households/${m.householdId}?tab=plan`} data-testid="measure-household">
            {m.householdCode} {m.headName}
          </Link>
        ),
      },
      { key: 'village', title: t('fb.village'), dataIndex: 'regionName' },
    );
  cols.push(
    {
      key: 'type',
      title: t('msr.type'),
      dataIndex: 'type',
      render: (v: string) => (
        <Tag color={FIVE.has(v) ? 'geekblue' : undefined} data-code={v}>
          {forceText('measure_type', v, L)}
        </Tag>
      ),
    },
    { key: 'title', title: t('msr.title'), dataIndex: 'title' },
    {
      key: 'amount',
      title: t('msr.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (v: number | null) => yuan(v),
    },
    { key: 'planned', title: t('msr.plannedDate'), dataIndex: 'plannedDate', render: (v: string | null) => v ?? '—' },
    { key: 'done', title: t('msr.doneDate'), dataIndex: 'doneDate', render: (v: string | null) => v ?? '—' },
    { key: 'person', title: t('msr.person'), render: (_, m) => <CadreLink id={m.person?.id} name={m.person?.name} /> },
    {
      key: 'status',
      title: t('fb.status'),
      dataIndex: 'status',
      render: (v: string) => <ForceTag list="measure_status" code={v} />,
    },
    {
      key: 'evidence',
      title: t('msr.evidence'),
      dataIndex: 'evidence',
      width: 220,
      render: (v: string | null) =>
        v ? (
          <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 2, tooltip: v }}>
            {v}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
  );
  return cols;
}
