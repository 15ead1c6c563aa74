/**
 * Create / edit a cadre (POST /api/cadres, PATCH /api/cadres/:id with the version read): server errors land on
 * their fields, and when someone else saved the cadre first the conflict dialog shows both versions.
 */
import { useMemo } from 'react';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { GENDERS, GENDER_LABELS } from '@shared/codes';
import { cadres, type CadreDetail, type CadreInput } from '@shared/contracts/cadres';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { dateItemProps, forceOptions, phoneRule } from './CadreCommon';
import { HelpUnitSelect } from './CadreSelect';

type CadreForm = CadreInput;
const FIELDS = [
  'name',
  'gender',
  'birthDate',
  'idNumber',
  'education',
  'politicalStatus',
  'phone',
  'post',
  'rank',
  'unitId',
  'regionCode',
] as const;

interface Props {
  open: boolean;
  /** The cadre to edit; undefined to create one. */
  cadre?: CadreDetail;
  defaultRegion?: string;
  onClose: () => void;
  onSaved: (cadre: CadreDetail) => void;
}

const blank = (v: unknown) => (typeof v === 'string' ? v.trim() || null : (v ?? null));

/** The form's values of a cadre as read (phone and ID number masked: sent back unchanged, the server keeps them). */
const toValues = (c: CadreDetail): CadreForm => ({
  name: c.name,
  gender: c.gender as CadreForm['gender'],
  birthDate: c.birthDate,
  idNumber: c.idNumber,
  education: c.education as CadreForm['education'],
  politicalStatus: c.politicalStatus as CadreForm['politicalStatus'],
  phone: c.phone,
  post: c.post,
  rank: c.rank,
  unitId: c.unit?.id ?? null,
  regionCode: c.regionCode,
});

export function CadreFormModal({ open, cadre, defaultRegion, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const initial = useMemo<Partial<CadreForm>>(
    () => (cadre ? toValues(cadre) : { regionCode: defaultRegion }),
    [cadre, defaultRegion],
  );
  const labels = useMemo(
    () => ({
      name: t('fa.name'),
      gender: t('fa.gender'),
      birthDate: t('fa.birthDate'),
      idNumber: t('fa.idNumber'),
      education: t('fa.education'),
      politicalStatus: t('fa.politicalStatus'),
      phone: t('fa.phone'),
      post: t('fa.post'),
      rank: t('fa.rank'),
      unitId: t('fa.unit'),
      regionCode: t('fa.managingRegion'),
    }),
    [t],
  );

  const save = async (v: CadreForm, version: number | undefined): Promise<CadreDetail> => {
    const body = { ...v };
    for (const k of FIELDS)
      (body as Record<string, unknown>)[k] = k === 'name' || k === 'regionCode' ? String(v[k]).trim() : blank(v[k]);
    if (!cadre) return call(cadres.create, { body });
    // An edit sends what changed since the form opened (masked values left alone stay as stored on the server).
    const changed: Partial<CadreInput> = {};
    for (const k of FIELDS) if (body[k] !== (initial[k] ?? null)) Object.assign(changed, { [k]: body[k] });
    if (Object.keys(changed).length === 0) return cadre;
    return call(cadres.update, { params: { id: cadre.id }, body: { ...changed, version } });
  };

  const req = (key: Parameters<typeof t>[0]) => [
    { required: true, whitespace: true, message: t('form.required', { field: t(key) }) },
  ];
  return (
    <FormModal<CadreForm, CadreDetail>
      open={open}
      title={cadre ? t('fa.cadreEdit') : t('fa.cadreNew')}
      initialValues={initial}
      onClose={onClose}
      width={720}
      testId="cadre-form"
      fields={FIELDS}
      version={cadre?.version}
      save={save}
      onSaved={onSaved}
      conflict={{ toValues, labels }}
      conflictField="idNumber"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('fa.name')} rules={req('fa.name')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="regionCode"
            label={t('fa.managingRegion')}
            rules={[{ required: true, message: t('form.select', { field: t('fa.managingRegion') }) }]}
          >
            <RegionTreeSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="gender" label={t('fa.gender')}>
            <Select allowClear options={GENDERS.map((g) => ({ value: g, label: L(GENDER_LABELS[g]) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="birthDate" label={t('fa.birthDate')} {...dateItemProps}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="idNumber" label={t('fa.idNumber')}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="education" label={t('fa.education')}>
            <Select allowClear options={forceOptions('cadre_education', L)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="politicalStatus" label={t('fa.politicalStatus')}>
            <Select allowClear options={forceOptions('political_status', L)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={t('fa.unit')}>
            <HelpUnitSelect
              initial={cadre?.unit ? { value: cadre.unit.id, label: cadre.unit.name } : null}
              data-testid="cadre-unit"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('fa.phone')} rules={[phoneRule(t('person.phoneInvalid'))]}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="post" label={t('fa.post')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="rank" label={t('fa.rank')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
