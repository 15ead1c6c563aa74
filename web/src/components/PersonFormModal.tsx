/** "New person" modal (POST /api/people). */
import { useState } from 'react';
import { Form, Input, Modal, Radio } from 'antd';
import { GENDERS, GENDER_LABELS } from '@shared/codes';
import type { Gender } from '@shared/codes';
import { api } from '../api';
import { useFormErrorHandler } from '../hooks';
import { useI18n } from '../i18n';
import { RegionTreeSelect } from './RegionTreeSelect';
import type { Person } from '../types';

interface PersonForm {
  regionCode: string;
  name: string;
  gender?: Gender;
  phone?: string;
  post?: string;
}
const FIELDS = ['regionCode', 'name', 'gender', 'phone', 'post'] as const;

interface Props {
  open: boolean;
  defaultRegion?: string;
  onClose: () => void;
  onCreated: (person: Person) => void;
}

export function PersonFormModal({ open, defaultRegion, onClose, onCreated }: Props) {
  const { t, L } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<PersonForm>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const person = await api.post<Person>('/people', {
        regionCode: v.regionCode,
        name: v.name.trim(),
        gender: v.gender,
        phone: v.phone?.trim() || undefined,
        post: v.post?.trim() || undefined,
      });
      onCreated(person);
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('person.new')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<PersonForm> form={form} layout="vertical" preserve={false} initialValues={{ regionCode: defaultRegion }}>
        <Form.Item
          name="regionCode"
          label={t('person.region')}
          rules={[{ required: true, message: t('form.select', { field: t('person.region') }) }]}
        >
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('person.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('person.name') }) }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="gender" label={t('person.gender')}>
          <Radio.Group options={GENDERS.map((g) => ({ value: g, label: L(GENDER_LABELS[g]) }))} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('person.phone')}
          rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: t('person.phoneInvalid') }]}
        >
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="post" label={t('person.post')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
