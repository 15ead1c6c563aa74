/** /users (admin) — list, search, create, edit, unlock. */
import { useState } from 'react';
import { App, Button, Card, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../api';
import { useAsync, useErrorToast } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { RoleTags } from '../components/RegionTags';
import { UserFormModal } from '../components/UserFormModal';
import type { Page, UserRow } from '../types';

function isLocked(u: Pick<UserRow, 'lockedUntil'>): boolean {
  return !!u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs());
}

export default function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const { data, error, loading, reload } = useAsync(
    (s) => api.get<Page<UserRow>>('/users', { q, page: page.current, pageSize: page.pageSize }, s),
    [q, page.current, page.pageSize],
  );

  const unlock = async (u: UserRow) => {
    try {
      await api.post(`/users/${u.id}/unlock`);
      message.success(t('user.unlocked'));
      reload();
    } catch (e) {
      toast(e);
    }
  };

  const columns: TableColumnsType<UserRow> = [
    {
      title: t('user.username'),
      dataIndex: 'username',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('user.displayName'), dataIndex: 'displayName' },
    { title: t('user.roles'), dataIndex: 'roles', render: (_, u) => <RoleTags roles={u.roles} /> },
    {
      title: t('user.status'),
      width: 150,
      render: (_, u) => (
        <Space size={0}>
          {u.active ? <Tag color="success">{t('user.active')}</Tag> : <Tag>{t('user.inactive')}</Tag>}
          {isLocked(u) && (
            <Tag color="error" title={dayjs(u.lockedUntil).format('YYYY-MM-DD HH:mm')}>
              {t('user.locked')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('user.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) =>
        v ? dayjs(v).format('YYYY-MM-DD HH:mm') : <Typography.Text type="secondary">{t('user.never')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      width: 140,
      render: (_, u) => (
        <Space>
          <Typography.Link onClick={() => setEditing(u)}>{t('common.edit')}</Typography.Link>
          {isLocked(u) && (
            <Typography.Link onClick={() => unlock(u)}>
              <UnlockOutlined /> {t('user.unlock')}
            </Typography.Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('user.searchPlaceholder')}
          enterButton={t('common.search')}
          style={{ maxWidth: 360 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage((p) => ({ ...p, current: 1 }));
          }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('user.new')}
        </Button>
      </Flex>
      {error ? (
        <ApiResult error={error} onRetry={reload} />
      ) : (
        <Table<UserRow>
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{
            ...page,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      )}
      <UserFormModal
        open={editing !== null}
        user={editing && editing !== 'new' ? editing : undefined}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
          reload();
        }}
      />
    </Card>
  );
}
