/** Editable yearly records (Form.List "years"): status, income by source, costs, and the five indicators. */
import { Button, Form, InputNumber, Select, Tooltip, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { INDICATORS } from '@shared/register';
import { useI18n } from '../../i18n';
import { INCOME_FIELDS, INDICATOR_FIELDS } from '@shared/household';
import { codeOptions, money } from './codes';
import type { HouseholdValues, YearValues } from './formValues';
import { DataTable } from '../common/DataTable';

const cell = { margin: 0 };
const AMOUNTS = [...INCOME_FIELDS, 'productionCost'] as const;

/** Net income of a record: the four incomes minus production costs. */
function net(y: YearValues | undefined): number {
  if (!y) return 0;
  return INCOME_FIELDS.reduce((s, f) => s + (y[f] ?? 0), 0) - (y.productionCost ?? 0);
}

export function YearsEditor({ form }: { form: FormInstance<HouseholdValues> }) {
  const { t, L } = useI18n();
  const years = Form.useWatch('years', form) as YearValues[] | undefined;
  const persons = (Form.useWatch('members', form) as unknown[] | undefined)?.length ?? 0;
  const marks = [
    { value: 'y', label: '✓' },
    { value: 'n', label: '✗' },
    { value: 'u', label: t('y.unset') },
  ];

  return (
    <Form.List name="years">
      {(fields, { add, remove }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          {
            title: t('y.year'),
            width: 90,
            fixed: 'left',
            render: (_, f) => (
              <Form.Item
                name={[f.name, 'year']}
                style={cell}
                rules={[{ required: true, message: t('form.required', { field: t('y.year') }) }]}
              >
                <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="year-year" />
              </Form.Item>
            ),
          },
          {
            title: t('y.status'),
            width: 120,
            render: (_, f) => (
              <Form.Item
                name={[f.name, 'status']}
                style={cell}
                rules={[{ required: true, message: t('form.select', { field: t('y.status') }) }]}
              >
                <Select options={codeOptions('household_status', L)} popupMatchSelectWidth={false} />
              </Form.Item>
            ),
          },
          ...AMOUNTS.map((key) => ({
            title: t(`y.${key}`),
            width: 120,
            render: (_: unknown, f: FormListFieldData) => (
              <Form.Item name={[f.name, key]} style={cell}>
                <InputNumber min={0} max={1e9} style={{ width: '100%' }} data-testid={`year-${key}`} />
              </Form.Item>
            ),
          })),
          {
            title: `${t('y.netIncome')} / ${t('y.perCapita')}`,
            width: 150,
            align: 'right',
            render: (_, f) => {
              const n = net(years?.[f.name]);
              return (
                <Typography.Text type="secondary">
                  {money(n)} / {persons ? money(Math.round((n / persons) * 100) / 100) : '—'}
                </Typography.Text>
              );
            },
          },
          ...INDICATOR_FIELDS.map((key, i) => ({
            title: <Tooltip title={L(INDICATORS[i])}>{t(`y.${key}`)}</Tooltip>,
            width: 90,
            render: (_: unknown, f: FormListFieldData) => (
              <Form.Item
                name={[f.name, key]}
                style={cell}
                getValueProps={(v?: boolean | null) => ({ value: v === true ? 'y' : v === false ? 'n' : 'u' })}
                normalize={(v: string) => (v === 'y' ? true : v === 'n' ? false : null)}
              >
                <Select options={marks} data-testid={`year-${key}`} />
              </Form.Item>
            ),
          })),
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'right',
            width: 60,
            render: (_, f) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.remove')}
                onClick={() => remove(f.name)}
              />
            ),
          },
        ];
        const nextYear = () => {
          const max = Math.max(0, ...(years ?? []).map((y) => y?.year ?? 0));
          return max ? max + 1 : new Date().getFullYear() - 1;
        };
        return (
          <>
            <DataTable<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              locale={{ emptyText: t('y.none') }}
              data-testid="years-editor"
            />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() => add({ year: nextYear(), status: form.getFieldValue('status'), ...nullIndicators() })}
              data-testid="year-add"
            >
              {t('y.add')}
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}

function nullIndicators(): YearValues {
  return Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, null])) as YearValues;
}
