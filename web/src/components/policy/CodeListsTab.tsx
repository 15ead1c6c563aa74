/**
 * 代码表 — the register's code lists (policy.codeLists); relabel, reorder, retire or add a code (policy.setCode,
 * with the version read: a 409 shows the stored code beside the user's).
 */
import { useMemo, useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CODE_PATTERN, policy, type CodeEntry } from '@shared/contracts/policy';
import { call } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { FormModal } from '../common/FormModal';
import { useCall } from '../common/useList';
import { CODE_LIST_NAMES } from './paramDefs';
import { DataTable } from '../common/DataTable';

type Editing = { entry: Omit<CodeEntry, 'version'> & { version?: number }; isNew: boolean } | null;
type CodeForm = Omit<CodeEntry, 'version'>;
const FIELDS = ['code', 'zh', 'en', 'sortOrder', 'active'] as const;

export function CodeListsTab() {
  const { t, L } = useI18n();
  const { message } = App.useApp();
  const [list, setList] = useState<string>('cause');
  const [editing, setEditing] = useState<Editing>(null);
  const { data, error, loading, reload } = useCall(policy.codeLists, {});
  const manage = useAuth().can('policy.manage');
  const entries = data?.lists[list] ?? [];
  const names = Object.keys(data?.lists ?? CODE_LIST_NAMES);
  const listName = (n: string) => L(CODE_LIST_NAMES[n as keyof typeof CODE_LIST_NAMES]) || n;
  const initialValues = useMemo(() => editing?.entry, [editing]);

  const open = (entry: NonNullable<Editing>['entry'], isNew: boolean) => setEditing({ entry, isNew });

  const columns: TableColumnsType<CodeEntry> = [
    { title: t('code.code'), dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
    { title: t('code.zh'), dataIndex: 'zh' },
    { title: t('code.en'), dataIndex: 'en' },
    { title: t('code.sortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
    {
      title: t('code.active'),
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) => (a ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            render: (_: unknown, e: CodeEntry) => (
              <Typography.Link onClick={() => open(e, false)} data-testid={`code-edit-${e.code}`}>
                {t('common.edit')}
              </Typography.Link>
            ),
          },
        ]
      : []),
  ];

  if (error) return <ApiResult error={error} onRetry={reload} />;
  const nextOrder = Math.max(0, ...entries.map((e) => e.sortOrder)) + 1;
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Select
          value={list}
          onChange={setList}
          style={{ width: 220 }}
          options={names.map((n) => ({ value: n, label: listName(n) }))}
          data-testid="code-list-select"
        />
        {manage && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => open({ code: '', zh: '', en: '', sortOrder: nextOrder, active: true }, true)}
          >
            {t('code.add')}
          </Button>
        )}
      </Flex>
      <DataTable<CodeEntry>
        rowKey="code"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={entries}
        pagination={false}
        data-testid="codes-table"
      />
      <FormModal<CodeForm, CodeEntry>
        open={!!editing}
        title={`${editing?.isNew ? t('code.add') : t('code.edit')} · ${listName(list)}`}
        initialValues={initialValues}
        onClose={() => setEditing(null)}
        fields={FIELDS}
        version={editing?.isNew ? undefined : editing?.entry.version}
        save={(v, version) =>
          call(policy.setCode, {
            params: { list, code: editing?.isNew ? v.code.trim() : editing!.entry.code },
            body: { zh: v.zh.trim(), en: v.en.trim(), sortOrder: v.sortOrder, active: v.active, version },
          })
        }
        conflict={{
          toValues: (current: CodeEntry) => current,
          labels: { zh: t('code.zh'), en: t('code.en'), sortOrder: t('code.sortOrder'), active: t('code.active') },
        }}
        onSaved={() => {
          void message.success(t('common.saved'));
          setEditing(null);
          reload();
        }}
        testId="code-modal"
      >
        <Form.Item
          name="code"
          label={t('code.code')}
          rules={[{ required: true, pattern: CODE_PATTERN, message: t('code.codeRule') }]}
        >
          <Input disabled={!editing?.isNew} maxLength={30} />
        </Form.Item>
        <Form.Item name="zh" label={t('code.zh')} rules={[{ required: true, whitespace: true, message: t('code.zh') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="en" label={t('code.en')} rules={[{ required: true, whitespace: true, message: t('code.en') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={24}>
          <Form.Item name="sortOrder" label={t('code.sortOrder')}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={t('code.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
      </FormModal>
    </>
  );
}
