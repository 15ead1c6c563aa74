/** 保险 — accident insurance of stationed cadres (GET /api/insurance?expiringWithin=), add a policy (POST /api/insurance). */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { duty, type Insurance } from '@shared/contracts/duty';
import { call } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { ListTab, useList } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { CadreItem } from './DutyCadreSelect';
import { CadreLink, ISO, renamePaths, useForceQuery } from './DutyShared';

interface InsuranceForm {
  personId: number;
  insurer: string;
  policyNo?: string;
  range: [Dayjs, Dayjs];
}

export function InsuranceTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const q = useForceQuery();
  const expiring = q.params.get('expiringWithin') || undefined;
  const expired = q.params.get('expired') === 'true';
  /** The new policy's first values while the form is open. */
  const [adding, setAdding] = useState<Partial<InsuranceForm> | null>(null);

  const list = useList(
    duty.insurance,
    q.region ? { region: q.region, expiringWithin: expiring, expired: expired ? ('true' as const) : undefined } : null,
  );

  const columns: TableColumnsType<Insurance> = [
    { key: 'person', title: t('fb.cadre'), render: (_, r) => <CadreLink id={r.personId} name={r.personName} /> },
    { key: 'village', title: t('fb.village'), dataIndex: 'regionName' },
    { key: 'insurer', title: t('ins.insurer'), dataIndex: 'insurer' },
    { key: 'policyNo', title: t('ins.policyNo'), dataIndex: 'policyNo', render: (v: string | null) => v ?? '—' },
    { key: 'start', title: t('fb.startDate'), dataIndex: 'startDate' },
    { key: 'end', title: t('fb.endDate'), dataIndex: 'endDate' },
    {
      key: 'state',
      title: t('fb.status'),
      render: (_, r) =>
        r.expired ? (
          <Tag color="red">{t('ins.expired')}</Tag>
        ) : r.expiresInDays <= 30 ? (
          <Tag color="orange">{t('ins.expiresIn', { days: r.expiresInDays })}</Tag>
        ) : (
          <Tag color="green">{t('ins.valid')}</Tag>
        ),
    },
  ];

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="insurance-table"
        toolbar={
          <Space wrap>
            <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('ins.allPolicies')}
              value={expired ? 'expired' : expiring}
              onChange={(v?: string) =>
                q.update(
                  v === 'expired'
                    ? { expired: 'true', expiringWithin: undefined }
                    : { expiringWithin: v, expired: undefined },
                )
              }
              options={[
                ...[30, 60, 90].map((d) => ({ value: String(d), label: t('ins.within', { days: d }) })),
                { value: 'expired', label: t('ins.expired') },
              ]}
              data-testid="ins-expiring"
            />
          </Space>
        }
        actions={
          can('force.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding({ range: [dayjs(), dayjs().add(1, 'year').subtract(1, 'day')] })}
            >
              {t('ins.new')}
            </Button>
          )
        }
      />
      <FormModal<InsuranceForm, Insurance>
        open={adding !== null}
        title={t('ins.new')}
        width={560}
        initialValues={adding ?? undefined}
        onClose={() => setAdding(null)}
        fields={['personId', 'insurer', 'policyNo', 'range']}
        normalise={(e) => renamePaths(e, { startDate: 'range', endDate: 'range' })}
        save={(v) =>
          call(duty.addInsurance, {
            body: {
              personId: v.personId,
              insurer: v.insurer.trim(),
              ...(v.policyNo?.trim() ? { policyNo: v.policyNo.trim() } : {}),
              startDate: v.range[0].format(ISO),
              endDate: v.range[1].format(ISO),
            },
          })
        }
        onSaved={() => {
          message.success(t('common.saved'));
          setAdding(null);
          list.reload();
        }}
      >
        <CadreItem region={q.region} />
        <Form.Item
          name="insurer"
          label={t('ins.insurer')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('ins.insurer') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="policyNo" label={t('ins.policyNo')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="range"
          label={t('ins.period')}
          rules={[{ required: true, message: t('form.select', { field: t('ins.period') }) }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
