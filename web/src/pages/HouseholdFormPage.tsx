/**
 * /households/new and /households/:id/edit — household, members and yearly records in one form. Server
 * validation errors (400, details[].path like "members.2.idNumber") land on the matching cells. ID numbers and
 * phones come masked: sent back unchanged, the server keeps the stored values.
 */
import { useEffect, useMemo } from 'react';
import { App, Button, Card, Flex, Form, Space } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { households, type HouseholdDetail } from '@shared/contracts/households';
import { ApiError, call } from '../api';
import { FullPageSpin } from '../auth';
import { useI18n } from '../i18n';
import { useCall } from '../components/common/useList';
import { useSave } from '../components/common/useSave';
import { ApiResult, Forbidden } from '../components/ApiResult';
import { HouseholdFields } from '../components/households/HouseholdFields';
import { MembersEditor } from '../components/households/MembersEditor';
import { YearsEditor } from '../components/households/YearsEditor';
import { HOUSEHOLD_FIELDS, detailToValues, fromIdNumber, valuesToBody } from '../components/households/formValues';
import type { HouseholdValues } from '../components/households/formValues';

const EMPTY: HouseholdValues = {
  status: 'poor',
  otherCauses: [],
  members: [{ relation: 'head', ethnicity: 'han', medicalInsurance: true }],
  years: [],
};

/** Server paths → form names: otherCauses.1 is the one multi-select "otherCauses". */
function normalise(e: ApiError): ApiError {
  const details = e.details.map((d) => ({ ...d, path: d.path.replace(/^(body\.)?otherCauses\.\d+$/, 'otherCauses') }));
  return new ApiError(e.status, e.code, e.message, details, e.current);
}

export default function HouseholdFormPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  // ?village= preselects the village (the list passes its region when it is a village).
  const [params] = useSearchParams();
  const village = params.get('village');
  const editing = id !== undefined;
  const [form] = Form.useForm<HouseholdValues>();
  const detail = useCall(households.detail, editing ? { params: { id: Number(id) } } : null);
  const h = detail.data;

  const masked = useMemo(() => {
    const ids = new Set<string>();
    const phones = new Set<string>();
    h?.members.forEach((m) => {
      if (m.idNumber?.includes('*')) ids.add(m.idNumber);
      if (m.phone?.includes('*')) phones.add(m.phone);
    });
    if (h?.phone?.includes('*')) phones.add(h.phone);
    return { ids, phones };
  }, [h]);

  useEffect(() => {
    if (h) form.setFieldsValue(detailToValues(h));
  }, [h, form]);

  // The fields a conflict dialog compares (the record someone else saved against the user's edit).
  const labels = useMemo(
    () => ({
      address: t('hh.address'),
      phone: t('hh.phone'),
      status: t('hh.status'),
      attribute: t('hh.attribute'),
      mainCause: t('hh.mainCause'),
      otherCauses: t('hh.otherCauses'),
      housingGrade: t('hh.housingGrade'),
      identifiedYear: t('hh.identifiedYear'),
      exitedYear: t('hh.exitedYear'),
      members: t('hh.tabMembers'),
      years: t('hh.tabYears'),
    }),
    [t],
  );
  const { submit, saving, dialog } = useSave<HouseholdValues, { id: number; version: number }>({
    form,
    fields: HOUSEHOLD_FIELDS,
    version: h?.version,
    save: (values, version) => {
      const body = valuesToBody(values);
      return editing
        ? call(households.update, { params: { id: Number(id) }, body: { ...body, version } })
        : call(households.create, { body });
    },
    onSaved: (res) => {
      void message.success(editing ? t('common.saved') : t('hh.created'));
      navigate(`/households/${res.id}`, { replace: editing });
    },
    conflict: { toValues: (current: HouseholdDetail) => detailToValues(current), labels },
    conflictField: editing ? undefined : 'code',
    normalise,
    onInvalid: (first) => {
      if (first?.length) form.scrollToField(first, { block: 'center' });
      void message.error(t('hh.checkFields'));
    },
  });

  if (detail.error) return <ApiResult error={detail.error} onRetry={detail.reload} />;
  if (editing && !h) return <FullPageSpin />;
  if (h && !h.canEdit) return <Forbidden />;
  return (
    <Form<HouseholdValues>
      form={form}
      layout="vertical"
      initialValues={editing ? undefined : { ...EMPTY, villageCode: village ?? undefined }}
      onValuesChange={(changed: HouseholdValues) => {
        // Picking a group in the region tree means its village and group number.
        const code = changed.villageCode;
        if (code && /^\d{15}$/.test(code))
          form.setFieldsValue({ villageCode: code.slice(0, 12), groupNo: Number(code.slice(12)) });
        else if (code !== undefined) form.setFieldsValue({ groupNo: null });
        // A typed ID number fills an empty birth date and gender.
        changed.members?.forEach((m, i) => {
          const derived = fromIdNumber(m?.idNumber);
          if (!derived) return;
          if (!form.getFieldValue(['members', i, 'birthDate']))
            form.setFieldValue(['members', i, 'birthDate'], derived.birthDate);
          if (!form.getFieldValue(['members', i, 'gender']))
            form.setFieldValue(['members', i, 'gender'], derived.gender);
        });
      }}
      data-testid="household-form"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={editing ? `${t('hh.edit')} · ${h?.code ?? ''}` : t('hh.new')}>
          <HouseholdFields form={form} editing={editing} householdId={h?.id} maskedPhones={masked.phones} />
        </Card>
        <Card title={t('hh.tabMembers')}>
          <MembersEditor maskedIds={masked.ids} maskedPhones={masked.phones} />
        </Card>
        <Card title={t('hh.tabYears')}>
          <YearsEditor form={form} />
        </Card>
        <Flex justify="end" gap={8}>
          <Button onClick={() => navigate(editing ? `/households/${id}` : '/households')}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit} data-testid="household-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Space>
      {dialog}
    </Form>
  );
}
