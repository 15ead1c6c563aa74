/** 表彰 — honours of cadres by region and year (GET /api/honours) and a new honour (POST /api/honours). */
import { useState } from 'react';
import { App, Button, Form, Input, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { assessments, type Honour } from '@shared/contracts/assessments';
import { call } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { ListTab, useList } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { CadreItem } from './DutyCadreSelect';
import { CadreLink, forceOptions, forceText, recentYears, useForceQuery } from './DutyShared';

interface HonourForm {
  personId: number;
  title: Honour['title'];
  year: number;
  awardedBy?: string;
  note?: string;
}

export function HonourTab() {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const q = useForceQuery();
  const year = q.params.get('year') || undefined;
  /** The new honour's first values while the form is open. */
  const [adding, setAdding] = useState<Partial<HonourForm> | null>(null);

  const list = useList(assessments.honours, q.region ? { region: q.region, year } : null);

  const columns: TableColumnsType<Honour> = [
    { key: 'person', title: t('fb.cadre'), render: (_, r) => <CadreLink id={r.personId} name={r.personName} /> },
    { key: 'village', title: t('fb.region'), dataIndex: 'regionName', render: (v: string) => v || '—' },
    {
      key: 'title',
      title: t('hon.title'),
      dataIndex: 'title',
      render: (v: string) => (
        <Tag color="gold" icon={<TrophyOutlined />}>
          {forceText('honour', v, L)}
        </Tag>
      ),
    },
    { key: 'year', title: t('fb.year'), dataIndex: 'year' },
    { key: 'awardedBy', title: t('hon.awardedBy'), dataIndex: 'awardedBy', render: (v: string | null) => v ?? '—' },
    { key: 'note', title: t('fb.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="honour-table"
        table={{ scroll: undefined }}
        toolbar={
          <Space wrap>
            <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('fb.allYears')}
              value={year ? Number(year) : undefined}
              onChange={(y?: number) => q.update({ year: y })}
              options={recentYears()}
            />
          </Space>
        }
        actions={
          can('force.assess') && (
            <Button type="primary" icon={<TrophyOutlined />} onClick={() => setAdding({ year: dayjs().year() })}>
              {t('hon.new')}
            </Button>
          )
        }
      />
      <FormModal<HonourForm, Honour>
        open={adding !== null}
        title={t('hon.new')}
        width={520}
        initialValues={adding ?? undefined}
        onClose={() => setAdding(null)}
        fields={['personId', 'title', 'year', 'awardedBy', 'note']}
        save={(v) =>
          call(assessments.addHonour, {
            body: {
              personId: v.personId,
              title: v.title,
              year: v.year,
              ...(v.awardedBy?.trim() ? { awardedBy: v.awardedBy.trim() } : {}),
              ...(v.note?.trim() ? { note: v.note.trim() } : {}),
            },
          })
        }
        onSaved={() => {
          message.success(t('common.saved'));
          setAdding(null);
          list.reload();
        }}
      >
        <CadreItem region={q.region} stationed={false} />
        <Form.Item
          name="title"
          label={t('hon.title')}
          rules={[{ required: true, message: t('form.select', { field: t('hon.title') }) }]}
        >
          <Select options={forceOptions('honour', L)} />
        </Form.Item>
        <Form.Item name="year" label={t('fb.year')} rules={[{ required: true }]}>
          <Select options={recentYears()} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="awardedBy" label={t('hon.awardedBy')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('fb.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}
