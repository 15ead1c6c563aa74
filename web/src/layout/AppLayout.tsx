/** Admin shell: dark Sider with the module menu, Header with language and user menu, Content with Breadcrumb. */
import { Suspense, useState } from 'react';
import { Avatar, Breadcrumb, Dropdown, Flex, Layout, Menu, Space, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { HomeOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '@shared/codes';
import { FullPageSpin, useAuth, useMe } from '../auth';
import { useI18n } from '../i18n';
import { LangSwitch } from '../components/LangSwitch';
import { GlobalSearch } from './GlobalSearch';
import { activeTrail, pageTrail, visibleNav } from './nav';
import type { NavEntry } from './nav';
import { usePageTitle } from './pageTitle';

const { Header, Sider, Content, Footer } = Layout;
type MenuItem = Required<MenuProps>['items'][number];

export default function AppLayout() {
  const { t, L } = useI18n();
  const me = useMe();
  const { can, logout } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  const nav = visibleNav(can);
  const trail = activeTrail(pathname, nav);
  const toItem = (e: NavEntry): MenuItem =>
    e.children
      ? { key: e.key, icon: e.icon, label: t(e.label), children: e.children.map(toItem) }
      : { key: e.key, icon: e.icon, label: <Link to={e.path}>{t(e.label)}</Link> };

  // The breadcrumb down to this page; its last crumb names the page (the heading and the browser tab's title).
  const pageCrumbs = pageTrail(pathname, nav);
  const page = pathname === '/' ? 'menu.home' : (pageCrumbs.at(-1)?.label ?? 'error.notFound');
  usePageTitle(t(page));
  const crumbs = [
    {
      key: 'home',
      title: (
        <Link to="/">
          <HomeOutlined /> {t('menu.home')}
        </Link>
      ),
    },
    ...pageCrumbs.map((c) => ({ key: c.key, title: c.to ? <Link to={c.to}>{t(c.label)}</Link> : t(c.label) })),
  ];

  const primaryRole = me.roles[0];
  const roleText = primaryRole
    ? `${L(ROLE_LABELS[primaryRole.role]) || primaryRole.role}${primaryRole.scopeName ? ` · ${primaryRole.scopeName}` : ''}`
    : '';

  const userMenu: MenuProps['items'] = [
    ...me.roles.map((r, i) => ({
      key: `role-${i}`,
      disabled: true,
      label: `${L(ROLE_LABELS[r.role]) || r.role}${r.scopeName ? ` · ${r.scopeName}` : ''}`,
    })),
    { type: 'divider' as const },
    { key: 'password', icon: <KeyOutlined />, label: t('menu.password') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout'), danger: true },
  ];
  const onUserMenu: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') navigate('/password');
    if (key === 'logout') {
      await logout().catch(() => undefined);
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={220}>
        <Link to="/">
          <Flex align="center" gap={10} style={{ height: 64, paddingInline: collapsed ? 24 : 20, overflow: 'hidden' }}>
            <img src="/favicon.svg" alt="" width={32} height={32} />
            {!collapsed && (
              <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Typography.Text>
            )}
          </Flex>
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={trail.map((e) => e.key)}
          defaultOpenKeys={trail.slice(0, -1).map((e) => e.key)}
          items={nav.map(toItem)}
          data-testid="side-menu"
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            paddingInline: 24,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
            zIndex: 1,
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('app.title')}
          </Typography.Text>
          <Space size="large">
            <GlobalSearch />
            <LangSwitch />
            <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} placement="bottomRight">
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" style={{ background: token.colorPrimary }} icon={<UserOutlined />} />
                <span>{me.displayName}</span>
                {roleText && <Typography.Text type="secondary">{roleText}</Typography.Text>}
              </Space>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>
          <Breadcrumb items={crumbs} style={{ marginBottom: 8 }} data-testid="breadcrumb" />
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 16 }} data-testid="page-title">
            {t(page)}
          </Typography.Title>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
        <Footer style={{ textAlign: 'center', color: token.colorTextSecondary, paddingBlock: 12 }}>
          {t('app.footer')}
        </Footer>
      </Layout>
    </Layout>
  );
}
