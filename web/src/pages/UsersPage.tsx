/**
 * /users (admin) — the users holding a role inside the administrator's scope: search (?q=, paging in the URL),
 * create, edit (only a user whose every role lies in the scope), unlock.
 */
import { useState } from 'react';
import { App, Button, Card, Input, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { users, type UserRow } from '@shared/contracts/users';
import { call } from '../api';
import { useErrorToast } from '../hooks';
import { useI18n } from '../i18n';
import { RoleTags } from '../components/RegionTags';
import { UserFormModal } from '../components/UserFormModal';
import { ListTab, useList } from '../components/common/useList';
import { useUrlFilters } from '../components/common/urlFilters';

function isLocked(u: Pick<UserRow, 'lockedUntil'>): boolean {
  return !!u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs());
}

export default function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const q = useUrlFilters().get('q');
  const list = useList(users.list, { q: q || undefined });

  const unlock = async (u: UserRow) => {
    try {
      await call(users.unlock, { params: { id: u.id } });
      void message.success(t('user.unlocked'));
      list.reload();
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
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      render: (_, u) => (
        <Space size={4} wrap>
          <RoleTags roles={u.roles} />
          {u.rolesOutside > 0 && (
            <Tooltip title={t('user.notEditable')}>
              <Tag>{t('user.rolesOutside', { n: u.rolesOutside })}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('user.status'),
      width: 190,
      render: (_, u) => (
        <Space size={0}>
          {u.active ? <Tag color="success">{t('user.active')}</Tag> : <Tag>{t('user.inactive')}</Tag>}
          {isLocked(u) && (
            <Tag color="error" title={dayjs(u.lockedUntil).format('YYYY-MM-DD HH:mm')}>
              {t('user.locked')}
            </Tag>
          )}
          {u.mustChangePassword && <Tag color="warning">{t('user.mustChangePassword')}</Tag>}
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
          {u.canEdit ? (
            <Typography.Link onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
              {t('common.edit')}
            </Typography.Link>
          ) : (
            <Tooltip title={t('user.notEditable')}>
              <Typography.Text type="secondary">{t('common.edit')}</Typography.Text>
            </Tooltip>
          )}
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
      <ListTab<typeof users.list>
        list={list}
        columns={columns}
        testId="users-table"
        toolbar={
          <Input.Search
            key={q}
            allowClear
            defaultValue={q}
            placeholder={t('user.searchPlaceholder')}
            enterButton={t('common.search')}
            style={{ width: 360 }}
            onSearch={(v) => list.filters.set({ q: v.trim() })}
          />
        }
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-new">
            {t('user.new')}
          </Button>
        }
      />
      <UserFormModal
        open={editing !== null}
        user={editing && editing !== 'new' ? editing : undefined}
        onClose={() => setEditing(null)}
        onSaved={() => {
          void message.success(t('common.saved'));
          setEditing(null);
          list.reload();
        }}
      />
    </Card>
  );
}
