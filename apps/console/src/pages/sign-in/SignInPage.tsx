import { Alert, Button, Card, Col, Input, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { authApi } from '../../api/client';
import { messageOf, unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { isStaff } from '../../auth/access';
import { saveSession, useSession } from '../../auth/session-store';
import { revoke } from '../../auth/sign-out';
import { useLoad } from '../../lib/use-load';
import { ScanSignIn, type DeskSession } from './ScanSignIn';

type DemoPerson = components['schemas']['DemoPersonDto'];

export const NOT_FOR_VILLAGERS = '电脑工作台供镇、村工作人员使用。村民请在微信小程序「网格通」里反映和查看诉求。';

/**
 * Sign-in at a desk: scan the mini-program code with WeChat and confirm on the phone (扫码登录), and,
 * when the API runs with DEMO_LOGIN=1, the demo sign-in beside it (pick a seeded person to act as).
 * Someone without a staff role is refused here and their new sign-in revoked.
 */
export default function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const people = useLoad(() => unwrap(authApi.GET('/api/auth/demo-people')));
  const [filter, setFilter] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState<number | null>(null);

  if (session && isStaff(session.me)) return <Navigate to="/" replace />;

  async function accept(answer: DeskSession): Promise<void> {
    if (!isStaff(answer.me)) {
      await revoke(answer.refreshToken);
      setRefusal(NOT_FOR_VILLAGERS);
      return;
    }
    saveSession(answer);
    await navigate('/', { replace: true });
  }

  async function signIn(person: DemoPerson): Promise<void> {
    setSigningIn(person.personId);
    setRefusal(null);
    try {
      await accept(await unwrap(authApi.POST('/api/auth/demo-login', { body: { personId: person.personId } })));
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setSigningIn(null);
    }
  }

  const shown = people.state === 'ready' ? people.data.filter((p) => `${p.name}${p.roleLabel}${p.unitName}`.includes(filter.trim())) : [];

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', paddingTop: 64 }}>
      <Card title="网格通 · 电脑工作台" style={{ width: people.state === 'failed' ? 480 : 1120 }}>
        {refusal && <Alert className="sign-in-refusal" type="warning" showIcon message={refusal} style={{ marginBottom: 16 }} />}
        <Row gutter={32}>
          <Col span={people.state === 'failed' ? 24 : 9}>
            <ScanSignIn onSession={(answer) => void accept(answer).catch((error: unknown) => setRefusal(messageOf(error)))} />
          </Col>
          {people.state !== 'failed' && (
            <Col span={15} className="demo-sign-in">
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
            </Col>
          )}
        </Row>
      </Card>
    </div>
  );
}
