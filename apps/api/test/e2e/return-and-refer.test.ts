import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { useWechatAppOnClock } from '../support/wechat-app';
import { call } from '../support/http';
import { demoToken, personWithRole, townOfficeAround, unitByCode, wechatVillager, type TownOfficeSeat } from '../support/people';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);

interface Event {
  action: string;
  note: string | null;
  public: boolean;
}

/**
 * 退单 and 不予受理 with a reason, end to end on the default REFUSAL_RULES: a unit may return a
 * matter within 2 office hours (8:00–20:00 on working days) of when it reached it; a refusal names
 * its reason, and "not ours" where the requester should go. December 2026: Thursday the 3rd is a
 * working day, the 5th and 6th a weekend.
 */
describe(`退单 and refusal reasons (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-12-03T10:00:00'));
  const { under, fake } = useWechatAppOnClock(clock);

  const api = (method: string, path: string, token: string | undefined, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const ds = () => under.api.app.get(DataSource);
  let gridId: number;
  let officeId: number;
  let otherGridId: number;
  let townId: number;
  let tokens: Record<TownOfficeSeat | 'otherLeader', string>;
  let hotlinePersonId: number;
  beforeAll(async () => {
    const around = await townOfficeAround(ds(), under.api.baseUrl, 'SG-TT-V02-L1-S01');
    gridId = around.gridId;
    hotlinePersonId = around.people.hotline.personId;
    officeId = (await unitByCode(ds(), 'SG-TT-HOTLINE')).id;
    otherGridId = (await unitByCode(ds(), 'SG-TT-V03-L1-S01')).id;
    townId = (await unitByCode(ds(), 'SG-TT')).id;
    const otherLeader = await personWithRole(ds(), 'grid_leader', 'SG-TT-V03-L1-S01');
    tokens = { ...around.tokens, otherLeader: await demoToken(under.api.baseUrl, otherLeader.personId) };
  });

  /** A villager's matter, received by the grid at `when`. */
  async function matterAt(when: string, description = '村里的路灯坏了三盏，晚上看不清路'): Promise<{ id: number; requester: string }> {
    clock.set(at(when));
    const requester = await wechatVillager(under.api.baseUrl, fake(), gridId);
    const submitted = await api('POST', '/api/requests', requester, {
      clientRequestId: randomBytes(10).toString('hex'),
      category: 'infrastructure',
      description,
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.handlerUnitId).toBe(gridId);
    return { id: submitted.body.id, requester };
  }

  /** One step at the version the matter has now (read by the hotline office, which sees every matter of the town). */
  async function act(id: number, who: keyof typeof tokens, action: string, body: Record<string, unknown> = {}) {
    const { version } = (await api('GET', `/api/requests/${id}`, tokens.hotline)).body as { version: number };
    return api('POST', `/api/requests/${id}/actions/${action}`, tokens[who], { version, ...body });
  }

  const told = async (kind: string, id: number): Promise<number[]> =>
    (await ds().query('SELECT personId AS "personId" FROM notification WHERE kind = ? AND requestId = ? ORDER BY id', [kind, id])).map(
      (row: { personId: number | string }) => Number(row.personId),
    );

  const NOT_OURS = '这是自来水公司的管网，不归村里管';

  it('returned within the window: back in the office’s dispatch queue, the office told, the requester sees nothing of it, the grid not credited', async () => {
    const { id, requester } = await matterAt('2026-12-03T10:00:00');
    const kept = await matterAt('2026-12-03T10:05:00', '广场的垃圾桶满了没人清');
    // 11:30: past the hour for first contact, within the 2 office hours for 退单.
    clock.set(at('2026-12-03T11:30:00'));
    expect((await api('GET', `/api/requests/${id}`, tokens.leader)).body.actions).toContain('returnToDispatch');
    const withoutReason = await act(id, 'leader', 'returnToDispatch');
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    const returned = await act(id, 'leader', 'returnToDispatch', { note: NOT_OURS });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'submitted', handlerUnitId: officeId });
    // The next holder's contact clock starts at the return.
    expect(new Date(returned.body.contactDueAt)).toEqual(at('2026-12-03T12:30:00'));
    // The office reads why; the grid, no longer holding it, no longer reads the staff's rows.
    const byOffice = (await api('GET', `/api/requests/${id}`, tokens.hotline)).body;
    expect(byOffice.timeline.at(-1)).toMatchObject({ action: 'returnToDispatch', note: `退回热线办重新派单：${NOT_OURS}`, public: false });
    expect(await told('returned', id)).toContain(hotlinePersonId);

    // It waits for dispatch; the grid no longer holds it, the office cannot return it to itself.
    const queue = (await api('GET', '/api/requests/dispatch-queue', tokens.hotline)).body as { id: number }[];
    expect(queue.map((r) => r.id)).toContain(id);
    const atOffice = (await api('GET', `/api/requests/${id}`, tokens.hotline)).body;
    expect(atOffice.actions).toContain('transfer');
    expect(atOffice.actions).not.toContain('returnToDispatch');
    expect((await act(id, 'hotline', 'returnToDispatch', { note: '再退' })).body).toMatchObject({ code: 'REQUEST_WRONG_STATE', field: 'action' });
    expect((await act(id, 'leader', 'returnToDispatch', { note: NOT_OURS })).status).toBe(403);
    // The requester: her matter is still waiting; the exchange between staff is not hers to read.
    const seen = (await api('GET', `/api/requests/${id}`, requester)).body;
    expect((seen.timeline as Event[]).map((e) => e.action)).toEqual(['submit']);

    // Dispatched on at 14:00: the new unit's own window runs from then, so it may return it at 15:59.
    clock.set(at('2026-12-03T14:00:00'));
    expect((await act(id, 'hotline', 'transfer', { targetUnitId: otherGridId, note: '请三村网格处理' })).status).toBe(200);
    clock.set(at('2026-12-03T15:59:00'));
    const again = await act(id, 'otherLeader', 'returnToDispatch', { note: '也不归我们' });
    expect(again.status).toBe(200);
    expect(again.body.handlerUnitId).toBe(officeId);

    // The board: the grid received the kept matter, not the returned one, though its first contact was late.
    const drill = async (figure: string) =>
      (await api('GET', `/api/public/reports/ranking/requests?townId=${townId}&month=2026-12&unitId=${gridId}&figure=${figure}`, undefined)).body as {
        requests: { requestId: number }[];
      };
    const received = (await drill('received')).requests.map((r) => r.requestId);
    expect(received).toContain(kept.id);
    expect(received).not.toContain(id);
  });

  it('after the window only a transfer request remains: 退单 refused with RETURN_WINDOW_PASSED; the weekend does not count', async () => {
    const { id } = await matterAt('2026-12-03T10:00:00');
    clock.set(at('2026-12-03T12:00:00'));
    expect((await api('GET', `/api/requests/${id}`, tokens.leader)).body.actions).toContain('returnToDispatch');
    clock.set(at('2026-12-03T12:01:00'));
    // Past the window: the page no longer offers it, and the step is refused.
    expect((await api('GET', `/api/requests/${id}`, tokens.leader)).body.actions).not.toContain('returnToDispatch');
    const late = await act(id, 'leader', 'returnToDispatch', { note: NOT_OURS });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'RETURN_WINDOW_PASSED', field: 'action' });
    expect(late.body.message).toContain('2个工作小时');
    expect(late.body.message).toContain('申请转办');
    const after = (await api('GET', `/api/requests/${id}`, tokens.hotline)).body;
    expect(after).toMatchObject({ handlerUnitId: gridId, state: 'submitted' });
    expect((after.timeline as Event[]).map((e) => e.action)).toEqual(['submit']);
    expect((await act(id, 'leader', 'requestTransfer', { note: NOT_OURS })).status).toBe(200);

    // Received Friday 19:00: one office hour that evening, the second Monday 08:00–09:00.
    const friday = await matterAt('2026-12-04T19:00:00');
    clock.set(at('2026-12-07T08:59:00'));
    expect((await act(friday.id, 'leader', 'returnToDispatch', { note: NOT_OURS })).status).toBe(200);
    const monday = await matterAt('2026-12-04T19:00:00');
    clock.set(at('2026-12-07T09:01:00'));
    expect((await act(monday.id, 'leader', 'returnToDispatch', { note: NOT_OURS })).body).toMatchObject({ code: 'RETURN_WINDOW_PASSED' });
  });

  it('a refusal names its reason; "not ours" says where to go, which the requester reads; the register shows the kind', async () => {
    const { id, requester } = await matterAt('2026-12-03T10:00:00', '老板拖欠我三个月工资不给');
    clock.set(at('2026-12-03T10:20:00'));
    const refused = async (body: Record<string, unknown>) => (await act(id, 'leader', 'reject', { note: '这是劳动报酬纠纷', ...body })).body;
    expect(await refused({})).toMatchObject({ code: 'VALIDATION_FAILED', field: 'rejectReason' });
    expect(await refused({ rejectReason: 'lazy' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'rejectReason' });
    const nowhere = await refused({ rejectReason: 'not_ours' });
    expect(nowhere).toMatchObject({ code: 'VALIDATION_FAILED', field: 'referTo' });
    expect(nowhere.message).toContain('去哪里反映');
    expect(await refused({ rejectReason: 'not_ours', referTo: '   ' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'referTo' });
    expect(await refused({ rejectReason: 'duplicate', referTo: '法院' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'referTo' });
    expect(await refused({ rejectReason: 'not_ours', referTo: '劳动人事争议仲裁委员会', note: '' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'note',
    });
    // A reason belongs to a refusal only.
    expect((await act(id, 'leader', 'accept', { contactMethod: 'call', rejectReason: 'duplicate' })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'rejectReason',
    });
    expect((await api('GET', `/api/requests/${id}`, requester)).body.state).toBe('submitted');

    const done = await refused({ rejectReason: 'not_ours', referTo: '劳动人事争议仲裁委员会' });
    expect(done.state).toBe('rejected');
    const mine = (await api('GET', `/api/requests/${id}`, requester)).body;
    expect((mine.timeline as Event[]).at(-1)).toMatchObject({
      action: 'reject',
      public: true,
      note: '不属于本单位职责或受理范围：这是劳动报酬纠纷。建议您向劳动人事争议仲裁委员会反映',
    });

    // Confirmed at look-back: out of the grid's rates, in its exclusion register with the reason kind, for everyone.
    clock.set(at('2026-12-03T16:00:00'));
    expect((await act(id, 'hotline', 'lookBack')).status).toBe(200);
    const register = (await api('GET', `/api/public/reports/ranking/exclusions?townId=${townId}&month=2026-12&unitId=${gridId}`, undefined)).body;
    expect(register.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ requestId: id, reasonKind: 'not_ours', reasonLabel: '不属于本单位职责或受理范围', reason: null })]),
    );
  });
});
