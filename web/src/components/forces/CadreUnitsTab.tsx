/** 派出单位 tab of the cadres page: help units by level and kind (GET /api/help-units), create / edit for force.station. */
import { useMemo, useState } from 'react';
import { App, Button, Form, Input, Select, Space, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  HelpUnitListQuery,
  helpUnits,
  type HelpUnitInput,
  type HelpUnitItem,
  type HelpUnitView,
} from '@shared/contracts/units';
import { call } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { ListTab, useList } from '../common/useList';
import { FilterSearch, FilterSelect } from '../common/filters';
import { useUrlFilters } from '../common/urlFilters';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { UnitLevelTag, forceOptions, forceText } from './CadreCommon';

type UnitForm = HelpUnitInput;
const FIELDS = ['name', 'level', 'kind', 'regionCode'] as const;

/** Region code a unit of a level above the county gets by default, from the user's county code. */
function regionFor(level: string | undefined, scope: string | undefined): string | undefined {
  if (!scope) return undefined;
  if (level === 'central') return '000000000000';
  if (level === 'provincial') return `${scope.slice(0, 2)}0000000000`;
  if (level === 'city') return `${scope.slice(0, 4)}00000000`;
  return undefined;
}

const toValues = (u: HelpUnitView): UnitForm => ({
  name: u.name,
  level: u.level as UnitForm['level'],
  kind: u.kind as UnitForm['kind'],
  regionCode: u.regionCode,
});

function UnitFormModal({
  unit,
  onClose,
  onSaved,
}: {
  unit: HelpUnitItem | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const scope = me?.roles[0]?.scopeCode;
  const editing = unit && unit !== 'new' ? unit : undefined;
  const initialValues = useMemo<Partial<UnitForm>>(
    () => (editing ? toValues(editing) : { level: 'county', kind: 'party_gov', regionCode: scope }),
    [editing, scope],
  );
  const labels = useMemo(
    () => ({
      name: t('fa.unitName'),
      level: t('fa.unitLevel'),
      kind: t('fa.unitKind'),
      regionCode: t('fa.unitRegion'),
    }),
    [t],
  );

  const save = (v: UnitForm, version: number | undefined) => {
    const body = { ...v, name: v.name.trim(), regionCode: String(v.regionCode).trim() };
    return editing
      ? call(helpUnits.update, { params: { id: editing.id }, body: { ...body, version } })
      : call(helpUnits.create, { body });
  };

  return (
    <FormModal<UnitForm, HelpUnitView>
      open={unit !== null}
      title={editing ? t('fa.unitEdit') : t('fa.unitNew')}
      initialValues={initialValues}
      onClose={onClose}
      fields={FIELDS}
      version={editing?.version}
      save={save}
      onSaved={onSaved}
      conflict={{ toValues, labels }}
      conflictField="name"
    >
      {(form) => <UnitFields form={form} scope={scope} />}
    </FormModal>
  );
}

/** The unit's fields; a level above the county presets its region code (typed, not picked from the tree). */
function UnitFields({ form, scope }: { form: FormInstance<UnitForm>; scope: string | undefined }) {
  const { t, L } = useI18n();
  const level = Form.useWatch('level', form);
  const above = level === 'central' || level === 'provincial' || level === 'city';
  return (
    <>
      <Form.Item
        name="name"
        label={t('fa.unitName')}
        rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('fa.unitName') }) }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="level" label={t('fa.unitLevel')} rules={[{ required: true }]}>
        <Select
          options={forceOptions('unit_level', L)}
          onChange={(v: string) => form.setFieldValue('regionCode', regionFor(v, scope) ?? scope)}
        />
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
    </>
  );
}

export function CadreUnitsTab() {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const f = useUrlFilters();
  const level = HelpUnitListQuery.shape.level.safeParse(f.get('level')).data;
  const kind = HelpUnitListQuery.shape.kind.safeParse(f.get('kind')).data;
  const q = f.get('q');
  const [editing, setEditing] = useState<HelpUnitItem | 'new' | null>(null);
  const canEdit = can('force.station');

  const list = useList(helpUnits.list, { level, kind, q: q || undefined });

  const columns: TableColumnsType<HelpUnitItem> = [
    { title: t('fa.unitName'), dataIndex: 'name' },
    { title: t('fa.unitLevel'), dataIndex: 'level', width: 120, render: (v: string) => <UnitLevelTag level={v} /> },
    { title: t('fa.unitKind'), dataIndex: 'kind', width: 140, render: (v: string) => forceText('unit_kind', v, L) },
    { title: t('fa.unitRegion'), dataIndex: 'regionName' },
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
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, u) => <Typography.Link onClick={() => setEditing(u)}>{t('common.edit')}</Typography.Link>,
    });

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="unit-table"
        toolbar={
          <Space wrap>
            <FilterSelect
              filters={f}
              name="level"
              width={140}
              placeholder={t('fa.unitLevel')}
              options={forceOptions('unit_level', L)}
            />
            <FilterSelect
              filters={f}
              name="kind"
              placeholder={t('fa.unitKind')}
              options={forceOptions('unit_kind', L)}
            />
            <FilterSearch filters={f} placeholder={t('fa.unitName')} />
          </Space>
        }
        actions={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('fa.unitNew')}
            </Button>
          )
        }
      />
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
