import { Alert, Button, Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { authApi } from '../../api/client';
import { messageOf, unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { isStaff } from '../../auth/access';
import { saveSession, useSession } from '../../auth/session-store';
import { revoke } from '../../auth/sign-out';
import { useLoad } from '../../lib/use-load';

type DemoPerson = components['schemas']['DemoPersonDto'];

export const NOT_FOR_VILLAGERS = '电脑工作台供镇、村工作人员使用。村民请在微信小程序「网格通」里反映和查看诉求。';

/**
 * Sign-in at a desk. This increment has the demo sign-in only (the API's DEMO_LOGIN=1): pick a
 * seeded person to act as. Someone without a staff role is refused here and their new sign-in revoked.
 */
export default function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const people = useLoad(() => unwrap(authApi.GET('/api/auth/demo-people')));
  const [filter, setFilter] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState<number | null>(null);

  if (session && isStaff(session.me)) return <Navigate to="/" replace />;

  async function signIn(person: DemoPerson): Promise<void> {
    setSigningIn(person.personId);
    setRefusal(null);
    try {
      const answer = await unwrap(authApi.POST('/api/auth/demo-login', { body: { personId: person.personId } }));
      if (!isStaff(answer.me)) {
        await revoke(answer.refreshToken);
        setRefusal(NOT_FOR_VILLAGERS);
        return;
      }
      saveSession(answer);
      await navigate('/', { replace: true });
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setSigningIn(null);
    }
  }

  const shown = people.state === 'ready' ? people.data.filter((p) => `${p.name}${p.roleLabel}${p.unitName}`.includes(filter.trim())) : [];

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', paddingTop: 64 }}>
      <Card title="网格通 · 电脑工作台" style={{ width: 760 }}>
        {refusal && <Alert className="sign-in-refusal" type="warning" showIcon message={refusal} style={{ marginBottom: 16 }} />}
        {people.state === 'failed' ? (
          <Alert type="info" showIcon message="此服务器没有开启演示登录，电脑工作台暂时无法登录。" description={people.message} />
        ) : (
          <>
            <Typography.Paragraph>演示模式：选择一位演示人员，以其身份登录。</Typography.Paragraph>
            <Input.Search placeholder="按姓名、身份或单位查找" allowClear onChange={(event) => setFilter(event.target.value)} style={{ marginBottom: 16 }} />
            <Table<DemoPerson>
              rowKey="personId"
              size="middle"
              loading={people.state === 'loading'}
              dataSource={shown}
              pagination={{ pageSize: 8, showSizeChanger: false }}
              columns={[
                { title: '姓名', dataIndex: 'name' },
                { title: '身份', dataIndex: 'roleLabel' },
                { title: '单位', dataIndex: 'unitName' },
                {
                  title: '',
                  key: 'sign-in',
                  align: 'right',
                  render: (_, person) => (
                    <Button type="primary" loading={signingIn === person.personId} onClick={() => void signIn(person)}>
                      以此身份登录
                    </Button>
                  ),
                },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
