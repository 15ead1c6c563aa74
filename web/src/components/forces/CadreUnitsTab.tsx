/** 派出单位 tab of the cadres page: help units by level and kind (GET /api/help-units), create / edit for force.station. */
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
import { UnitLevelTag, forceOptions, forceText } from './CadreCommon';
import { urlPagination, useUrlFilters } from '../common/urlFilters';
import type { HelpUnit } from './CadreTypes';

interface UnitForm {
  name: string;
  level: string;
  kind: string;
  regionCode: string;
}
const FIELDS = ['name', 'level', 'kind', 'regionCode'] as const;

/** Region code a unit of a level above the county gets by default, from the user's county code. */
function regionFor(level: string | undefined, scope: string | undefined): string | undefined {
  if (!scope) return undefined;
  if (level === 'central') return '000000000000';
  if (level === 'provincial') return `${scope.slice(0, 2)}0000000000`;
  if (level === 'city') return `${scope.slice(0, 4)}00000000`;
  return undefined;
}

function UnitFormModal({
  unit,
  onClose,
  onSaved,
}: {
  unit: HelpUnit | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, L } = useI18n();
  const { me } = useAuth();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<UnitForm>();
  const [saving, setSaving] = useState(false);
  const level = Form.useWatch('level', form);
  const scope = me?.roles[0]?.scopeCode;
  const above = level === 'central' || level === 'provincial' || level === 'city';
  const editing = unit && unit !== 'new' ? unit : undefined;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = { ...v, name: v.name.trim(), regionCode: String(v.regionCode).trim() };
    setSaving(true);
    try {
      if (editing) await api.patch(`/help-units/${editing.id}`, body);
      else await api.post('/help-units', body);
      onSaved();
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={editing ? t('fa.unitEdit') : t('fa.unitNew')}
      open={unit !== null}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<UnitForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing ? { ...editing } : { level: 'county', kind: 'party_gov', regionCode: scope }}
        onValuesChange={(changed: Partial<UnitForm>) => {
          if (changed.level) {
            const code = regionFor(changed.level, scope);
            form.setFieldValue('regionCode', code ?? scope);
          }
        }}
      >
        <Form.Item
          name="name"
          label={t('fa.unitName')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('fa.unitName') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="level" label={t('fa.unitLevel')} rules={[{ required: true }]}>
          <Select options={forceOptions('unit_level', L)} />
        </Form.Item>
        <Form.Item name="kind" label={t('fa.unitKind')} rules={[{ required: true }]}>
          <Select options={forceOptions('unit_kind', L)} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('fa.unitRegion')}
          extra={above ? t('fa.unitRegionHint') : undefined}
          rules={[{ required: true, message: t('form.select', { field: t('fa.unitRegion') }) }]}
        >
          {above ? <Input maxLength={12} /> : <RegionTreeSelect />}
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CadreUnitsTab() {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const f = useUrlFilters();
  const level = f.get('level');
  const kind = f.get('kind');
  const q = f.get('q');
  const [editing, setEditing] = useState<HelpUnit | 'new' | null>(null);
  const canEdit = can('force.station');

  const list = useAsync(
    (s) => api.get<Page<HelpUnit>>('/help-units', { level, kind, q, page: f.page, pageSize: f.pageSize }, s),
    [level, kind, q, f.page, f.pageSize],
  );

  const columns: TableColumnsType<HelpUnit> = [
    { title: t('fa.unitName'), dataIndex: 'name' },
    { title: t('fa.unitLevel'), dataIndex: 'level', width: 120, render: (v: string) => <UnitLevelTag level={v} /> },
    { title: t('fa.unitKind'), dataIndex: 'kind', width: 140, render: (v: string) => forceText('unit_kind', v, L) },
    { title: t('fa.unitRegion'), dataIndex: 'regionName', render: (v: string | undefined, u) => v ?? u.regionCode },
    {
      title: t('fa.unitCadres'),
      dataIndex: 'cadres',
      align: 'right',
      width: 110,
      render: (v: number, u) => (v ? <Link to={`/forces/cadres?unitId=${u.id}`}>{v}</Link> : v),
    },
    { title: t('fa.unitVillages'), dataIndex: 'villages', align: 'right', width: 110 },
  ];
  if (canEdit)
    columns.push({
      title: t('common.actions'),
      width: 80,
      render: (_, u) => <Typography.Link onClick={() => setEditing(u)}>{t('common.edit')}</Typography.Link>,
    });

  return (
    <>
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('fa.unitLevel')}
            value={level || undefined}
            onChange={(v?: string) => f.set({ level: v })}
            options={forceOptions('unit_level', L)}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('fa.unitKind')}
            value={kind || undefined}
            onChange={(v?: string) => f.set({ kind: v })}
            options={forceOptions('unit_kind', L)}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('fa.unitName')}
            defaultValue={q}
            onSearch={(v) => f.set({ q: v.trim() })}
          />
        </Space>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('fa.unitNew')}
          </Button>
        )}
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<HelpUnit>
          rowKey="id"
          size="middle"
          data-testid="unit-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={urlPagination(f, list.data?.total, (total) => t('common.total', { total }))}
        />
      )}
      {canEdit && (
        <UnitFormModal
          unit={editing}
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
