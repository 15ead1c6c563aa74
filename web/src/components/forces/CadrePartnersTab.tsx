/** 企业与合作社 tab of the cadres page: partners (GET /api/partners), create / edit for force.station. */
import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useAsync, useFormErrorHandler } from '../../hooks';
import { useI18n } from '../../i18n';
import type { Page } from '../../types';
import { ApiResult } from '../ApiResult';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { forceOptions, forceText } from './CadreCommon';
import { urlPagination, useUrlFilters } from '../common/urlFilters';
import type { Partner } from './CadreTypes';

interface PartnerForm {
  name: string;
  kind: string;
  regionCode: string;
  contact?: string | null;
  phone?: string | null;
}
const FIELDS = ['name', 'kind', 'regionCode', 'contact', 'phone'] as const;

function PartnerFormModal({
  partner,
  region,
  onClose,
  onSaved,
}: {
  partner: Partner | 'new' | null;
  region: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, L } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<PartnerForm>();
  const [saving, setSaving] = useState(false);
  const editing = partner && partner !== 'new' ? partner : undefined;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Record<string, unknown> = {
      name: v.name.trim(),
      kind: v.kind,
      regionCode: v.regionCode,
      contact: v.contact?.trim() || null,
    };
    // A masked phone is left as it is on the server.
    if (!editing || form.isFieldTouched('phone')) body.phone = v.phone?.trim() || null;
    setSaving(true);
    try {
      if (editing) await api.patch(`/partners/${editing.id}`, body);
      else await api.post('/partners', body);
      onSaved();
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={editing ? t('fa.partnerEdit') : t('fa.partnerNew')}
      open={partner !== null}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<PartnerForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing ? { ...editing } : { kind: 'enterprise', regionCode: region }}
      >
        <Form.Item
          name="name"
          label={t('fa.partnerName')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('fa.partnerName') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('fa.partnerKind')} rules={[{ required: true }]}>
          <Select options={forceOptions('partner_kind', L)} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('fa.partnerRegion')}
          rules={[{ required: true, message: t('form.select', { field: t('fa.partnerRegion') }) }]}
        >
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="contact" label={t('fa.partnerContact')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('fa.phone')}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CadrePartnersTab({ region }: { region: string }) {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const f = useUrlFilters();
  const kind = f.get('kind');
  const q = f.get('q');
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const canEdit = can('force.station');

  const list = useAsync(
    region
      ? (s) => api.get<Page<Partner>>('/partners', { region, kind, q, page: f.page, pageSize: f.pageSize }, s)
      : null,
    [region, kind, q, f.page, f.pageSize],
  );

  const columns: TableColumnsType<Partner> = [
    { title: t('fa.partnerName'), dataIndex: 'name' },
    {
      title: t('fa.partnerKind'),
      dataIndex: 'kind',
      width: 120,
      render: (v: string) => forceText('partner_kind', v, L),
    },
    { title: t('fa.partnerRegion'), dataIndex: 'regionName' },
    { title: t('fa.partnerContact'), dataIndex: 'contact', render: (v: string | null) => v ?? '—' },
    { title: t('fa.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    {
      title: t('fa.partnerVillages'),
      dataIndex: 'villages',
      align: 'right',
      width: 110,
      render: (v: number) =>
        v ? <Link to={`/forces/pairings?kind=enterprise_village&region=${region}`}>{v}</Link> : v,
    },
  ];
  if (canEdit)
    columns.push({
      title: t('common.actions'),
      width: 80,
      render: (_, p) => <Typography.Link onClick={() => setEditing(p)}>{t('common.edit')}</Typography.Link>,
    });

  return (
    <>
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect value={region} onChange={(c) => f.set({ region: c })} style={{ width: 240 }} />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('fa.partnerKind')}
            value={kind || undefined}
            onChange={(v?: string) => f.set({ kind: v })}
            options={forceOptions('partner_kind', L)}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('fa.partnerName')}
            defaultValue={q}
            onSearch={(v) => f.set({ q: v.trim() })}
          />
        </Space>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('fa.partnerNew')}
          </Button>
        )}
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Partner>
          rowKey="id"
          size="middle"
          data-testid="partner-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={urlPagination(f, list.data?.total, (total) => t('common.total', { total }))}
        />
      )}
      {canEdit && (
        <PartnerFormModal
          partner={editing}
          region={region}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('common.saved'));
            list.reload();
          }}
        />
      )}
    </>
  );
}
