/** 保险 — accident insurance of stationed cadres (GET /api/insurance?expiringWithin=), add a policy (POST /api/insurance). */
import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
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
import { CadreLink, ISO, urlPagination, useForceQuery, useMappedErrors } from './DutyShared';
import type { InsuranceRow } from './DutyTypes';

interface InsuranceForm {
  personId: number;
  insurer: string;
  policyNo?: string;
  range: [Dayjs, Dayjs];
}

export function InsuranceTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useMappedErrors();
  const q = useForceQuery();
  const expiring = q.params.get('expiringWithin') ?? '';
  const expired = q.params.get('expired') === 'true';
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<InsuranceForm>();

  const list = useAsync(
    q.region
      ? (s) =>
          api.get<Page<InsuranceRow>>(
            '/insurance',
            {
              region: q.region,
              expiringWithin: expiring,
              expired: expired || undefined,
              page: q.page,
              pageSize: q.pageSize,
            },
            s,
          )
      : null,
    [q.region, expiring, expired, q.page, q.pageSize],
  );

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await api.post('/insurance', {
        personId: v.personId,
        insurer: v.insurer.trim(),
        ...(v.policyNo?.trim() ? { policyNo: v.policyNo.trim() } : {}),
        startDate: v.range[0].format(ISO),
        endDate: v.range[1].format(ISO),
      });
      message.success(t('common.saved'));
      setAdding(false);
      list.reload();
    } catch (e) {
      onError(form, e, ['personId', 'insurer', 'policyNo', 'range'], { startDate: 'range', endDate: 'range' });
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<InsuranceRow> = [
    { key: 'person', title: t('fb.cadre'), render: (_, r) => <CadreLink id={r.personId} name={r.personName} /> },
    { key: 'village', title: t('fb.village'), dataIndex: 'regionName' },
    { key: 'insurer', title: t('ins.insurer'), dataIndex: 'insurer' },
    { key: 'policyNo', title: t('ins.policyNo'), dataIndex: 'policyNo', render: (v: string | null) => v ?? '—' },
    { key: 'start', title: t('fb.startDate'), dataIndex: 'startDate' },
    { key: 'end', title: t('fb.endDate'), dataIndex: 'endDate' },
    {
      key: 'state',
      title: t('fb.status'),
      render: (_, r) =>
        r.expired ? (
          <Tag color="red">{t('ins.expired')}</Tag>
        ) : r.expiresInDays <= 30 ? (
          <Tag color="orange">{t('ins.expiresIn', { days: r.expiresInDays })}</Tag>
        ) : (
          <Tag color="green">{t('ins.valid')}</Tag>
        ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('ins.allPolicies')}
            value={expired ? 'expired' : expiring || undefined}
            onChange={(v?: string) =>
              q.update(
                v === 'expired'
                  ? { expired: 'true', expiringWithin: undefined }
                  : { expiringWithin: v, expired: undefined },
              )
            }
            options={[
              ...[30, 60, 90].map((d) => ({ value: String(d), label: t('ins.within', { days: d }) })),
              { value: 'expired', label: t('ins.expired') },
            ]}
            data-testid="ins-expiring"
          />
        </Space>
        {can('force.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ range: [dayjs(), dayjs().add(1, 'year').subtract(1, 'day')] });
              setAdding(true);
            }}
          >
            {t('ins.new')}
          </Button>
        )}
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<InsuranceRow>
          rowKey="id"
          size="middle"
          data-testid="insurance-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={urlPagination(t, q, list.data?.total)}
        />
      )}
      <Modal
        title={t('ins.new')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={submit}
        okText={t('common.save')}
        confirmLoading={saving}
        width={560}
        forceRender
      >
        <Form<InsuranceForm> form={form} layout="vertical">
          <Form.Item
            name="personId"
            label={t('fb.cadre')}
            rules={[{ required: true, message: t('form.select', { field: t('fb.cadre') }) }]}
          >
            <DutyCadreSelect region={q.region} />
          </Form.Item>
          <Form.Item
            name="insurer"
            label={t('ins.insurer')}
            rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('ins.insurer') }) }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="policyNo" label={t('ins.policyNo')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="range"
            label={t('ins.period')}
            rules={[{ required: true, message: t('form.select', { field: t('ins.period') }) }]}
          >
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
