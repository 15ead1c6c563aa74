/**
 * 工作经费 — a work team's yearly budget, spending and balance with a page of its entries
 * (GET /api/teams/:id/funds?year&page&pageSize) and a spending entry (POST /api/teams/:id/funds). The team is
 * picked from GET /api/teams?region (the cadres module). URL: ?team=&year=&page=.
 */
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { duty, type FundEntry, type Spending } from '@shared/contracts/duty';
import { teams as teamsApi } from '@shared/contracts/teams';
import { call } from '../../api';
import { useAuth } from '../../auth';
import { useAsync } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { FormModal } from '../common/FormModal';
import { urlPagination, useUrlFilters } from '../common/urlFilters';
import { useCall } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { ISO, recentYears, useForceQuery, yuan } from './DutyShared';
import { DataTable } from '../common/DataTable';
import { paren } from '../../format';

interface FundForm {
  spentOn: Dayjs;
  amount: number;
  purpose: string;
}

export function FundTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const q = useForceQuery();
  const paging = useUrlFilters();
  const teamId = Number(q.params.get('team') ?? '') || null;
  const year = Number(q.params.get('year') ?? '') || dayjs().year();
  /** The new entry's first values while the form is open. */
  const [adding, setAdding] = useState<Partial<FundForm> | null>(null);

  const teams = useCall(teamsApi.list, q.region ? { query: { region: q.region, pageSize: 200 } } : null);
  const funds = useAsync(
    teamId
      ? (signal) =>
          call(
            duty.funds,
            { params: { id: teamId }, query: { year, page: paging.page, pageSize: paging.pageSize } },
            { signal },
          )
      : null,
    [teamId, year, paging.page, paging.pageSize],
  );
  const team = teams.data?.items.find((x) => x.id === teamId);

  const f = funds.data;
  const usedPct = f && f.budget > 0 ? Math.round((f.spent / f.budget) * 100) : 0;
  const columns: TableColumnsType<FundEntry> = [
    { key: 'spentOn', title: t('fund.spentOn'), dataIndex: 'spentOn', width: 120 },
    { key: 'purpose', title: t('fund.purpose'), dataIndex: 'purpose' },
    { key: 'amount', title: t('fund.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
  ];

  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect
            value={q.region}
            onChange={(c) => q.update({ region: c, team: undefined })}
            style={{ width: 260 }}
          />
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            style={{ width: 320 }}
            placeholder={t('fund.pickTeam')}
            loading={teams.loading}
            value={teamId ?? undefined}
            onChange={(id?: number) => q.update({ team: id })}
            options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}${paren(x.regionName)}` }))}
            data-testid="fund-team"
          />
          <Select
            style={{ width: 100 }}
            value={year}
            onChange={(y: number) => q.update({ year: y === dayjs().year() ? undefined : y })}
            options={recentYears()}
          />
        </Space>
        {teamId && can('force.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding({ spentOn: dayjs() })}>
            {t('fund.new')}
          </Button>
        )}
      </Flex>
      {teams.data && teams.data.total > teams.data.items.length && !teamId && (
        <Typography.Paragraph type="secondary">{t('fund.narrow', { total: teams.data.total })}</Typography.Paragraph>
      )}
      {teams.error ? (
        <ApiResult error={teams.error} onRetry={teams.reload} />
      ) : !teamId ? (
        <Empty description={t('fund.pickTeam')} />
      ) : funds.error ? (
        <ApiResult error={funds.error} onRetry={funds.reload} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Card size="small" loading={!f}>
                <Statistic
                  title={t('fund.budget', { year })}
                  value={f?.budget ?? 0}
                  precision={2}
                  suffix={t('fund.yuan')}
                />
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card size="small" loading={!f}>
                <Statistic title={t('fund.spent')} value={f?.spent ?? 0} precision={2} suffix={t('fund.yuan')} />
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card size="small" loading={!f}>
                <Statistic
                  title={t('fund.balance')}
                  value={f?.balance ?? 0}
                  precision={2}
                  suffix={t('fund.yuan')}
                  styles={{ content: { color: f && f.balance < 0 ? '#cf1322' : '#389e0d' } }}
                  data-testid="fund-balance"
                />
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card size="small" loading={!f}>
                <Typography.Text type="secondary">{t('fund.used')}</Typography.Text>
                <Progress percent={Math.min(usedPct, 100)} status={usedPct > 100 ? 'exception' : 'normal'} />
                {team && (
                  <Typography.Text type="secondary">
                    {team.regionName} · {t('fund.members', { n: team.size })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          <DataTable<FundEntry>
            rowKey="id"
            size="middle"
            data-testid="fund-entries"
            loading={funds.loading}
            columns={columns}
            dataSource={f?.entries ?? []}
            pagination={{
              ...urlPagination(paging, f?.total, (total) => t('common.total', { total })),
              hideOnSinglePage: true,
            }}
            summary={() =>
              f && f.entries.length > 0 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    {t('fund.total')}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {yuan(f.spent)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </Space>
      )}
      <FormModal<FundForm, Spending>
        open={adding !== null}
        title={t('fund.new')}
        width={520}
        initialValues={adding ?? undefined}
        onClose={() => setAdding(null)}
        fields={['spentOn', 'amount', 'purpose']}
        save={(v) =>
          call(duty.spend, {
            params: { id: teamId! },
            body: { spentOn: v.spentOn.format(ISO), amount: v.amount, purpose: v.purpose.trim() },
          })
        }
        onSaved={() => {
          message.success(t('common.saved'));
          setAdding(null);
          funds.reload();
        }}
      >
        <Form.Item
          name="spentOn"
          label={t('fund.spentOn')}
          rules={[{ required: true, message: t('form.select', { field: t('fund.spentOn') }) }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('fund.amount')}
          rules={[{ required: true, message: t('form.required', { field: t('fund.amount') }) }]}
          extra={f ? t('fund.balanceNow', { balance: yuan(f.balance) }) : undefined}
        >
          <InputNumber min={0.01} max={1e8} precision={2} style={{ width: 200 }} suffix={t('fund.yuan')} />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('fund.purpose')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('fund.purpose') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}
