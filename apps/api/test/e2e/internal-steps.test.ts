import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isInternalStep, REQUEST_ACTION_NAMES } from '@gridloop/domain';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** Staff talking to staff on a matter (a transfer asked for and refused, 催办, 督办) never reaches its requester or a follower. */
describe(`internal timeline steps (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({ wechat, demoLogin: true }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const ds = () => under.api.app.get(DataSource);

  let gridId: number;
  let leader: string;
  let hotline: string;
  beforeAll(async () => {
    gridId = (await unitByCode(ds(), 'SG-TT-V02-L1-S01')).id;
    leader = await tokenForRole(ds(), under.api.baseUrl, 'grid_leader', 'SG-TT-V02-L1-S01');
    hotline = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT');
  });

  async function villager(): Promise<string> {
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: gridId });
    return session.body.accessToken;
  }
  const submit = async (requester: string, description: string) =>
    (
      await api('POST', '/api/requests', requester, {
        clientRequestId: randomBytes(12).toString('hex'),
        category: 'infrastructure',
        description,
        addressNote: '东头十字路口',
        contactPhone: '13812345678',
      })
    ).body as { id: number; version: number };

  const TRANSFER_REASON = '内部转办理由：这段路归镇村建设办管，网格没有经费';
  const REFUSAL = '不同意：村内道路，请网格自己协调';
  const SUPERVISION = '督办要求：今天下班前必须联系群众';

  it('the requester and a follower never see a transfer asked for, its refusal, 催办 or 督办; staff do', async () => {
    const requester = await villager();
    const follower = await villager();
    const matter = await submit(requester, '村东头路灯坏了三天了，晚上出门看不见路');
    const duplicate = await submit(follower, '东头十字路口的路灯坏了，晚上看不见路');
    const merged = await api('POST', `/api/requests/${duplicate.id}/actions/merge`, leader, { version: duplicate.version, targetRequestId: matter.id });
    expect(merged.status).toBe(200);

    let version = (await api('GET', `/api/requests/${matter.id}`, leader)).body.version;
    const step = async (token: string, action: string, note?: string) => {
      const res = await api('POST', `/api/requests/${matter.id}/actions/${action}`, token, { version, ...(note ? { note } : {}) });
      expect(res.status).toBe(200);
      version = res.body.version;
    };
    await step(leader, 'requestTransfer', TRANSFER_REASON);
    await step(hotline, 'declineTransfer', REFUSAL);
    await step(hotline, 'urge');
    await step(hotline, 'supervise', SUPERVISION);

    for (const token of [requester, follower]) {
      const seen = await api('GET', `/api/requests/${matter.id}`, token);
      expect(seen.status).toBe(200);
      const actions = seen.body.timeline.map((e: { action: string }) => e.action);
      expect(actions).toEqual(['submit', 'mergeIn']);
      const text = JSON.stringify(seen.body);
      for (const note of [TRANSFER_REASON, REFUSAL, SUPERVISION]) expect(text).not.toContain(note);
      // Nor in any message they got about it.
      expect(JSON.stringify((await api('GET', '/api/me/notifications', token)).body)).not.toContain('转办理由');
    }
    for (const token of [leader, hotline]) {
      const seen = (await api('GET', `/api/requests/${matter.id}`, token)).body;
      expect(seen.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'mergeIn', 'requestTransfer', 'declineTransfer', 'urge', 'supervise']);
      expect(seen.timeline.map((e: { note: string | null }) => e.note)).toEqual(expect.arrayContaining([TRANSFER_REASON, REFUSAL, SUPERVISION]));
    }
  });

  it('each step between staff is marked internal in the workflow table', () => {
    expect(REQUEST_ACTION_NAMES.filter(isInternalStep)).toEqual(
      expect.arrayContaining(['sendBack', 'requestTransfer', 'declineTransfer', 'urge', 'supervise']),
    );
  });
});
