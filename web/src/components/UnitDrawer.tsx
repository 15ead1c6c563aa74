/** Command unit detail drawer with its members (add: person + duty; remove). */
import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { commandUnits, people, type CommandMember } from '@shared/contracts/command';
import { useAuth } from '../auth';
import { call } from '../api';
import { useErrorToast, useFormErrorHandler } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult } from './ApiResult';
import { useCall } from './common/useList';
import { PersonSelect } from './PersonSelect';
import { KindTag } from './RegionTags';
import { personLabel } from './unitColumns';
import { DataTable } from './common/DataTable';

interface Props {
  unitId: number | null;
  canWrite: boolean;
  onClose: () => void;
  /** Members changed (the list's member count is stale). */
  onChanged: () => void;
}

export function UnitDrawer({ unitId, canWrite, onClose, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const onFormError = useFormErrorHandler();
  const [form] = Form.useForm<{ personId: number | null; duty?: string }>();
  const [adding, setAdding] = useState(false);
  const canReveal = useAuth().can('pii.reveal');
  const [revealed, setRevealed] = useState<Record<number, string | null>>({});
  const { data, error, loading, reload } = useCall(commandUnits.detail, unitId ? { params: { id: unitId } } : null);
  const unit = data?.id === unitId ? data : undefined;

  const addMember = async (v: { personId: number | null; duty?: string }) => {
    if (!unit || v.personId === null) return;
    setAdding(true);
    try {
      await call(commandUnits.addMember, {
        params: { id: unit.id },
        body: { personId: v.personId, duty: v.duty?.trim() || undefined },
      });
      form.resetFields();
      reload();
      onChanged();
    } catch (e) {
      onFormError(form, e, ['personId', 'duty']);
    } finally {
      setAdding(false);
    }
  };

  const removeMember = async (m: CommandMember) => {
    if (!unit) return;
    try {
      await call(commandUnits.removeMember, { params: { id: unit.id, memberId: m.id } });
      message.success(t('common.deleted'));
      reload();
      onChanged();
    } catch (e) {
      toast(e);
    }
  };

  const reveal = async (personId: number) => {
    try {
      const res = await call(people.reveal, { params: { id: personId } });
      setRevealed((r) => ({ ...r, [personId]: res.phone }));
    } catch (e) {
      toast(e);
    }
  };

  const none = t('common.none');
  const columns: TableColumnsType<CommandMember> = [
    { title: t('person.name'), render: (_, m) => m.person.name },
    { title: t('person.post'), render: (_, m) => m.person.post || none },
    {
      title: t('person.phone'),
      render: (_, m) => {
        const id = m.person.id;
        if (id in revealed) return revealed[id] || none;
        if (!m.person.phone) return none;
        return (
          <Space size={4}>
            {m.person.phone}
            {canReveal && (
              <Typography.Link title={t('person.reveal')} aria-label={t('person.reveal')} onClick={() => reveal(id)}>
                <EyeOutlined />
              </Typography.Link>
            )}
          </Space>
        );
      },
    },
    { title: t('unit.duty'), dataIndex: 'duty', render: (d: string | null) => d || none },
  ];
  if (canWrite)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, m) => (
        <Popconfirm title={t('common.confirmDelete', { name: m.person.name })} onConfirm={() => removeMember(m)}>
          <Typography.Link type="danger">{t('common.remove')}</Typography.Link>
        </Popconfirm>
      ),
    });

  return (
    <Drawer
      open={unitId !== null}
      onClose={onClose}
      size={720}
      title={unit?.name ?? t('common.detail')}
      destroyOnHidden
    >
      {error ? (
        <ApiResult error={error} onRetry={reload} />
      ) : (
        unit && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions bordered size="small" column={2}>
              <Descriptions.Item label={t('unit.kind')}>
                <KindTag kind={unit.kind} />
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.region')}>{unit.regionName}</Descriptions.Item>
              <Descriptions.Item label={t('unit.commander')}>{personLabel(unit.commander) || none}</Descriptions.Item>
              {unit.kind === 'battle_zone' && (
                <Descriptions.Item label={t('unit.leader')}>{personLabel(unit.leader) || none}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('unit.memberCount')}>{unit.members.length}</Descriptions.Item>
            </Descriptions>
            {canWrite && (
              <Form form={form} layout="inline" onFinish={addMember} style={{ rowGap: 8 }}>
                <Form.Item
                  name="personId"
                  rules={[{ required: true, message: t('form.select', { field: t('unit.person') }) }]}
                  style={{ minWidth: 240 }}
                >
                  <PersonSelect region={unit.regionCode} />
                </Form.Item>
                <Form.Item name="duty">
                  <Input placeholder={t('unit.duty')} maxLength={100} />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={adding}>
                  {t('unit.addMember')}
                </Button>
              </Form>
            )}
            <DataTable<CommandMember>
              rowKey="id"
              size="small"
              loading={loading}
              columns={columns}
              dataSource={unit.members}
              pagination={false}
            />
          </Space>
        )
      )}
    </Drawer>
  );
}
