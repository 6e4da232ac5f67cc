import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/**
 * Finding 1 of the break-in (issue 14): an idempotent retry answered with whatever matter the
 * (requester, clientRequestId) pair found, unchecked. 12345 orders carry `12345-<order number>`,
 * and order numbers are sequential: a leader of another town read a confidential order in full by
 * "retrying" an entry for its caller. A client request id is a retry only for the same submitter
 * and source; a retry answers only with what the caller may read anyway.
 */
describe(`an idempotent retry never answers with someone else's matter (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({
    wechat,
    demoLogin: true,
    auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 10_000, refreshReuseGraceSeconds: 10 },
  }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const ds = () => under.api.app.get(DataSource);
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const clientId = () => randomBytes(12).toString('hex');
  const asText = (body: unknown) => JSON.stringify(body);

  /** A grid leader of 示范镇 (another town than the matters below) and his own small grid. */
  async function sfLeader(code = 'SG-SF-V01-L1-S01'): Promise<{ token: string; unitId: number; personId: number }> {
    const leader = await personWithRole(ds(), 'grid_leader', code);
    return { token: await demoToken(under.api.baseUrl, leader.personId), unitId: leader.unitId, personId: leader.personId };
  }

  async function villagerIn(gridCode: string): Promise<{ token: string; phone: string }> {
    const phone = `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const personId = await addVillager(ds(), { name: '王秀兰', phone }, (await unitByCode(ds(), gridCode)).id);
    return { token: await demoToken(under.api.baseUrl, personId), phone };
  }

  it('a leader of another town "retrying" 12345-<order number> with the caller’s phone gets a new matter of his own, never the confidential order', async () => {
    // 台头镇's hotline office receives a confidential order about a village cadre.
    const caller = await villagerIn('SG-TT-V02-L1-S01');
    const staff = await personWithRole(ds(), 'hotline_staff', 'SG-TT');
    const town = await unitByCode(ds(), 'SG-TT');
    const orderNo = 'SG20261207000777';
    const secret = '举报村干部侵占集体土地补偿款（保密）';
    const imported = await api('POST', '/api/hotline/orders', await demoToken(under.api.baseUrl, staff.personId), {
      townId: town.id,
      orders: [
        {
          orderNo,
          receivedAt: '2026-12-07T09:00:00+08:00',
          callerName: '王秀兰',
          callerPhone: caller.phone,
          content: secret,
          cityDueAt: '2026-12-20T17:00:00+08:00',
          confidential: true,
        },
      ],
    });
    expect(imported.status).toBe(200);
    const orderId = imported.body.orders[0].requestId as number;

    const leader = await sfLeader();
    expect((await api('GET', `/api/requests/${orderId}`, leader.token)).status).toBe(404);
    const probe = await api('POST', '/api/requests/on-behalf', leader.token, {
      clientRequestId: `12345-${orderNo}`,
      unitId: leader.unitId,
      requesterPhone: caller.phone,
      requesterName: '王秀兰',
      category: 'other',
      description: '帮老人登记一件事',
    });
    expect(probe.status).toBe(201);
    expect(probe.body.id).not.toBe(orderId);
    expect(probe.body).toMatchObject({ description: '帮老人登记一件事', unitId: leader.unitId, confidential: false, hotlineOrderNo: null, source: 'proxy' });
    expect(asText(probe.body)).not.toContain(secret);
    expect(asText(probe.body)).not.toContain(orderNo);

    // The order itself is untouched and still hidden from him.
    const order = await ds().query('SELECT state, description FROM request WHERE id = ?', [orderId]);
    expect(order[0]).toMatchObject({ state: 'submitted', description: secret });
    expect((await api('GET', `/api/requests/${orderId}`, leader.token)).status).toBe(404);
  });

  it('another villager’s client id is theirs alone: the same id from someone else (by hand or entered on her behalf) makes a new matter', async () => {
    const first = await villagerIn('SG-TT-V02-L1-S01');
    const shared = clientId();
    const hers = await api('POST', '/api/requests', first.token, {
      clientRequestId: shared,
      category: 'social',
      description: '家里的事，不想让别人知道',
      confidential: true,
    });
    expect(hers.status).toBe(201);

    // Another villager who guessed (or copied) the id.
    const second = await villagerIn('SG-TT-V02-L1-S01');
    const other = await api('POST', '/api/requests', second.token, { clientRequestId: shared, category: 'other', description: '路边的树倒了' });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(hers.body.id);
    expect(asText(other.body)).not.toContain('不想让别人知道');

    // A leader entering for her, with her phone and her client id: his own entry, not her retry.
    const leader = await sfLeader();
    const entered = await api('POST', '/api/requests/on-behalf', leader.token, {
      clientRequestId: shared,
      unitId: leader.unitId,
      requesterPhone: first.phone,
      requesterName: '王秀兰',
      category: 'other',
      description: '代为登记',
    });
    expect(entered.status).toBe(201);
    expect(entered.body.id).not.toBe(hers.body.id);
    expect(entered.body.description).toBe('代为登记');
    expect(asText(entered.body)).not.toContain('不想让别人知道');
    const rows = await ds().query('SELECT COUNT(*) AS n FROM request WHERE clientRequestId = ?', [shared]);
    expect(Number(rows[0].n)).toBe(3);
  });

  it('the same id through another door (a patrol report, then a submission of one’s own) is another matter', async () => {
    const leader = await sfLeader('SG-SF-V01-L1-S02');
    const id = clientId();
    const patrol = await api('POST', '/api/requests/patrol', leader.token, {
      clientRequestId: id,
      dutyType: 'hazard_inspector',
      category: 'safety',
      description: '桥栏杆松动',
      unitId: leader.unitId,
      settledOnSpot: false,
    });
    expect(patrol.status).toBe(201);
    const own = await api('POST', '/api/requests', leader.token, {
      clientRequestId: id,
      category: 'infrastructure',
      description: '我家门口的路灯坏了',
      unitId: leader.unitId,
    });
    expect(own.status).toBe(201);
    expect(own.body.id).not.toBe(patrol.body.id);
    expect(own.body).toMatchObject({ source: 'villager', description: '我家门口的路灯坏了' });
  });

  it('a real retry (same submitter, same door, same id) still answers with the same matter, and makes no second one', async () => {
    const villager = await villagerIn('SG-TT-V02-L1-S03');
    const body = { clientRequestId: clientId(), category: 'infrastructure', description: '村东头路灯坏了' };
    const first = await api('POST', '/api/requests', villager.token, body);
    expect(first.status).toBe(201);
    expect(await api('POST', '/api/requests', villager.token, body)).toEqual(first);

    const leader = await sfLeader('SG-SF-V02-L1-S01');
    const onBehalf = {
      clientRequestId: clientId(),
      unitId: leader.unitId,
      requesterPhone: '13700005555',
      requesterName: '赵大爷',
      category: 'social',
      description: '老人想申请低保',
    };
    const entered = await api('POST', '/api/requests/on-behalf', leader.token, onBehalf);
    expect(entered.status).toBe(201);
    expect(await api('POST', '/api/requests/on-behalf', leader.token, onBehalf)).toEqual(entered);

    const report = {
      clientRequestId: clientId(),
      dutyType: 'hygiene_supervisor',
      category: 'environment',
      description: '河边有人倒垃圾',
      unitId: leader.unitId,
      settledOnSpot: false,
    };
    const patrol = await api('POST', '/api/requests/patrol', leader.token, report);
    expect(patrol.status).toBe(201);
    expect(await api('POST', '/api/requests/patrol', leader.token, report)).toEqual(patrol);

    for (const id of [body.clientRequestId, onBehalf.clientRequestId, report.clientRequestId]) {
      expect(Number((await ds().query('SELECT COUNT(*) AS n FROM request WHERE clientRequestId = ?', [id]))[0].n)).toBe(1);
    }
  });

  it('the retry of an entry the caller can no longer see says it was received, and shows nothing of it', async () => {
    const ttLeader = await personWithRole(ds(), 'grid_leader', 'SG-TT-V03-L1-S01');
    const token = await demoToken(under.api.baseUrl, ttLeader.personId);
    const entry = {
      clientRequestId: clientId(),
      unitId: ttLeader.unitId,
      requesterPhone: '13700006666',
      requesterName: '钱奶奶',
      category: 'social',
      description: '钱奶奶想申请居家养老',
      confidential: true,
    };
    const entered = await api('POST', '/api/requests/on-behalf', token, entry);
    expect(entered.status).toBe(201);

    // He leads another grid now, in another town: the matter is no longer his to see.
    const elsewhere = await unitByCode(ds(), 'SG-SF-V02-L1-S02');
    await ds().query('UPDATE role_assignment SET endedAt = ? WHERE personId = ? AND endedAt IS NULL', ['2026-12-07 08:00:00', ttLeader.personId]);
    await ds().query('INSERT INTO role_assignment (personId, role, unitId) VALUES (?, ?, ?)', [ttLeader.personId, 'grid_leader', elsewhere.id]);
    expect((await api('GET', `/api/requests/${entered.body.id}`, token)).status).toBe(404);

    const retry = await api('POST', '/api/requests/on-behalf', token, entry);
    expect(retry).toMatchObject({ status: 409, body: { code: 'ALREADY_SUBMITTED' } });
    expect(asText(retry.body)).not.toContain('居家养老');
    // Nor its id (leaving out the answer's own random requestId, which may hold the same digits by chance).
    const { requestId: _requestId, ...answer } = retry.body as Record<string, unknown>;
    expect(asText(answer)).not.toContain(String(entered.body.id));
    expect(Number((await ds().query('SELECT COUNT(*) AS n FROM request WHERE clientRequestId = ?', [entry.clientRequestId]))[0].n)).toBe(1);
  });
});
