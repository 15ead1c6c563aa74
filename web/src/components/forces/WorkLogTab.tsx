/** 驻村日志 — work logs by region, cadre and dates (GET /api/work-logs), and a new log (POST /api/work-logs). */
import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useAsync } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { RegionTreeSelect } from '../RegionTreeSelect';
import type { Page } from '../../types';
import { DutyCadreSelect } from './DutyCadreSelect';
import {
  CadreLink,
  ISO,
  dayOf,
  futureDisabled,
  isoOf,
  urlPagination,
  useForceQuery,
  useMappedErrors,
} from './DutyShared';
import type { WorkLog } from './DutyTypes';

interface LogForm {
  personId: number;
  day: Dayjs;
  content: string;
}

export function WorkLogTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useMappedErrors();
  const q = useForceQuery();
  const personId = q.params.get('personId') ?? '';
  const from = q.params.get('from') ?? '';
  const to = q.params.get('to') ?? '';
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<LogForm>();

  const list = useAsync(
    q.region
      ? (s) =>
          api.get<Page<WorkLog>>(
            '/work-logs',
            { region: q.region, personId, from, to, page: q.page, pageSize: q.pageSize },
            s,
          )
      : null,
    [q.region, personId, from, to, q.page, q.pageSize],
  );

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await api.post('/work-logs', { personId: v.personId, day: v.day.format(ISO), content: v.content.trim() });
      message.success(t('common.saved'));
      setAdding(false);
      list.reload();
    } catch (e) {
      onError(form, e, ['personId', 'day', 'content']);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<WorkLog> = [
    { key: 'day', title: t('log.day'), dataIndex: 'day', width: 110 },
    {
      key: 'person',
      title: t('fb.cadre'),
      width: 100,
      render: (_, l) => <CadreLink id={l.personId} name={l.personName} />,
    },
    { key: 'village', title: t('fb.village'), dataIndex: 'regionName', width: 140 },
    {
      key: 'content',
      title: t('log.content'),
      dataIndex: 'content',
      render: (c: string) => (
        <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 2, expandable: 'collapsible' }}>
          {c}
        </Typography.Paragraph>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect
            value={q.region}
            onChange={(c) => q.update({ region: c, personId: undefined })}
            style={{ width: 260 }}
          />
          <DutyCadreSelect
            style={{ width: 240 }}
            region={q.region}
            value={personId ? Number(personId) : null}
            onChange={(id) => q.update({ personId: id ?? undefined })}
          />
          <DatePicker.RangePicker
            value={from || to ? [dayOf(from) ?? null, dayOf(to) ?? null] : null}
            onChange={(r) => q.update({ from: isoOf(r?.[0]), to: isoOf(r?.[1]) })}
            allowEmpty={[true, true]}
          />
        </Space>
        {can('force.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ day: dayjs(), personId: personId ? Number(personId) : undefined });
              setAdding(true);
            }}
          >
            {t('log.new')}
          </Button>
        )}
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<WorkLog>
          rowKey="id"
          size="middle"
          data-testid="log-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={urlPagination(t, q, list.data?.total)}
        />
      )}
      <Modal
        title={t('log.new')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={submit}
        okText={t('common.save')}
        confirmLoading={saving}
        width={600}
        forceRender
      >
        <Form<LogForm> form={form} layout="vertical">
          <Form.Item
            name="personId"
            label={t('fb.cadre')}
            rules={[{ required: true, message: t('form.select', { field: t('fb.cadre') }) }]}
          >
            <DutyCadreSelect region={q.region} />
          </Form.Item>
          <Form.Item
            name="day"
            label={t('log.day')}
            rules={[{ required: true, message: t('form.select', { field: t('log.day') }) }]}
          >
            <DatePicker disabledDate={futureDisabled} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('log.content')}
            rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('log.content') }) }]}
          >
            <Input.TextArea rows={6} maxLength={5000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
