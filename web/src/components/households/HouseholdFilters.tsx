/** Filter bar of the household list; selects apply at once, text and numbers on Enter or 查询. */
import { useEffect } from 'react';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { useI18n } from '../../i18n';
import { codeOptions, yearOptions } from './codes';
import { DECIDING_LEVEL_LABELS } from '@shared/workflow';
import { AWAITING, FLAGS, fromForm, toForm } from './listQuery';
import type { FilterForm, ListQuery } from './listQuery';

interface Props {
  query: ListQuery;
  /** Replace the filters (page goes back to 1). */
  onApply: (filters: ListQuery) => void;
  /** The year the server used when none is chosen (the latest with records). */
  defaultYear?: number;
}

const TYPED = new Set(['q', 'incomeMin', 'incomeMax']);

export function HouseholdFilters({ query, onApply, defaultYear }: Props) {
  const { t, L } = useI18n();
  const [form] = Form.useForm<FilterForm>();
  const key = JSON.stringify(query);

  // The URL is the truth: re-sync when it changes (back button, links from the statistics page).
  useEffect(() => {
    form.setFieldsValue(toForm(query));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, form]);

  const apply = () => onApply(fromForm(form.getFieldsValue(true) as FilterForm));
  const flagLabel = { duplicate_id: t('hh.flagDuplicate'), missing_indicator: t('hh.flagMissing') };

  return (
    <Form<FilterForm>
      form={form}
      layout="inline"
      initialValues={toForm(query)}
      onFinish={apply}
      onValuesChange={(changed) => {
        // Typing in a text or number box waits for Enter; clearing one applies at once.
        const typing = Object.entries(changed).every(([k, v]) => TYPED.has(k) && v !== '' && v != null);
        if (!typing) apply();
      }}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="household-filters"
    >
      <Form.Item name="region">
        <RegionTreeSelect style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="year" label={t('hh.year')}>
        <Select
          allowClear
          style={{ width: 100 }}
          placeholder={defaultYear}
          options={yearOptions()}
          data-testid="filter-year"
        />
      </Form.Item>
      <Form.Item name="status">
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: 220 }}
          placeholder={t('hh.status')}
          options={codeOptions('household_status', L)}
          data-testid="filter-status"
        />
      </Form.Item>
      <Form.Item name="attribute">
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('hh.attribute')}
          options={codeOptions('attribute', L)}
        />
      </Form.Item>
      <Form.Item name="cause">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 150 }}
          placeholder={t('hh.cause')}
          options={codeOptions('cause', L)}
          data-testid="filter-cause"
        />
      </Form.Item>
      <Form.Item name="housingGrade">
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('hh.housingGrade')}
          options={codeOptions('housing_grade', L)}
        />
      </Form.Item>
      <Form.Item label={t('hh.income')}>
        <Space.Compact>
          <Form.Item name="incomeMin" noStyle>
            <InputNumber min={0} placeholder={t('hh.incomeMin')} style={{ width: 100 }} onPressEnter={apply} />
          </Form.Item>
          <Form.Item name="incomeMax" noStyle>
            <InputNumber min={0} placeholder={t('hh.incomeMax')} style={{ width: 100 }} onPressEnter={apply} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="flag">
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('hh.flag')}
          options={FLAGS.map((f) => ({ value: f, label: flagLabel[f] }))}
          data-testid="filter-flag"
        />
      </Form.Item>
      <Form.Item name="awaiting">
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('hh.awaiting')}
          options={AWAITING.map((a) => ({ value: a, label: L(DECIDING_LEVEL_LABELS[a]) }))}
          data-testid="filter-awaiting"
        />
      </Form.Item>
      <Form.Item name="q">
        <Input allowClear placeholder={t('hh.keyword')} style={{ width: 180 }} data-testid="filter-q" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="filter-search">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.setFieldsValue(toForm({ region: query.region }));
              apply();
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
