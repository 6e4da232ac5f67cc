import { beforeAll, describe, expect, it } from '@jest/globals';
import { explainDeadlines } from '@gridloop/domain/dist/clocks/deadline-explanation';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestTimer } from '../../src/clocks/request-timer.entity';
import { ManualClock } from '../../src/common/clock';
import { useWechatAppOnClock } from '../support/wechat-app';
import { call } from '../support/http';
import { townOfficeAround, wechatVillager, type SeededPerson, type TownOfficeSeat } from '../support/people';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);

interface Event {
  action: string;
  note: string | null;
  dueAt: string | null;
}

/**
 * 延期申请 end to end, on the default EXTENSION_RULES (ask at least 4 office hours before the
 * deadline, 1–5 working days, 2 per matter; hotline staff approve the first, the town leader the
 * second). Matters received Thursday 2026-12-03 10:00 as simple: due Friday 12-04 10:00, so the
 * last moment to ask is Thursday 18:00 (office hours 8:00–20:00).
 */
describe(`deadline extensions (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-12-03T10:00:00'));
  const { under, fake } = useWechatAppOnClock(clock);

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const ds = () => under.api.app.get(DataSource);
  let gridId: number;
  let people: Record<TownOfficeSeat, SeededPerson>;
  let tokens: Record<TownOfficeSeat, string>;
  beforeAll(async () => {
    ({ gridId, people, tokens } = await townOfficeAround(ds(), under.api.baseUrl, 'SG-TT-V02-L1-S01'));
  });
  const villager = () => wechatVillager(under.api.baseUrl, fake(), gridId);

  /** A matter received Thursday 10:00 and accepted as simple at 10:10: due Friday 10:00. */
  async function acceptedMatter(): Promise<{ id: number; requester: string }> {
    clock.set(at('2026-12-03T10:00:00'));
    const requester = await villager();
    const submitted = await api('POST', '/api/requests', requester, {
      clientRequestId: randomBytes(10).toString('hex'),
      category: 'infrastructure',
      description: '村东头的排水沟堵了，下雨就漫到路上',
    });
    expect(submitted.status).toBe(201);
    clock.set(at('2026-12-03T10:10:00'));
    const accepted = await act(submitted.body.id, 'leader', 'accept', { contactMethod: 'call', complexity: 'simple' });
    expect(accepted.status).toBe(200);
    expect(new Date(accepted.body.completionDueAt)).toEqual(at('2026-12-04T10:00:00'));
    return { id: submitted.body.id, requester };
  }

  /** One step at the version the matter has now. */
  async function act(id: number, who: keyof typeof tokens, action: string, body: Record<string, unknown> = {}) {
    const { version } = (await api('GET', `/api/requests/${id}`, tokens.leader)).body as { version: number };
    return api('POST', `/api/requests/${id}/actions/${action}`, tokens[who], { version, ...body });
  }

  const told = async (kind: string, id: number): Promise<{ personId: number; body: string }[]> =>
    (await ds().query('SELECT personId AS "personId", body FROM notification WHERE kind = ? AND requestId = ? ORDER BY id', [kind, id])).map(
      (row: { personId: number | string; body: string }) => ({ personId: Number(row.personId), body: row.body }),
    );

  const REASON = '要等镇里派挖掘机来清淤，周末派不出来';

  it('asked, then approved shortened: the deadline moves on working days over the weekend, the requester sees it and is told', async () => {
    const { id, requester } = await acceptedMatter();
    clock.set(at('2026-12-03T14:00:00'));
    const asked = await act(id, 'leader', 'requestExtension', { extensionDays: 3, note: REASON });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ extensionAskedDays: 3 });
    expect(new Date(asked.body.completionDueAt)).toEqual(at('2026-12-04T10:00:00'));
    expect((await told('extension_asked', id)).map((m) => m.personId)).toContain(people.hotline.personId);

    // The hotline office sees the ask and may decide it; the handler may not ask twice meanwhile.
    const seenByHotline = (await api('GET', `/api/requests/${id}`, tokens.hotline)).body;
    expect(seenByHotline.actions).toEqual(expect.arrayContaining(['approveExtension', 'declineExtension']));
    const again = await act(id, 'leader', 'requestExtension', { extensionDays: 1, note: '再申请一次' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'EXTENSION_PENDING', field: 'action' });

    clock.set(at('2026-12-03T15:00:00'));
    const approved = await act(id, 'hotline', 'approveExtension', { extensionDays: 2 });
    expect(approved.status).toBe(200);
    // Friday 10:00 + 2 working days, Saturday and Sunday skipped: Tuesday 10:00.
    expect(new Date(approved.body.completionDueAt)).toEqual(at('2026-12-08T10:00:00'));
    expect(approved.body.extensionAskedDays).toBeNull();
    const timer = await ds().getRepository(RequestTimer).findOneByOrFail({ requestId: id });
    expect(timer).toMatchObject({ clock: 'completion', dueAt: at('2026-12-08T10:00:00') });

    // The requester: a public row with the new date and the handler's reason; the ask itself stays between staff.
    const seen = (await api('GET', `/api/requests/${id}`, requester)).body;
    const rows = seen.timeline as Event[];
    expect(rows.map((e) => e.action)).toEqual(['submit', 'accept', 'approveExtension']);
    expect(rows[2]).toMatchObject({ note: REASON });
    expect(new Date(rows[2]!.dueAt!)).toEqual(at('2026-12-08T10:00:00'));
    const message = await told('deadline_extended', id);
    expect(message).toHaveLength(1);
    expect(message[0]!.body).toContain('12月8日 10:00');
    expect((await told('extension_approved', id)).map((m) => m.personId)).toContain(people.leader.personId);

    // 「怎么算的？」 on the requester's page, from what the API gave her.
    const explained = explainDeadlines({
      receivedAt: new Date(seen.createdAt),
      contactDueAt: new Date(seen.contactDueAt),
      completionDueAt: new Date(seen.completionDueAt),
      complexity: seen.complexity,
      cityDueAt: null,
      extensions: rows.filter((e) => e.action === 'approveExtension').map((e) => ({ dueAt: new Date(e.dueAt!), reason: e.note })),
    });
    expect(explained.lines).toContain(`经批准延期2个工作日（理由：${REASON}），应在12月8日（周二）10:00 前办好`);
    expect(explained.lines.join('')).not.toContain('调整过');

    // The second extension is the town leader's to approve, and there is no third.
    clock.set(at('2026-12-07T09:00:00'));
    expect((await act(id, 'leader', 'requestExtension', { extensionDays: 1, note: '挖掘机坏了，还要一天' })).status).toBe(200);
    const byHotline = await act(id, 'hotline', 'approveExtension');
    expect(byHotline.status).toBe(403);
    expect(byHotline.body.message).toContain('镇领导');
    const byLeader = await act(id, 'townLeader', 'approveExtension');
    expect(byLeader.status).toBe(200);
    expect(new Date(byLeader.body.completionDueAt)).toEqual(at('2026-12-09T10:00:00'));
    const third = await act(id, 'leader', 'requestExtension', { extensionDays: 1, note: '还要一天' });
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ code: 'EXTENSION_LIMIT_REACHED', field: 'action' });
  });

  it('asked, then declined with a reason: nothing moves, the handler is told, the requester sees nothing', async () => {
    const { id, requester } = await acceptedMatter();
    clock.set(at('2026-12-03T11:00:00'));
    expect((await act(id, 'leader', 'requestExtension', { extensionDays: 2, note: REASON })).status).toBe(200);
    const withoutReason = await act(id, 'hotline', 'declineExtension');
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    const declined = await act(id, 'hotline', 'declineExtension', { note: '清淤用人工就行，不用等挖掘机' });
    expect(declined.status).toBe(200);
    expect(new Date(declined.body.completionDueAt)).toEqual(at('2026-12-04T10:00:00'));
    expect(declined.body.extensionAskedDays).toBeNull();
    expect((await told('extension_declined', id)).map((m) => m.personId)).toContain(people.leader.personId);
    expect(await told('deadline_extended', id)).toEqual([]);
    const seen = (await api('GET', `/api/requests/${id}`, requester)).body;
    expect((seen.timeline as Event[]).map((e) => e.action)).toEqual(['submit', 'accept']);
    // Nothing waits now: deciding again is refused.
    const twice = await act(id, 'hotline', 'declineExtension', { note: '再拒绝一次' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'REQUEST_WRONG_STATE', field: 'action' });
  });

  it('refusals: too late, bad days, granting more than asked, the wrong people', async () => {
    const { id } = await acceptedMatter();
    clock.set(at('2026-12-03T11:00:00'));
    for (const days of [6, 0, 1.5]) {
      const bad = await act(id, 'leader', 'requestExtension', { extensionDays: days, note: REASON });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'extensionDays' });
    }
    const noDays = await act(id, 'leader', 'requestExtension', { note: REASON });
    expect(noDays.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'extensionDays' });
    const noReason = await act(id, 'leader', 'requestExtension', { extensionDays: 2 });
    expect(noReason.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    // Only the handler asks; the town leader does not decide a first extension.
    expect((await act(id, 'hotline', 'requestExtension', { extensionDays: 2, note: REASON })).status).toBe(403);
    expect((await act(id, 'leader', 'requestExtension', { extensionDays: 2, note: REASON })).status).toBe(200);
    const wrongApprover = await act(id, 'townLeader', 'approveExtension');
    expect(wrongApprover.status).toBe(403);
    expect(wrongApprover.body.message).toContain('热线办工作人员');
    expect((await act(id, 'leader', 'approveExtension')).status).toBe(403);
    const tooMany = await act(id, 'hotline', 'approveExtension', { extensionDays: 3 });
    expect(tooMany.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'extensionDays' });
    expect(tooMany.body.message).toContain('不能超过申请的天数');

    // Another matter, asked a minute after the lead ran out (Thursday 18:00 for Friday 10:00).
    const late = await acceptedMatter();
    clock.set(at('2026-12-03T18:01:00'));
    const tooLate = await act(late.id, 'leader', 'requestExtension', { extensionDays: 2, note: REASON });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body).toMatchObject({ code: 'EXTENSION_TOO_LATE', field: 'action' });
    expect(tooLate.body.message).toContain('4个工作小时');
  });
});
