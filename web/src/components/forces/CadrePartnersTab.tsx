/** 企业与合作社 tab of the cadres page: partners (GET /api/partners), create / edit (versioned) for force.station. */
import { useMemo, useState } from 'react';
import { App, Button, Form, Input, Select, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { PartnerListQuery, partners, type PartnerInput, type PartnerView } from '@shared/contracts/units';
import { call } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { ListTab, useList } from '../common/useList';
import { FilterSearch, FilterSelect } from '../common/filters';
import { useUrlFilters } from '../common/urlFilters';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { forceOptions, forceText, phoneRule } from './CadreCommon';

type PartnerForm = PartnerInput;
const FIELDS = ['name', 'kind', 'regionCode', 'contact', 'phone'] as const;

/** The form's values of a partner as read (the phone masked: sent back unchanged, the server keeps it). */
const toValues = (p: PartnerView): PartnerForm => ({
  name: p.name,
  kind: p.kind as PartnerForm['kind'],
  regionCode: p.regionCode,
  contact: p.contact,
  phone: p.phone,
});

function PartnerFormModal({
  partner,
  region,
  onClose,
  onSaved,
}: {
  partner: PartnerView | 'new' | null;
  region: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, L } = useI18n();
  const editing = partner && partner !== 'new' ? partner : undefined;
  const initialValues = useMemo<Partial<PartnerForm>>(
    () => (editing ? toValues(editing) : { kind: 'enterprise', regionCode: region }),
    [editing, region],
  );
  const labels = useMemo(
    () => ({
      name: t('fa.partnerName'),
      kind: t('fa.partnerKind'),
      regionCode: t('fa.partnerRegion'),
      contact: t('fa.partnerContact'),
      phone: t('fa.phone'),
    }),
    [t],
  );

  const save = (v: PartnerForm, version: number | undefined) => {
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      regionCode: v.regionCode,
      contact: v.contact?.trim() || null,
      phone: v.phone?.trim() || null,
    };
    return editing
      ? call(partners.update, { params: { id: editing.id }, body: { ...body, version } })
      : call(partners.create, { body });
  };

  return (
    <FormModal<PartnerForm, PartnerView>
      open={partner !== null}
      title={editing ? t('fa.partnerEdit') : t('fa.partnerNew')}
      initialValues={initialValues}
      onClose={onClose}
      fields={FIELDS}
      version={editing?.version}
      save={save}
      onSaved={onSaved}
      conflict={{ toValues, labels }}
      conflictField="name"
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
      <Form.Item name="phone" label={t('fa.phone')} rules={[phoneRule(t('person.phoneInvalid'))]}>
        <Input maxLength={20} />
      </Form.Item>
    </FormModal>
  );
}

export function CadrePartnersTab({ region }: { region: string }) {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const f = useUrlFilters();
  const kind = PartnerListQuery.shape.kind.safeParse(f.get('kind')).data;
  const q = f.get('q');
  const [editing, setEditing] = useState<PartnerView | 'new' | null>(null);
  const canEdit = can('force.station');

  const list = useList(partners.list, region ? { region, kind, q: q || undefined } : null);

  const columns: TableColumnsType<PartnerView> = [
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
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, p) => <Typography.Link onClick={() => setEditing(p)}>{t('common.edit')}</Typography.Link>,
    });

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="partner-table"
        toolbar={
          <Space wrap>
            <RegionTreeSelect value={region} onChange={(c) => f.set({ region: c })} style={{ width: 240 }} />
            <FilterSelect
              filters={f}
              name="kind"
              width={140}
              placeholder={t('fa.partnerKind')}
              options={forceOptions('partner_kind', L)}
            />
            <FilterSearch filters={f} placeholder={t('fa.partnerName')} />
          </Space>
        }
        actions={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('fa.partnerNew')}
            </Button>
          )
        }
      />
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
