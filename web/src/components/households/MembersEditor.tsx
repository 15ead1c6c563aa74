/** Editable members table (Form.List "members"): one row per person, errors shown in the cells. */
import { Button, DatePicker, Form, Input, InputNumber, Select, Switch, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { CodeListName } from '@shared/register';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import { codeOptions } from './codes';
import { idNumberRule, phoneRule } from './formValues';
import type { MemberValues } from './formValues';
import { DataTable } from '../common/DataTable';

interface Props {
  maskedIds: ReadonlySet<string>;
  maskedPhones: ReadonlySet<string>;
}

const SELECTS: [keyof MemberValues, CodeListName, MessageKey, number][] = [
  ['gender', 'gender', 'm.gender', 80],
  ['relation', 'relation', 'm.relation', 110],
  ['ethnicity', 'ethnicity', 'm.ethnicity', 100],
  ['education', 'education', 'm.education', 130],
  ['studentStatus', 'student_status', 'm.studentStatus', 120],
  ['health', 'health', 'm.health', 120],
  ['labour', 'labour', 'm.labour', 120],
  ['workStatus', 'work_status', 'm.workStatus', 110],
];
const SWITCHES = ['medicalInsurance', 'pensionInsurance', 'dibao', 'partyMember'] as const;
const cell = { margin: 0 };

export function MembersEditor({ maskedIds, maskedPhones }: Props) {
  const { t, L } = useI18n();
  const idMsgs = { format: t('m.idFormat'), checksum: t('m.idChecksum'), masked: t('m.maskedKept') };

  return (
    <Form.List
      name="members"
      rules={[
        {
          validator: async (_, members?: MemberValues[]) => {
            if (!members?.length) throw new Error(t('m.atLeastOne'));
            if (members.filter((m) => m?.relation === 'head').length !== 1) throw new Error(t('m.oneHead'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          {
            title: t('m.name'),
            fixed: 'left',
            width: 110,
            render: (_, f) => (
              <Form.Item
                name={[f.name, 'name']}
                style={cell}
                rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('m.name') }) }]}
              >
                <Input maxLength={50} data-testid="member-name" />
              </Form.Item>
            ),
          },
          {
            title: <Tooltip title={t('m.maskedKept')}>{t('m.idNumber')}</Tooltip>,
            width: 200,
            render: (_, f) => (
              <Form.Item name={[f.name, 'idNumber']} style={cell} rules={[idNumberRule(maskedIds, idMsgs)]}>
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="member-idNumber" />
              </Form.Item>
            ),
          },
          {
            title: t('m.birthDate'),
            width: 140,
            render: (_, f) => (
              <Form.Item
                name={[f.name, 'birthDate']}
                style={cell}
                getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : null })}
                normalize={(d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
              >
                <DatePicker disabledDate={(d) => d.isAfter(dayjs())} />
              </Form.Item>
            ),
          },
          ...SELECTS.map(([key, list, label, width]) => ({
            title: t(label),
            width,
            render: (_: unknown, f: FormListFieldData) => (
              <Form.Item name={[f.name, key]} style={cell}>
                <Select
                  allowClear
                  popupMatchSelectWidth={false}
                  options={codeOptions(list, L)}
                  data-testid={`member-${key}`}
                />
              </Form.Item>
            ),
          })),
          {
            title: t('m.migrantMonths'),
            width: 90,
            render: (_, f) => (
              <Form.Item name={[f.name, 'migrantMonths']} style={cell}>
                <InputNumber min={0} max={12} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ),
          },
          {
            title: t('m.migrantPlace'),
            width: 120,
            render: (_, f) => (
              <Form.Item name={[f.name, 'migrantPlace']} style={cell}>
                <Input maxLength={100} />
              </Form.Item>
            ),
          },
          ...SWITCHES.map((key) => ({
            title: t(`m.${key}`),
            width: 80,
            align: 'center' as const,
            render: (_: unknown, f: FormListFieldData) => (
              <Form.Item name={[f.name, key]} valuePropName="checked" style={cell}>
                <Switch size="small" />
              </Form.Item>
            ),
          })),
          {
            title: t('m.phone'),
            width: 140,
            render: (_, f) => (
              <Form.Item
                name={[f.name, 'phone']}
                style={cell}
                rules={[phoneRule(maskedPhones, t('person.phoneInvalid'))]}
              >
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            ),
          },
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
                data-testid="member-remove"
              />
            ),
          },
        ];
        return (
          <>
            <DataTable<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              data-testid="members-editor"
            />
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() => add(fields.length ? { ethnicity: 'han' } : { relation: 'head', ethnicity: 'han' })}
              data-testid="member-add"
            >
              {t('m.add')}
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}
