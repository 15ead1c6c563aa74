/** Create / edit a cadre (POST /api/cadres, PATCH /api/cadres/:id); server errors land on their fields. */
import { useState } from 'react';
import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { GENDERS, GENDER_LABELS } from '@shared/codes';
import { api } from '../../api';
import { useFormErrorHandler } from '../../hooks';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { dateItemProps, forceOptions } from './CadreCommon';
import { HelpUnitSelect } from './CadreSelect';
import type { Cadre, CadreDetail } from './CadreTypes';

interface CadreForm {
  name: string;
  gender?: string | null;
  birthDate?: string | null;
  idNumber?: string | null;
  education?: string | null;
  politicalStatus?: string | null;
  phone?: string | null;
  post?: string | null;
  rank?: string | null;
  unitId?: number | null;
  regionCode: string;
}
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
  onSaved: (cadre: Cadre) => void;
}

const blank = (v: unknown) => (typeof v === 'string' ? v.trim() || null : (v ?? null));

export function CadreFormModal({ open, cadre, defaultRegion, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<CadreForm>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Record<string, unknown> = {};
    for (const k of FIELDS) {
      // On edit send only what changed: masked phone / ID number stay as they are on the server.
      if (cadre && !form.isFieldTouched(k)) continue;
      body[k] = k === 'name' || k === 'regionCode' ? String(v[k]).trim() : blank(v[k]);
    }
    if (cadre && Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    try {
      const saved = cadre
        ? await api.patch<Cadre>(`/cadres/${cadre.id}`, body)
        : await api.post<Cadre>('/cadres', body);
      onSaved(saved);
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const req = (key: Parameters<typeof t>[0]) => [
    { required: true, whitespace: true, message: t('form.required', { field: t(key) }) },
  ];
  return (
    <Modal
      title={cadre ? t('fa.cadreEdit') : t('fa.cadreNew')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      width={720}
    >
      <Form<CadreForm>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="cadre-form"
        initialValues={
          cadre
            ? {
                name: cadre.name,
                gender: cadre.gender,
                birthDate: cadre.birthDate,
                idNumber: cadre.idNumber,
                education: cadre.education,
                politicalStatus: cadre.politicalStatus,
                phone: cadre.phone,
                post: cadre.post,
                rank: cadre.rank,
                unitId: cadre.unit?.id ?? null,
                regionCode: cadre.regionCode,
              }
            : { regionCode: defaultRegion }
        }
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
            <Form.Item
              name="phone"
              label={t('fa.phone')}
              rules={[{ pattern: /^[\d*\-+ ]{5,20}$/, message: t('person.phoneInvalid') }]}
            >
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
      </Form>
    </Modal>
  );
}
