/**
 * Create / edit a command unit (commandUnits.create, commandUnits.update with the version read: a 409 shows what
 * the other person saved beside the user's values).
 */
import { useEffect, useMemo, useRef } from 'react';
import { Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import { COMMAND_UNIT_KINDS, COMMAND_UNIT_KIND_LABELS, COMMAND_UNIT_LEVEL, REGION_LEVEL_LABELS } from '@shared/codes';
import type { CommandUnitKind } from '@shared/codes';
import { commandUnits, type CommandUnit, type CommandUnitDetail } from '@shared/contracts/command';
import { regions, type RegionDetail } from '@shared/contracts/regions';
import { call } from '../api';
import { useI18n } from '../i18n';
import { useCall } from './common/useList';
import { FormModal } from './common/FormModal';
import { PersonSelect } from './PersonSelect';
import { RegionTreeSelect } from './RegionTreeSelect';
import { paren } from '../format';

interface UnitForm {
  kind: CommandUnitKind;
  name: string;
  regionCode: string;
  parentId: number | null;
  commanderId: number | null;
  leaderId: number | null;
}
const FIELDS = ['kind', 'name', 'regionCode', 'parentId', 'commanderId', 'leaderId'] as const;

/** The kind a unit's parent normally has. */
const PARENT_KIND: Partial<Record<CommandUnitKind, CommandUnitKind>> = {
  thematic_group: 'county_hq',
  battle_zone: 'county_hq',
  command_post: 'battle_zone',
  grid: 'command_post',
};

/** Names in the style of the county's documents, e.g. 擂鼓镇攻坚战区, 董家沟村一组网格. */
function suggestName(kind: CommandUnitKind, region: RegionDetail): string {
  const parent = region.ancestors[region.ancestors.length - 1]?.name ?? '';
  switch (kind) {
    case 'county_hq':
      return `${region.name}脱贫攻坚作战指挥部`;
    case 'battle_zone':
      return `${region.name}攻坚战区`;
    case 'command_post':
      return `${region.name}指挥所`;
    case 'grid':
      return `${parent}${region.name}网格`;
    default:
      return '';
  }
}

/** A unit as form values (also the other person's unit in a conflict). */
const toValues = (u: CommandUnit): UnitForm => ({
  kind: u.kind,
  name: u.name,
  regionCode: u.regionCode,
  parentId: u.parentId,
  commanderId: u.commander?.id ?? null,
  leaderId: u.leader?.id ?? null,
});

interface Props {
  open: boolean;
  /** The unit to edit; undefined to create one. */
  unit?: CommandUnit;
  defaultRegion?: string;
  onClose: () => void;
  onSaved: (unit: CommandUnit) => void;
}

export function UnitFormModal({ open, unit, defaultRegion, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const initialValues = useMemo<Partial<UnitForm>>(
    () => (unit ? toValues(unit) : { regionCode: defaultRegion }),
    [unit, defaultRegion],
  );
  const labels = useMemo(
    () => ({
      kind: t('unit.kind'),
      regionCode: t('unit.region'),
      name: t('unit.name'),
      parentId: t('unit.parent'),
      commanderId: t('unit.commander'),
      leaderId: t('unit.leader'),
    }),
    [t],
  );

  const save = (v: UnitForm, version: number | undefined) => {
    const body = {
      kind: v.kind,
      name: v.name.trim(),
      regionCode: v.regionCode,
      parentId: v.parentId ?? null,
      commanderId: v.commanderId ?? null,
      leaderId: v.kind === 'battle_zone' ? (v.leaderId ?? null) : null,
    };
    return unit
      ? call(commandUnits.update, { params: { id: unit.id }, body: { ...body, version } })
      : call(commandUnits.create, { body });
  };

  return (
    <FormModal<UnitForm, CommandUnit>
      title={unit ? t('unit.edit') : t('unit.new')}
      open={open}
      onClose={onClose}
      width={600}
      initialValues={initialValues}
      fields={FIELDS}
      version={unit?.version}
      save={save}
      onSaved={onSaved}
      conflict={{ toValues: (current: CommandUnitDetail) => toValues(current), labels }}
      testId="unit-form"
    >
      {(form) => <UnitFields form={form} open={open} unit={unit} />}
    </FormModal>
  );
}

/** The fields: the region's details suggest a name and the possible parents. */
function UnitFields({ form, open, unit }: { form: FormInstance<UnitForm>; open: boolean; unit?: CommandUnit }) {
  const { t, L } = useI18n();
  const kind = Form.useWatch('kind', form);
  const regionCode = Form.useWatch('regionCode', form);

  const region = useCall(regions.detail, open && regionCode ? { params: { code: regionCode } } : null).data;
  const regionInfo = region && region.code === regionCode ? region : undefined;
  const parentKind = kind ? PARENT_KIND[kind] : undefined;
  const parentRegion = kind === 'thematic_group' ? regionInfo?.code : regionInfo?.parentCode;
  const parents = useCall(
    commandUnits.list,
    open && parentKind && parentRegion ? { query: { region: parentRegion, kind: parentKind, pageSize: 100 } } : null,
  ).data?.items;

  // New units: pick the only possible parent, and suggest a name (see suggestName).
  useEffect(() => {
    if (unit || !open || !parents) return;
    const current = form.getFieldValue('parentId');
    if (current && parents.some((p) => p.id === current)) return;
    form.setFieldValue('parentId', parents.length === 1 ? (parents[0]?.id ?? null) : null);
  }, [parents, unit, open, form]);
  const lastSuggested = useRef('');
  useEffect(() => {
    if (unit || !open || !kind || !regionInfo) return;
    const current = form.getFieldValue('name') ?? '';
    if (current && current !== lastSuggested.current) return; // typed by the user
    const name = suggestName(kind, regionInfo);
    lastSuggested.current = name;
    form.setFieldValue('name', name);
  }, [kind, regionInfo, unit, open, form]);

  const levelMismatch = kind && regionInfo && COMMAND_UNIT_LEVEL[kind] !== regionInfo.level;
  return (
    <>
      <Form.Item
        name="kind"
        label={t('unit.kind')}
        rules={[{ required: true, message: t('form.select', { field: t('unit.kind') }) }]}
      >
        <Select options={COMMAND_UNIT_KINDS.map((k) => ({ value: k, label: L(COMMAND_UNIT_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('unit.region')}
        rules={[{ required: true, message: t('form.select', { field: t('unit.region') }) }]}
        validateStatus={levelMismatch ? 'warning' : undefined}
        help={
          levelMismatch
            ? t('unit.kindLevelMismatch', { level: L(REGION_LEVEL_LABELS[COMMAND_UNIT_LEVEL[kind]]) })
            : undefined
        }
      >
        <RegionTreeSelect />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('unit.name')}
        rules={[{ required: true, whitespace: true, max: 100, message: t('form.required', { field: t('unit.name') }) }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="parentId" label={t('unit.parent')}>
        <Select
          allowClear
          placeholder={t('unit.noParent')}
          options={(parents ?? []).map((p) => ({ value: p.id, label: `${p.name}${paren(p.regionName)}` }))}
        />
      </Form.Item>
      <Form.Item name="commanderId" label={t('unit.commander')}>
        <PersonSelect region={regionCode} initial={unit?.commander} data-testid="unit-commander" />
      </Form.Item>
      {kind === 'battle_zone' && (
        <Form.Item name="leaderId" label={t('unit.leader')} extra={t('unit.leaderHint')}>
          <PersonSelect region={regionInfo?.parentCode ?? undefined} initial={unit?.leader} />
        </Form.Item>
      )}
    </>
  );
}
