import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { LogoutOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { isStaff, may } from '../auth/access';
import { getSession, saveSession, useSession, type Me } from '../auth/session-store';
import { signOut } from '../auth/sign-out';
import { useLoad } from '../lib/use-load';
import { CONSOLE_PAGES } from '../pages';

/** The menu: the pages whose capability one of the person's roles grants. */
function menuFor(me: Me): MenuDataItem[] {
  return CONSOLE_PAGES.filter((page) => !page.hidden && may(me, page.capability)).map(({ path, name, icon }) => ({ path, name, icon }));
}

/** The signed-in frame: ProLayout with the person's menu, their name and roles, and 退出登录. */
export default function ConsoleFrame() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // Roles may have changed since sign-in: the menu follows GET /api/me.
  const fresh = useLoad(() => unwrap(api.GET('/api/me')), session?.me.id ?? null);
  useEffect(() => {
    // The stored session, not this render's: a renewal may have replaced the tokens meanwhile.
    const current = getSession();
    if (fresh.state === 'ready' && current) saveSession({ ...current, me: fresh.data });
  }, [fresh]);
  const me = session?.me;
  const menu = useMemo(() => (me ? menuFor(me) : []), [me]);

  if (!session || !me || !isStaff(me)) return <Navigate to="/sign-in" replace />;
  const allowed = menu.some((item) => item.path === location.pathname) || !CONSOLE_PAGES.some((page) => page.path === location.pathname);

  return (
    <ProLayout
      title="网格通"
      logo={false}
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menu }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      actionsRender={() => [
        <Space key="me" size="middle">
          <Typography.Text className="console-me">
            {me.name}（{[...new Set(me.roles.map((held) => held.roleLabel))].join('、')}）
          </Typography.Text>
          <Button
            icon={<LogoutOutlined />}
            onClick={() => {
              void signOut().then(() => navigate('/sign-in', { replace: true }));
            }}
          >
            退出登录
          </Button>
        </Space>,
      ]}
    >
      {allowed ? <Outlet /> : <Navigate to="/" replace />}
    </ProLayout>
  );
}
