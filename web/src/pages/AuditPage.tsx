/** /audit (admin) — filterable, server-paginated audit log with before/after JSON. */
import { useState } from 'react';
import { AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api } from '../api';
import { useAsync } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import type { AuditRow, Page } from '../types';

interface Filters {
  username?: string;
  entity?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  region?: string;
}

/** Entities the server is known to audit; free text is allowed too. */
const KNOWN_ENTITIES = ['user', 'region', 'command_unit', 'command_member', 'person'];
const KNOWN_ACTIONS = [
  'create',
  'update',
  'delete',
  'update_flags',
  'login',
  'login_failed',
  'lock',
  'unlock',
  'change_password',
  'reveal',
];

function actionColor(action: string): string | undefined {
  if (/delete|remove|lock|fail/i.test(action)) return 'red';
  if (/create|add|insert/i.test(action)) return 'green';
  if (/update|patch|edit|flag/i.test(action)) return 'blue';
  return undefined;
}

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value == null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <pre className="xh-json">{JSON.stringify(value, null, 2)}</pre>;
}

export default function AuditPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const query = {
    username: filters.username?.trim(),
    entity: filters.entity?.trim(),
    action: filters.action?.trim(),
    from: filters.range?.[0]?.startOf('day').toISOString(),
    to: filters.range?.[1]?.endOf('day').toISOString(),
    region: filters.region?.trim(),
    page: page.current,
    pageSize: page.pageSize,
  };
  const { data, error, loading, reload } = useAsync(
    (s) => api.get<Page<AuditRow>>('/audit', query, s),
    [JSON.stringify(query)],
  );
  const apply = (f: Filters) => {
    setFilters(f);
    setPage((p) => ({ ...p, current: 1 }));
  };

  const none = t('common.none');
  const columns: TableColumnsType<AuditRow> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 180,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.user'),
      dataIndex: 'username',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag color={actionColor(v)}>{v}</Tag> },
    { title: t('audit.entity'), dataIndex: 'entity' },
    { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | number | null) => v ?? none },
    { title: t('audit.region'), dataIndex: 'regionCode', render: (v: string | null) => v ?? none },
  ];

  return (
    <Card>
      <Form<Filters> form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item name="username" label={t('audit.user')}>
          <Input allowClear style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.entity')}>
          <AutoComplete
            allowClear
            style={{ width: 160 }}
            options={KNOWN_ENTITIES.map((e) => ({ value: e }))}
            showSearch={{ filterOption: true }}
          />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <AutoComplete
            allowClear
            style={{ width: 150 }}
            options={KNOWN_ACTIONS.map((a) => ({ value: a }))}
            showSearch={{ filterOption: true }}
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="region" label={t('audit.region')}>
          <Input allowClear placeholder={t('region.code')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {error ? (
        <ApiResult error={error} onRetry={reload} />
      ) : (
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          expandable={{
            rowExpandable: (r) => r.before != null || r.after != null,
            expandedRowRender: (r) => (
              <Row gutter={16}>
                <Col span={12}>
                  <Typography.Title level={5}>{t('audit.before')}</Typography.Title>
                  <Json value={r.before} />
                </Col>
                <Col span={12}>
                  <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
                  <Json value={r.after} />
                </Col>
              </Row>
            ),
          }}
          pagination={{
            ...page,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      )}
    </Card>
  );
}
