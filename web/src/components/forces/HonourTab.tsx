/** 表彰 — honours of cadres by region and year (GET /api/honours) and a new honour (POST /api/honours). */
import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
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
  forceOptions,
  forceText,
  recentYears,
  urlPagination,
  useForceQuery,
  useMappedErrors,
} from './DutyShared';
import type { HonourRow } from './DutyTypes';

interface HonourForm {
  personId: number;
  title: string;
  year: number;
  awardedBy?: string;
  note?: string;
}

export function HonourTab() {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useMappedErrors();
  const q = useForceQuery();
  const year = q.params.get('year') ?? '';
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<HonourForm>();

  const list = useAsync(
    q.region
      ? (s) => api.get<Page<HonourRow>>('/honours', { region: q.region, year, page: q.page, pageSize: q.pageSize }, s)
      : null,
    [q.region, year, q.page, q.pageSize],
  );

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await api.post('/honours', {
        personId: v.personId,
        title: v.title,
        year: v.year,
        ...(v.awardedBy?.trim() ? { awardedBy: v.awardedBy.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success(t('common.saved'));
      setAdding(false);
      list.reload();
    } catch (e) {
      onError(form, e, ['personId', 'title', 'year', 'awardedBy', 'note']);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<HonourRow> = [
    { key: 'person', title: t('fb.cadre'), render: (_, r) => <CadreLink id={r.personId} name={r.personName} /> },
    { key: 'village', title: t('fb.region'), dataIndex: 'regionName', render: (v?: string) => v ?? '—' },
    {
      key: 'title',
      title: t('hon.title'),
      dataIndex: 'title',
      render: (v: string) => (
        <Tag color="gold" icon={<TrophyOutlined />}>
          {forceText('honour', v, L)}
        </Tag>
      ),
    },
    { key: 'year', title: t('fb.year'), dataIndex: 'year' },
    { key: 'awardedBy', title: t('hon.awardedBy'), dataIndex: 'awardedBy', render: (v: string | null) => v ?? '—' },
    { key: 'note', title: t('fb.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('fb.allYears')}
            value={year ? Number(year) : undefined}
            onChange={(y?: number) => q.update({ year: y })}
            options={recentYears()}
          />
        </Space>
        {can('force.assess') && (
          <Button
            type="primary"
            icon={<TrophyOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ year: dayjs().year() });
              setAdding(true);
            }}
          >
            {t('hon.new')}
          </Button>
        )}
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<HonourRow>
          rowKey="id"
          size="middle"
          data-testid="honour-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={urlPagination(t, q, list.data?.total)}
        />
      )}
      <Modal
        title={t('hon.new')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={submit}
        okText={t('common.save')}
        confirmLoading={saving}
        width={520}
        forceRender
      >
        <Form<HonourForm> form={form} layout="vertical">
          <Form.Item
            name="personId"
            label={t('fb.cadre')}
            rules={[{ required: true, message: t('form.select', { field: t('fb.cadre') }) }]}
          >
            <DutyCadreSelect region={q.region} stationed={false} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('hon.title')}
            rules={[{ required: true, message: t('form.select', { field: t('hon.title') }) }]}
          >
            <Select options={forceOptions('honour', L)} />
          </Form.Item>
          <Form.Item name="year" label={t('fb.year')} rules={[{ required: true }]}>
            <Select options={recentYears()} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="awardedBy" label={t('hon.awardedBy')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label={t('fb.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
