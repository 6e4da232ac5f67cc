import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** Village WeChat groups: a card opened in a group tells us which group; a leader binds it once. */
describe(`village groups (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({ wechat, demoLogin: true }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = (method: string, path: string, options?: { token?: string; body?: unknown }) => call(under.api.baseUrl, method, path, options);
  const newGroupId = () => `G${randomBytes(12).toString('base64url')}`;

  /** Plays the phone in a group: a fresh wx.login and the group payload encrypted with its session key. */
  function openedIn(openGid: string, spelling: 'openGId' | 'opengid' = 'opengid') {
    const grant = fake.issueLoginCode();
    return { code: grant.code, ...fake.encryptForSession(grant.session_key, { [spelling]: openGid }) };
  }

  async function villagerToken(): Promise<string> {
    const res = await api('POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    return res.body.accessToken;
  }

  it('a grid leader binds an unbound group to their grid; villagers opening cards there land in it', async () => {
    const dataSource = under.api.app.get(DataSource);
    const leader = await personWithRole(dataSource, 'grid_leader', 'SG-TT-V01');
    const leaderToken = await demoToken(under.api.baseUrl, leader.personId);
    const gid = newGroupId();

    const resolved = await api('POST', '/api/groups/resolve', { token: leaderToken, body: openedIn(gid) });
    expect(resolved).toMatchObject({ status: 200, body: { bound: false, unit: null } });

    const bound = await api('POST', '/api/groups/bind', { token: leaderToken, body: { groupTicket: resolved.body.groupTicket, unitId: leader.unitId } });
    expect(bound).toMatchObject({ status: 200, body: { bound: true, unit: { id: leader.unitId, kind: 'small_grid' } } });

    // getShareInfo spells it openGId: the same group.
    const villager = await villagerToken();
    const landed = await api('POST', '/api/groups/resolve', { token: villager, body: openedIn(gid, 'openGId') });
    expect(landed.body).toMatchObject({ bound: true, unit: { id: leader.unitId } });
    expect((await api('GET', '/api/me', { token: villager })).body.homeUnit).toMatchObject({ id: leader.unitId });

    const again = await api('POST', '/api/groups/bind', { token: leaderToken, body: { groupTicket: resolved.body.groupTicket, unitId: leader.unitId } });
    expect(again).toMatchObject({ status: 409, body: { code: 'GROUP_ALREADY_BOUND' } });
  });

  it('a villager who already chose a village keeps it when opening a card from another group', async () => {
    const dataSource = under.api.app.get(DataSource);
    const leader = await personWithRole(dataSource, 'grid_leader', 'SG-TT-V02');
    const gid = newGroupId();
    const leaderToken = await demoToken(under.api.baseUrl, leader.personId);
    const ticket = (await api('POST', '/api/groups/resolve', { token: leaderToken, body: openedIn(gid) })).body.groupTicket;
    await api('POST', '/api/groups/bind', { token: leaderToken, body: { groupTicket: ticket, unitId: leader.unitId } });

    const villager = await villagerToken();
    const chosen = await unitByCode(dataSource, 'SG-TT-V09');
    expect((await api('PUT', '/api/me/home-unit', { token: villager, body: { unitId: chosen.id } })).status).toBe(200);
    await api('POST', '/api/groups/resolve', { token: villager, body: openedIn(gid) });
    expect((await api('GET', '/api/me', { token: villager })).body.homeUnit.id).toBe(chosen.id);
  });

  it('binding is limited to villages and small grids within the binder’s span', async () => {
    const dataSource = under.api.app.get(DataSource);
    const leader = await personWithRole(dataSource, 'grid_leader', 'SG-TT-V01');
    const leaderToken = await demoToken(under.api.baseUrl, leader.personId);
    const ticket = async () => (await api('POST', '/api/groups/resolve', { token: leaderToken, body: openedIn(newGroupId()) })).body.groupTicket;
    const otherGrid = await unitByCode(dataSource, 'SG-TT-V04-L1-S01');
    const ownVillage = await unitByCode(dataSource, 'SG-TT-V01');

    expect((await api('POST', '/api/groups/bind', { token: leaderToken, body: { groupTicket: await ticket(), unitId: otherGrid.id } })).body.code).toBe(
      'NOT_FOUND',
    );
    // A grid leader's span is their small grid, not the village around it.
    expect((await api('POST', '/api/groups/bind', { token: leaderToken, body: { groupTicket: await ticket(), unitId: ownVillage.id } })).body.code).toBe(
      'NOT_FOUND',
    );

    const townLeader = await demoToken(under.api.baseUrl, (await personWithRole(dataSource, 'town_leader', 'SG-TT')).personId);
    const largeGrid = await unitByCode(dataSource, 'SG-TT-V01-L1');
    const tooBig = await api('POST', '/api/groups/bind', { token: townLeader, body: { groupTicket: await ticket(), unitId: largeGrid.id } });
    expect(tooBig).toMatchObject({ status: 400, body: { code: 'UNIT_NOT_SELECTABLE', field: 'unitId' } });
    const village = await api('POST', '/api/groups/bind', { token: townLeader, body: { groupTicket: await ticket(), unitId: ownVillage.id } });
    expect(village.body).toMatchObject({ bound: true, unit: { id: ownVillage.id, kind: 'village' } });
  });

  it('a group WeChat will not identify falls back to choosing by hand, with a message saying so', async () => {
    const villager = await villagerToken();
    const grant = fake.issueLoginCode();
    const wrongKey = fake.encryptForSession(randomBytes(16).toString('base64'), { opengid: newGroupId() });
    const res = await api('POST', '/api/groups/resolve', { token: villager, body: { code: grant.code, ...wrongKey } });
    expect(res).toMatchObject({ status: 400, body: { code: 'WECHAT_DECRYPT_FAILED', message: '无法识别这个群，请手动选择所在的村' } });

    // Choosing by hand: walk the public tree and set a home village.
    const towns = (await api('GET', '/api/public/towns')).body as { id: number; code: string }[];
    const villages = (await api('GET', `/api/public/units/${towns.find((t) => t.code === 'SG-TT')!.id}/children`)).body as {
      id: number;
      kind: string;
      name: string;
    }[];
    const beisun = villages.find((v) => v.name === '北孙村')!;
    expect(beisun.kind).toBe('village');
    const me = await api('PUT', '/api/me/home-unit', { token: villager, body: { unitId: beisun.id } });
    expect(me.body.homeUnit).toEqual({ id: beisun.id, name: '北孙村', kind: 'village' });
  });

  it('a forged or tampered group ticket is refused', async () => {
    const leader = await personWithRole(under.api.app.get(DataSource), 'grid_leader', 'SG-TT-V01');
    const token = await demoToken(under.api.baseUrl, leader.personId);
    const res = await api('POST', '/api/groups/bind', { token, body: { groupTicket: 'not-a-ticket', unitId: leader.unitId } });
    expect(res).toMatchObject({ status: 400, body: { code: 'GROUP_TICKET_INVALID' } });
  });
});
