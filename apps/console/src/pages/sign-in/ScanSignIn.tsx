import { Alert, Button, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { authApi } from '../../api/client';
import { ApiError, messageOf, unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

type Ticket = components['schemas']['DeskTicketDto'];
export type DeskSession = components['schemas']['SessionDto'];

/** How often the console asks whether the phone confirmed. */
const POLL_MS = 1500;

type Scan = { state: 'loading' } | { state: 'showing'; ticket: Ticket } | { state: 'ended'; message: string };

/**
 * 扫码登录: shows the mini-program code of a one-time ticket and polls until the staffer confirms on
 * the phone; `onSession` receives this desk's own sign-in. An expired, cancelled or used ticket ends
 * with the API's message and 刷新二维码.
 */
export function ScanSignIn({ onSession }: { onSession: (session: DeskSession) => void }) {
  const [attempt, setAttempt] = useState(0);
  const [scan, setScan] = useState<Scan>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setScan({ state: 'loading' });
    const poll = async (ticket: Ticket): Promise<void> => {
      if (!live) return;
      try {
        const answer = await unwrap(authApi.POST('/api/auth/desk-poll', { body: { pollToken: ticket.pollToken } }));
        if (!live) return;
        if (answer.state === 'signed_in' && answer.session) return onSession(answer.session);
      } catch (error) {
        // A network blip keeps polling; the API's refusals (expired, cancelled, used) end the ticket.
        if (!live) return;
        if (!(error instanceof ApiError && error.status === 0)) return setScan({ state: 'ended', message: messageOf(error) });
      }
      timer = setTimeout(() => void poll(ticket), POLL_MS);
    };
    unwrap(authApi.POST('/api/auth/desk-tickets')).then(
      (ticket) => {
        if (!live) return;
        setScan({ state: 'showing', ticket });
        timer = setTimeout(() => void poll(ticket), POLL_MS);
      },
      (error: unknown) => live && setScan({ state: 'ended', message: messageOf(error) }),
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // onSession is the page's handler; a new attempt (刷新二维码) is the only reason to start again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  return (
    <div className="scan-sign-in" style={{ textAlign: 'center' }}>
      <Typography.Title level={5}>微信扫码登录</Typography.Title>
      <div style={{ width: 240, height: 240, margin: '0 auto', display: 'flex', alignItems: 'center', justifyContent: 'center', border: '1px solid #f0f0f0' }}>
        {scan.state === 'loading' && <Spin />}
        {scan.state === 'showing' && <img className="desk-code" src={scan.ticket.codeImage} alt="登录用的小程序码" width={240} height={240} />}
        {scan.state === 'ended' && <Alert className="scan-ended" type="warning" showIcon message={scan.message} style={{ margin: 12 }} />}
      </div>
      <Typography.Paragraph style={{ marginTop: 16 }}>请用微信扫一扫，在「网格通」小程序里确认登录。</Typography.Paragraph>
      {scan.state === 'showing' && (
        <ExpiresIn at={scan.ticket.expiresAt} onExpired={() => setScan({ state: 'ended', message: '二维码已过期，请刷新二维码' })} />
      )}
      <Button onClick={() => setAttempt((n) => n + 1)}>刷新二维码</Button>
    </div>
  );
}

function ExpiresIn({ at, onExpired }: { at: string; onExpired: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((new Date(at).getTime() - now) / 1000));
  useEffect(() => {
    if (left === 0) return onExpired();
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [left, onExpired]);
  return <Typography.Paragraph type="secondary">二维码 {left} 秒后失效</Typography.Paragraph>;
}
