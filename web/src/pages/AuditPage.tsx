/**
 * /audit (admin) — the audit rows of the administrator's scope, newest first: filters and paging in the URL
 * (?username=&entity=&action=&from=&to=&region=&page=), before/after JSON (ID numbers and phones masked by the
 * server where the reader may not reveal them).
 */
import { Alert, AutoComplete, Button, Col, Card, DatePicker, Form, Input, Row, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { audit, type AuditRow } from '@shared/contracts/users';
import { useI18n } from '../i18n';
import { ListTab, useList } from '../components/common/useList';
import { useUrlFilters } from '../components/common/urlFilters';

interface Filters {
  username?: string;
  entity?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  region?: string;
}

/** Entities the server is known to audit; free text is allowed too. */
const KNOWN_ENTITIES = ['user', 'region', 'command_unit', 'command_member', 'person', 'household', 'policy_param'];
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
const DAY = 'YYYY-MM-DD';

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

/** A local day of the URL (YYYY-MM-DD) as the instant it starts or ends. */
const instant = (day: string, end: boolean) => {
  const d = dayjs(day, DAY);
  return day && d.isValid() ? (end ? d.endOf('day') : d.startOf('day')).toISOString() : undefined;
};

export default function AuditPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Filters>();
  const url = useUrlFilters();
  const text = (k: string) => url.get(k).trim() || undefined;
  const list = useList(audit.list, {
    username: text('username'),
    entity: text('entity'),
    action: text('action'),
    from: instant(url.get('from'), false),
    to: instant(url.get('to'), true),
    region: text('region'),
  });
  const initial: Filters = {
    username: url.get('username') || undefined,
    entity: url.get('entity') || undefined,
    action: url.get('action') || undefined,
    region: url.get('region') || undefined,
    range: [url.get('from') ? dayjs(url.get('from'), DAY) : null, url.get('to') ? dayjs(url.get('to'), DAY) : null],
  };
  const apply = (f: Filters) =>
    url.set({
      username: f.username?.trim(),
      entity: f.entity?.trim(),
      action: f.action?.trim(),
      region: f.region?.trim(),
      from: f.range?.[0]?.format(DAY),
      to: f.range?.[1]?.format(DAY),
    });

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
    { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? none },
    { title: t('audit.region'), dataIndex: 'regionCode', render: (v: string | null) => v ?? none },
  ];

  return (
    <Card>
      <ListTab<typeof audit.list>
        list={list}
        columns={columns}
        testId="audit-table"
        toolbar={
          <Form<Filters> form={form} layout="inline" initialValues={initial} onFinish={apply} style={{ rowGap: 12 }}>
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
                    form.setFieldsValue({ username: '', entity: '', action: '', range: null, region: '' });
                    apply({});
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
        }
        table={{
          expandable: {
            rowExpandable: (r) => r.before != null || r.after != null,
            expandedRowRender: (r) => (
              <>
                {r.masked && <Alert type="info" showIcon title={t('audit.masked')} style={{ marginBottom: 12 }} />}
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
              </>
            ),
          },
        }}
      />
    </Card>
  );
}
