/** 驻村日志 — work logs by region, cadre and dates (GET /api/work-logs), and a new log (POST /api/work-logs). */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { duty, type WorkLog } from '@shared/contracts/duty';
import { call } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { ListTab, useList } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { CadreItem, DutyCadreSelect } from './DutyCadreSelect';
import { CadreLink, ISO, dayOf, futureDisabled, isoOf, useForceQuery } from './DutyShared';

interface LogForm {
  personId: number;
  day: Dayjs;
  content: string;
}

export function WorkLogTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const q = useForceQuery();
  const personId = q.params.get('personId') || undefined;
  const from = q.params.get('from') || undefined;
  const to = q.params.get('to') || undefined;
  /** The new log's first values while the form is open. */
  const [adding, setAdding] = useState<Partial<LogForm> | null>(null);

  const list = useList(duty.workLogs, q.region ? { region: q.region, personId, from, to } : null);

  const columns: TableColumnsType<WorkLog> = [
    { key: 'day', title: t('log.day'), dataIndex: 'day', width: 110 },
    {
      key: 'person',
      title: t('fb.cadre'),
      width: 100,
      render: (_, l) => <CadreLink id={l.personId} name={l.personName} />,
    },
    { key: 'village', title: t('fb.village'), dataIndex: 'regionName', width: 140 },
    {
      key: 'content',
      title: t('log.content'),
      dataIndex: 'content',
      render: (c: string) => (
        <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 2, expandable: 'collapsible' }}>
          {c}
        </Typography.Paragraph>
      ),
    },
  ];

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="log-table"
        table={{ scroll: undefined }}
        toolbar={
          <Space wrap>
            <RegionTreeSelect
              value={q.region}
              onChange={(c) => q.update({ region: c, personId: undefined })}
              style={{ width: 260 }}
            />
            <DutyCadreSelect
              style={{ width: 240 }}
              region={q.region}
              value={personId ? Number(personId) : null}
              onChange={(id) => q.update({ personId: id ?? undefined })}
            />
            <DatePicker.RangePicker
              value={from || to ? [dayOf(from) ?? null, dayOf(to) ?? null] : null}
              onChange={(r) => q.update({ from: isoOf(r?.[0]), to: isoOf(r?.[1]) })}
              allowEmpty={[true, true]}
            />
          </Space>
        }
        actions={
          can('force.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding({ day: dayjs(), personId: personId ? Number(personId) : undefined })}
            >
              {t('log.new')}
            </Button>
          )
        }
      />
      <FormModal<LogForm, WorkLog>
        open={adding !== null}
        title={t('log.new')}
        width={600}
        initialValues={adding ?? undefined}
        onClose={() => setAdding(null)}
        fields={['personId', 'day', 'content']}
        save={(v) =>
          call(duty.addWorkLog, {
            body: { personId: v.personId, day: v.day.format(ISO), content: v.content.trim() },
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
          name="day"
          label={t('log.day')}
          rules={[{ required: true, message: t('form.select', { field: t('log.day') }) }]}
        >
          <DatePicker disabledDate={futureDisabled} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('log.content')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('log.content') }) }]}
        >
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
