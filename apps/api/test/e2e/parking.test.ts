import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestTimer } from '../../src/clocks/request-timer.entity';
import { ManualClock } from '../../src/common/clock';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { useWechatAppOnClock } from '../support/wechat-app';
import { call } from '../support/http';
import { townOfficeAround, wechatVillager, type SeededPerson, type TownOfficeSeat } from '../support/people';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);

interface Event {
  action: string;
  actorName: string;
  note: string | null;
}

/**
 * 挂账 end to end, on the default PARK_RULES (a progress note every 30 days, plan dates up to 366
 * days ahead, hotline staff approve). Matters received Thursday 2026-12-03 10:00 and accepted as
 * simple at 10:10: due Friday 12-04 10:00. The jobs are run by hand at the times the test names.
 */
describe(`parking matters, 挂账 (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-12-03T10:00:00'));
  const { under, fake } = useWechatAppOnClock(clock);

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const ds = () => under.api.app.get(DataSource);
  const runJobs = (text: string) => under.api.app.get(JobScheduler).runOnce(at(text));
  let gridId: number;
  let people: Record<TownOfficeSeat, SeededPerson>;
  let tokens: Record<TownOfficeSeat, string>;
  beforeAll(async () => {
    ({ gridId, people, tokens } = await townOfficeAround(ds(), under.api.baseUrl, 'SG-TT-V02-L1-S01'));
  });

  async function acceptedMatter(): Promise<{ id: number; requester: string }> {
    clock.set(at('2026-12-03T10:00:00'));
    const requester = await wechatVillager(under.api.baseUrl, fake(), gridId);
    const submitted = await api('POST', '/api/requests', requester, {
      clientRequestId: randomBytes(10).toString('hex'),
      category: 'infrastructure',
      description: '村里主路塌了一段，要等开春化冻才能重新铺',
    });
    expect(submitted.status).toBe(201);
    clock.set(at('2026-12-03T10:10:00'));
    expect((await act(submitted.body.id, 'leader', 'accept', { contactMethod: 'call', complexity: 'simple' })).status).toBe(200);
    return { id: submitted.body.id, requester };
  }

  async function act(id: number, who: TownOfficeSeat, action: string, body: Record<string, unknown> = {}) {
    const { version } = (await api('GET', `/api/requests/${id}`, tokens.leader)).body as { version: number };
    return api('POST', `/api/requests/${id}/actions/${action}`, tokens[who], { version, ...body });
  }

  const told = async (kind: string, id: number): Promise<{ personId: number; body: string }[]> =>
    (await ds().query('SELECT personId AS "personId", body FROM notification WHERE kind = ? AND requestId = ? ORDER BY id', [kind, id])).map(
      (row: { personId: number | string; body: string }) => ({ personId: Number(row.personId), body: row.body }),
    );
  const timerOf = (id: number) => ds().getRepository(RequestTimer).findOneBy({ requestId: id });
  const rowsOf = async (id: number, token: string) => ((await api('GET', `/api/requests/${id}`, token)).body.timeline as Event[]).map((e) => e.action);

  const REASON = '路基要等开春化冻后才能重新铺，冬天施工质量保证不了';

  it('asked, approved by hotline staff: off the ladder, 挂账 with its plan date for the requester; progress owed monthly; back on the ladder once the plan date passes', async () => {
    const { id, requester } = await acceptedMatter();
    clock.set(at('2026-12-03T14:00:00'));
    const asked = await act(id, 'leader', 'requestPark', { parkUntil: '2027-03-31', note: REASON });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ parkAskedDate: '2027-03-31', parkPlanDate: null, stateLabel: '已受理' });
    expect((await told('park_asked', id)).map((m) => m.personId)).toContain(people.hotline.personId);

    // Not parked until approved: the clock still runs, the handler may not ask twice, nor approve his own ask.
    expect(await timerOf(id)).toMatchObject({ clock: 'completion', dueAt: at('2026-12-04T10:00:00') });
    const twice = await act(id, 'leader', 'requestPark', { parkUntil: '2027-04-30', note: '再申请一次' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'PARK_PENDING', field: 'action' });
    expect((await act(id, 'leader', 'approvePark')).status).toBe(403);
    expect((await api('GET', `/api/requests/${id}`, tokens.leader)).body.actions).not.toContain('approvePark');
    const seenByHotline = (await api('GET', `/api/requests/${id}`, tokens.hotline)).body;
    expect(seenByHotline.actions).toEqual(expect.arrayContaining(['approvePark', 'declinePark']));
    // The requester sees nothing of the ask.
    expect(await rowsOf(id, requester)).toEqual(['submit', 'accept']);

    clock.set(at('2026-12-03T15:00:00'));
    const approved = await act(id, 'hotline', 'approvePark');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ parkAskedDate: null, parkPlanDate: '2027-03-31', stateLabel: '挂账', state: 'accepted' });
    expect(new Date(approved.body.parkProgressDueAt)).toEqual(at('2027-01-02T15:00:00'));
    expect(approved.body.actions).toEqual(expect.arrayContaining(['unpark']));
    expect(approved.body.actions).not.toContain('requestPark');
    expect(await timerOf(id)).toBeNull();
    expect((await told('park_approved', id)).map((m) => m.personId)).toContain(people.leader.personId);

    // The requester: 挂账 with the plan date, a public row with the date and the handler's reason, and a message.
    const seen = (await api('GET', `/api/requests/${id}`, requester)).body;
    expect(seen).toMatchObject({ stateLabel: '挂账', parkPlanDate: '2027-03-31', parkProgressDueAt: null });
    const rows = seen.timeline as Event[];
    expect(rows.map((e) => e.action)).toEqual(['submit', 'accept', 'approvePark']);
    expect(rows[2]!.note).toBe(`计划2027年3月31日前办结：${REASON}`);
    const message = await told('parked', id);
    expect(message).toHaveLength(1);
    expect(message[0]!.body).toContain('2027年3月31日');

    // Past the old deadline and for weeks: no escalation, no overdue message.
    const quiet = await runJobs('2026-12-20T09:00:00');
    expect(quiet.escalateOverdue.escalated).toBe(0);
    expect(await told('overdue', id)).toEqual([]);
    expect(await told('completion_reminder', id)).toEqual([]);
    // Nor is it overdue now: off the 超时督办 board, and its rows keep no deadline (the reports' open-and-overdue reads them).
    clock.set(at('2026-12-20T09:00:00'));
    const board = (await api('GET', '/api/requests/overdue', tokens.hotline)).body as { id: number }[];
    expect(board.map((m) => m.id)).not.toContain(id);
    const parkRows = ((await api('GET', `/api/requests/${id}`, tokens.hotline)).body.timeline as (Event & { dueAt: string | null })[]).filter(
      (e) => e.action === 'approvePark',
    );
    expect(parkRows.map((e) => e.dueAt)).toEqual([null]);

    // A month on, the progress note is owed: the handlers are reminded once.
    const owed = await runJobs('2027-01-02T15:00:00');
    expect(owed.parkedMatters.reminded).toBeGreaterThanOrEqual(1);
    const reminders = await told('park_progress_due', id);
    expect(reminders.map((m) => m.personId)).toContain(people.leader.personId);
    await runJobs('2027-01-02T16:00:00');
    expect(await told('park_progress_due', id)).toHaveLength(reminders.length);

    // The handler reports progress (public, with the next one owed 30 days on).
    clock.set(at('2027-01-03T09:00:00'));
    const progress = await act(id, 'leader', 'parkProgress', { note: '已联系施工队，材料已备齐，等化冻' });
    expect(progress.status).toBe(200);
    expect(new Date(progress.body.parkProgressDueAt)).toEqual(at('2027-02-02T09:00:00'));
    expect(await rowsOf(id, requester)).toEqual(['submit', 'accept', 'approvePark', 'parkProgress']);

    // The plan date passes (its end: 2027-04-01 00:00): unparked by the system, and the ladder takes it up in the same run.
    const overdue = await runJobs('2027-04-01T08:00:00');
    expect(overdue.parkedMatters.unparked).toBeGreaterThanOrEqual(1);
    expect(overdue.escalateOverdue.escalated).toBeGreaterThanOrEqual(1);
    const after = (await api('GET', `/api/requests/${id}`, requester)).body;
    expect(after).toMatchObject({ stateLabel: '已受理', parkPlanDate: null });
    const unparked = (after.timeline as Event[]).find((e) => e.action === 'unpark')!;
    expect(unparked).toMatchObject({ actorName: '系统' });
    expect(unparked.note).toContain('2027-03-31');
    expect((await told('overdue', id)).length).toBeGreaterThanOrEqual(1);
    expect((await told('unparked', id)).map((m) => m.personId)).toContain(people.leader.personId);
    expect(await timerOf(id)).toMatchObject({ clock: 'completion', dueAt: at('2026-12-04T10:00:00') });
    clock.set(at('2027-04-01T08:00:00'));
    const backOnBoard = (await api('GET', '/api/requests/overdue', tokens.hotline)).body as { id: number }[];
    expect(backOnBoard.map((m) => m.id)).toContain(id);
  });

  it('declined with a reason: nothing parked, the handler is told, the requester sees nothing; parked later, the handler resumes it himself', async () => {
    const { id, requester } = await acceptedMatter();
    clock.set(at('2026-12-03T11:00:00'));
    expect((await act(id, 'leader', 'requestPark', { parkUntil: '2027-01-15', note: REASON })).status).toBe(200);
    const withoutReason = await act(id, 'hotline', 'declinePark');
    expect(withoutReason.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    const declined = await act(id, 'hotline', 'declinePark', { note: '先铺碎石临时通行，不必挂账' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ parkAskedDate: null, parkPlanDate: null });
    expect((await told('park_declined', id)).map((m) => m.personId)).toContain(people.leader.personId);
    expect(await told('parked', id)).toEqual([]);
    expect(await rowsOf(id, requester)).toEqual(['submit', 'accept']);
    expect(await timerOf(id)).toMatchObject({ clock: 'completion' });
    const again = await act(id, 'hotline', 'declinePark', { note: '再拒绝一次' });
    expect(again.body).toMatchObject({ code: 'REQUEST_WRONG_STATE', field: 'action' });

    // Asked again, approved with an earlier date, then resumed by the handler before it.
    expect((await act(id, 'leader', 'requestPark', { parkUntil: '2027-01-15', note: REASON })).status).toBe(200);
    const earlier = await act(id, 'hotline', 'approvePark', { parkUntil: '2026-12-31' });
    expect(earlier.status).toBe(200);
    expect(earlier.body.parkPlanDate).toBe('2026-12-31');
    clock.set(at('2026-12-10T09:00:00'));
    const resumed = await act(id, 'leader', 'unpark');
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ parkPlanDate: null, parkProgressDueAt: null });
    expect(await timerOf(id)).toMatchObject({ clock: 'completion', dueAt: at('2026-12-04T10:00:00') });
    const resolved = await act(id, 'leader', 'resolve', { note: '碎石路已铺好' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.completionLate).toBe(true);
  });

  it('refusals: no date, a past or impossible or too distant date, the wrong people, steps that only fit while parked', async () => {
    const { id } = await acceptedMatter();
    clock.set(at('2026-12-03T11:00:00'));
    const noDate = await act(id, 'leader', 'requestPark', { note: REASON });
    expect(noDate.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parkUntil' });
    for (const [day, words] of [
      ['2026-12-02', '已经过去'],
      ['2027-02-30', '有效的日期'],
      ['2027-12-05', '366天'],
    ] as const) {
      const bad = await act(id, 'leader', 'requestPark', { parkUntil: day, note: REASON });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parkUntil' });
      expect(bad.body.message).toContain(words);
    }
    const notADate = await act(id, 'leader', 'requestPark', { parkUntil: 'next spring', note: REASON });
    expect(notADate.status).toBe(400);
    const noReason = await act(id, 'leader', 'requestPark', { parkUntil: '2027-03-31' });
    expect(noReason.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    // Only the handler asks; nothing waits to approve; the date belongs to the park steps only.
    expect((await act(id, 'hotline', 'requestPark', { parkUntil: '2027-03-31', note: REASON })).status).toBe(403);
    expect((await act(id, 'hotline', 'approvePark')).body).toMatchObject({ code: 'REQUEST_WRONG_STATE', field: 'action' });
    expect((await act(id, 'leader', 'followUp', { note: '跟进', parkUntil: '2027-03-31' })).body).toMatchObject({ field: 'parkUntil' });
    expect((await act(id, 'leader', 'parkProgress', { note: '进展' })).body).toMatchObject({ code: 'REQUEST_WRONG_STATE', field: 'action' });
    expect((await act(id, 'leader', 'unpark')).body).toMatchObject({ code: 'REQUEST_WRONG_STATE', field: 'action' });
    // The approver may not set a past date either.
    expect((await act(id, 'leader', 'requestPark', { parkUntil: '2027-03-31', note: REASON })).status).toBe(200);
    const pastApproval = await act(id, 'hotline', 'approvePark', { parkUntil: '2026-11-30' });
    expect(pastApproval.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parkUntil' });
    // The town leader is no approver under the default rules.
    const byLeader = await act(id, 'townLeader', 'approvePark');
    expect(byLeader.status).toBe(403);
    expect(byLeader.body.message).toContain('热线办工作人员');
    // A result while the ask waits ends the ask.
    const resolved = await act(id, 'leader', 'resolve', { note: '已临时修补' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.parkAskedDate).toBeNull();
  });
});
