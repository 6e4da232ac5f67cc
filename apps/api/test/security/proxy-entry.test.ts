import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, unitByCode, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/**
 * Finding 2 of the break-in (issue 14): 代办 with a known person's phone answered with that
 * person's real name, even one the leader could not look up (the county admin, a villager of the
 * next grid, someone of another town), and filed the matter in their 我的诉求 unannounced. Now the
 * one entering sees only the name they typed; the person named is told in the app, sees who
 * entered it, and can say 「这不是我的诉求」, which withdraws it and tells the town's hotline office.
 */
describe(`代办 tells nothing of the person behind a phone, and they can disown it (${testDialect()})`, () => {
  const under = useAppUnderTest({
    demoLogin: true,
    auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 10_000, refreshReuseGraceSeconds: 10 },
  });
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const ds = () => under.api.app.get(DataSource);
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const token = (personId: number) => demoToken(under.api.baseUrl, personId);
  let leader: SeededPerson;
  let leaderToken: string;
  let serial = 0;

  beforeAll(async () => {
    leader = await personWithRole(ds(), 'grid_leader', 'SG-TT-V02-L1-S01');
    leaderToken = await token(leader.personId);
  });

  /** 代办 by the 台头镇 leader for whoever owns `phone`, under a name he made up. */
  const enterFor = (phone: string, requesterName = '张三') =>
    api('POST', '/api/requests/on-behalf', leaderToken, {
      clientRequestId: `proxy-entry-${++serial}-${Date.now()}`,
      unitId: leader.unitId,
      requesterPhone: phone,
      requesterName,
      category: 'other',
      description: '帮邻居登记：门口下水道堵了',
    });

  async function expectNothingOf(person: { name: string }, phone: string) {
    const entered = await enterFor(phone);
    expect(entered.status).toBe(201);
    // The name he typed, masked to him like any requester's to staff (docs/privacy.md).
    expect(entered.body.requesterName).toBe('张*');
    expect(JSON.stringify(entered.body)).not.toContain(person.name);
    // Nor later, on the matter's page or in his inbox.
    const seen = await api('GET', `/api/requests/${entered.body.id}`, leaderToken);
    expect(seen.body.requesterName).toBe('张*');
    expect(JSON.stringify(seen.body)).not.toContain(person.name);
    const inbox = (await api('GET', '/api/requests/inbox?limit=100', leaderToken)).body as { id: number; requesterName: string }[];
    expect(inbox.find((r) => r.id === entered.body.id)?.requesterName).toBe('张*');
    return entered.body as { id: number; version: number };
  }

  it('with the county admin’s phone (whom he cannot look up), another town’s leader’s, or a villager’s of the next grid: only the name he typed comes back', async () => {
    const admin = await personWithRole(ds(), 'county_admin', 'SG');
    expect((await api('GET', `/api/people/${admin.personId}/phone`, leaderToken)).status).toBe(404);
    await expectNothingOf(admin, admin.phone!);

    const otherTown = await personWithRole(ds(), 'grid_leader', 'SG-SF-V01-L1-S01');
    await expectNothingOf(otherTown, otherTown.phone!);

    const neighbour = { name: '孙桂芝', phone: '13511112222' };
    await addVillager(ds(), neighbour, (await unitByCode(ds(), 'SG-TT-V02-L1-S02')).id);
    await expectNothingOf(neighbour, neighbour.phone);
  });

  it('the person named sees it marked with who entered it, is told in the app, and 「这不是我的诉求」 withdraws it and tells the hotline office', async () => {
    const admin = await personWithRole(ds(), 'county_admin', 'SG');
    const adminToken = await token(admin.personId);
    const entered = await expectNothingOf(admin, admin.phone!);

    const mine = (await api('GET', '/api/requests/mine', adminToken)).body as { id: number; enteredForRequester: boolean }[];
    expect(mine.find((r) => r.id === entered.id)).toMatchObject({ enteredForRequester: true });
    const page = await api('GET', `/api/requests/${entered.id}`, adminToken);
    expect(page.body).toMatchObject({ enteredForRequester: true, enteredByName: leader.name });
    expect(page.body.actions).toEqual(expect.arrayContaining(['withdraw', 'disown']));

    const told = (await api('GET', '/api/me/notifications', adminToken)).body.items as { kind: string; requestId: number; body: string }[];
    const message = told.find((n) => n.requestId === entered.id);
    expect(message).toMatchObject({ kind: 'entered_for_you' });
    expect(message!.body).toContain('这不是我的诉求');

    // Nobody but the person named may disown it: not the leader who entered it.
    expect((await api('POST', `/api/requests/${entered.id}/disown`, leaderToken, { version: page.body.version })).status).toBe(403);

    const disowned = await api('POST', `/api/requests/${entered.id}/disown`, adminToken, { version: page.body.version, note: '我没有找人代办过' });
    expect(disowned.status).toBe(200);
    expect(disowned.body).toMatchObject({ state: 'withdrawn', actions: [] });
    expect(disowned.body.timeline.at(-1)).toMatchObject({ action: 'disown', toState: 'withdrawn', note: '当事人说这不是他的诉求：我没有找人代办过' });
    const rows = await ds().query('SELECT action, fromState, toState FROM request_event WHERE requestId = ? ORDER BY id', [entered.id]);
    expect(rows.map((r: { action: string; fromState: string | null; toState: string }) => `${r.action}:${r.fromState ?? ''}>${r.toState}`)).toEqual([
      'submit:>submitted',
      'disown:submitted>withdrawn',
    ]);

    // 台头镇's hotline office hears of it, by the matter's number only.
    const staff = await personWithRole(ds(), 'hotline_staff', 'SG-TT');
    const office = (await api('GET', '/api/me/notifications', await token(staff.personId))).body.items as { kind: string; requestId: number; body: string }[];
    const alert = office.find((n) => n.requestId === entered.id && n.kind === 'disowned');
    expect(alert).toBeDefined();
    expect(alert!.body).not.toContain(admin.name);
    expect((await api('GET', `/api/requests/${entered.id}`, leaderToken)).body.state).toBe('withdrawn');
  });

  it('a matter one raised oneself cannot be disowned (withdraw is for that)', async () => {
    const villagerId = await addVillager(ds(), { name: '周小红', phone: '13522223333' }, leader.unitId);
    const villager = await token(villagerId);
    const own = await api('POST', '/api/requests', villager, { clientRequestId: `own-${Date.now()}`, category: 'other', description: '自己的事' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ enteredForRequester: false, enteredByName: null });
    expect(own.body.actions).toEqual(['withdraw']);
    expect((await api('POST', `/api/requests/${own.body.id}/disown`, villager, { version: own.body.version })).body).toMatchObject({ code: 'FORBIDDEN' });

    // Nor one the leader entered for his own phone.
    const self = await enterFor(leader.phone!, leader.name);
    expect(self.body.actions).not.toContain('disown');
  });
});
