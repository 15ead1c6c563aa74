/** "New person" modal (people.create); a phone is a mobile number or a landline with its area code. */
import { useMemo } from 'react';
import { Form, Input, Radio } from 'antd';
import { GENDERS, GENDER_LABELS } from '@shared/codes';
import type { Gender } from '@shared/codes';
import { people, type Person } from '@shared/contracts/command';
import { phoneKind } from '@shared/phone';
import { call } from '../api';
import { useI18n } from '../i18n';
import { FormModal } from './common/FormModal';
import { RegionTreeSelect } from './RegionTreeSelect';

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
  const initialValues = useMemo(() => ({ regionCode: defaultRegion }), [defaultRegion]);
  const save = (v: PersonForm) =>
    call(people.create, {
      body: {
        regionCode: v.regionCode,
        name: v.name.trim(),
        gender: v.gender,
        phone: v.phone?.trim() || undefined,
        post: v.post?.trim() || undefined,
      },
    });

  return (
    <FormModal<PersonForm, Person>
      title={t('person.new')}
      open={open}
      onClose={onClose}
      initialValues={initialValues}
      fields={FIELDS}
      save={save}
      onSaved={onCreated}
      testId="person-form"
    >
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
        rules={[
          {
            validator: (_, v?: string) =>
              !v?.trim() || phoneKind(v) === 'mobile' || phoneKind(v) === 'landline'
                ? Promise.resolve()
                : Promise.reject(new Error(t('person.phoneInvalid'))),
          },
        ]}
      >
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="post" label={t('person.post')}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
