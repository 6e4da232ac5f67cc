import { beforeAll, describe, expect, it } from '@jest/globals';
import { COMPLETION_WORKING_DAYS, workingDeadline } from '@gridloop/domain';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { demoToken, personWithRole, tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const HEADER = ['工单编号', '受理时间', '来电人', '来电号码', '诉求类别', '诉求内容', '办理时限', '是否保密'];

async function sheet(rows: unknown[][], header = HEADER): Promise<Buffer> {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet('工单');
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 12345 work orders: in from the city platform, dispatched like any matter, answered back. */
describe(`12345 hotline orders (${testDialect()})`, () => {
  const under = useAppUnderTest({
    demoLogin: true,
    auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 10_000, refreshReuseGraceSeconds: 10 },
  });
  beforeAll(() => seedDemoIfEmpty(under.api.app));
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const ds = () => under.api.app.get(DataSource);
  const orderNo = () => `SG${randomBytes(6).toString('hex').toUpperCase()}`;
  const upload = async (token: string, file: Buffer, townId: number) => {
    const form = new FormData();
    form.append('townId', String(townId));
    form.append('file', new Blob([new Uint8Array(file)]), 'orders.xlsx');
    const res = await fetch(`${under.api.baseUrl}/api/hotline/orders/xlsx`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: await res.json() };
  };

  let townId: number;
  let hotline: string;
  let townLeader: string;
  let leader: string;
  let gridId: number;
  beforeAll(async () => {
    townId = (await unitByCode(ds(), 'SG-TT')).id;
    gridId = (await unitByCode(ds(), 'SG-TT-V02-L1-S01')).id;
    hotline = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT');
    townLeader = await tokenForRole(ds(), under.api.baseUrl, 'town_leader', 'SG-TT');
    leader = await demoToken(under.api.baseUrl, (await personWithRole(ds(), 'grid_leader', 'SG-TT-V02-L1-S01')).personId);
  });

  const order = (overrides: Record<string, unknown> = {}) => ({
    orderNo: orderNo(),
    receivedAt: '2026-11-24T09:12:00+08:00',
    callerName: '李建国',
    callerPhone: '13655551234',
    content: '在镇上的工地干活，六千元工资拖欠了三个月没发',
    category: 'labour',
    cityDueAt: '2026-12-31T17:30:00+08:00',
    ...overrides,
  });

  it('imports an order once: the same order again changes nothing and answers with the same request', async () => {
    const first = order();
    const imported = await api('POST', '/api/hotline/orders', hotline, { townId, orders: [first, order()] });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 2, unchanged: 0 });
    const again = await api('POST', '/api/hotline/orders', hotline, { townId, orders: [first] });
    expect(again.body).toMatchObject({
      created: 0,
      unchanged: 1,
      orders: [{ orderNo: first.orderNo, requestId: imported.body.orders[0].requestId, created: false }],
    });
    // Two imports of the same order at once still make one request.
    const racing = order();
    await Promise.all([
      api('POST', '/api/hotline/orders', hotline, { townId, orders: [racing] }),
      api('POST', '/api/hotline/orders', hotline, { townId, orders: [racing] }),
    ]);
    expect(await ds().getRepository(RequestEntity).countBy({ hotlineOrderNo: racing.orderNo })).toBe(1);

    // It waits at the hotline office for dispatch, with the caller as requester (masked to staff).
    const request = await api('GET', `/api/requests/${imported.body.orders[0].requestId}`, hotline);
    expect(request.body).toMatchObject({
      source: 'hotline_12345',
      hotlineOrderNo: first.orderNo,
      requesterName: '李**',
      contactPhone: '136****1234',
      state: 'submitted',
    });
    expect(new Date(request.body.cityDueAt)).toEqual(new Date(first.cityDueAt));
    expect((await api('GET', '/api/requests/dispatch-queue', hotline)).body.map((r: { id: number }) => r.id)).toContain(request.body.id);
  });

  it('an order number another town already holds is refused, naming that town and the order; nothing of the batch is imported', async () => {
    const held = order();
    expect((await api('POST', '/api/hotline/orders', hotline, { townId, orders: [held] })).status).toBe(200);
    // 示范镇's hotline office is handed the same order number, second in a batch of three.
    const otherTownId = (await unitByCode(ds(), 'SG-SF')).id;
    const otherHotline = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-SF');
    const fresh = [order(), order()];
    const res = await api('POST', '/api/hotline/orders', otherHotline, {
      townId: otherTownId,
      orders: [fresh[0], { ...held, content: '同一个工单编号' }, fresh[1]],
    });
    expect(res).toMatchObject({ status: 409, body: { code: 'HOTLINE_ORDER_HELD_ELSEWHERE', field: 'orders.1.orderNo' } });
    expect(res.body.message).toContain('台头镇');
    expect(res.body.message).toContain(held.orderNo);
    expect(
      await ds()
        .getRepository(RequestEntity)
        .countBy({ hotlineOrderNo: In(fresh.map((o) => o.orderNo)) }),
    ).toBe(0);
    expect(await ds().getRepository(RequestEntity).countBy({ hotlineOrderNo: held.orderNo })).toBe(1);
    // The holding town importing it again is still the idempotent "unchanged".
    expect((await api('POST', '/api/hotline/orders', hotline, { townId, orders: [held] })).body).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('the earlier of the city’s and the town’s deadlines governs', async () => {
    const soon = order({ cityDueAt: '2026-11-25T12:00:00+08:00' });
    const later = order();
    const { orders } = (await api('POST', '/api/hotline/orders', hotline, { townId, orders: [soon, later] })).body;
    const accept = async (id: number) => {
      const seen = (await api('GET', `/api/requests/${id}`, hotline)).body;
      return (await api('POST', `/api/requests/${id}/actions/accept`, hotline, { version: seen.version, contactMethod: 'call' })).body;
    };
    const soonAccepted = await accept(orders[0].requestId);
    expect(new Date(soonAccepted.completionDueAt)).toEqual(new Date(soon.cityDueAt));
    const laterAccepted = await accept(orders[1].requestId);
    expect(new Date(laterAccepted.completionDueAt)).toEqual(workingDeadline(new Date(laterAccepted.createdAt), COMPLETION_WORKING_DAYS.complex));
  });

  it('refuses bad orders whole, naming the field', async () => {
    const before = await ds().getRepository(RequestEntity).countBy({ source: 'hotline_12345' });
    const bad = await api('POST', '/api/hotline/orders', hotline, { townId, orders: [order(), order({ callerPhone: '12345' })] });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'orders.1.callerPhone' } });
    const backwards = await api('POST', '/api/hotline/orders', hotline, { townId, orders: [order({ cityDueAt: '2026-11-20T09:00:00+08:00' })] });
    expect(backwards.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'orders.0.cityDueAt' });
    expect(await ds().getRepository(RequestEntity).countBy({ source: 'hotline_12345' })).toBe(before);
    expect((await api('POST', '/api/hotline/orders', leader, { townId, orders: [order()] })).status).toBe(403);
    const otherTown = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-SF');
    expect((await api('POST', '/api/hotline/orders', otherTown, { townId, orders: [order()] })).body).toMatchObject({ code: 'NOT_FOUND', field: 'townId' });
  });

  it('imports the office’s .xlsx (dates as Excel dates or text, categories in Chinese); any bad row refuses the file', async () => {
    const a = orderNo();
    const b = orderNo();
    const good = await sheet([
      [a, new Date(Date.UTC(2026, 10, 24, 9, 30)), '张三', '13811112222', '环境卫生', '村口垃圾堆了一周没人清', '2026-11-30 17:30', '否'],
      [b, '2026-11-24 10:05', '李四', '138 1111 3333', '', '夜里工厂噪音太大', '2026-11-30', '是'],
    ]);
    const imported = await upload(hotline, good, townId);
    expect(imported).toMatchObject({ status: 200, body: { created: 2, unchanged: 0 } });
    const rows = await ds().getRepository(RequestEntity).findBy({ hotlineOrderNo: a });
    expect(rows[0]).toMatchObject({ category: 'environment', confidential: false });
    expect(rows[0]!.cityReceivedAt).toEqual(new Date('2026-11-24T09:30:00+08:00'));
    const second = await ds().getRepository(RequestEntity).findOneByOrFail({ hotlineOrderNo: b });
    expect(second).toMatchObject({ category: 'other', confidential: true, contactPhone: '13811113333' });
    // A date alone is the end of that day.
    expect(second.cityDueAt).toEqual(new Date('2026-11-30T23:59:00+08:00'));
    expect((await upload(hotline, good, townId)).body).toMatchObject({ created: 0, unchanged: 2 });

    const before = await ds().getRepository(RequestEntity).countBy({ source: 'hotline_12345' });
    const broken = await upload(hotline, await sheet([[orderNo(), '2026-11-24 10:05', '王五', '1381111', '天气', '内容', '明天', '否']]), townId);
    expect(broken).toMatchObject({ status: 400, body: { code: 'HOTLINE_FILE_INVALID', field: 'file' } });
    expect(broken.body.message).toContain('第2行“来电号码”不是有效的手机号');
    expect(broken.body.message).toContain('第2行“诉求类别”');
    expect(broken.body.message).toContain('第2行“办理时限”');
    // Every wrong cell also comes as a row of its own, for the console's table of errors.
    expect(broken.body.rows).toEqual([
      { row: 2, column: '来电号码', problem: '不是有效的手机号' },
      { row: 2, column: '诉求类别', problem: expect.stringContaining('不是可选的类别') },
      { row: 2, column: '办理时限', problem: expect.stringContaining('不是有效的时间') },
    ]);
    expect((await upload(hotline, await sheet([], ['编号', '时间']), townId)).body.code).toBe('HOTLINE_HEADER_INVALID');
    expect((await upload(hotline, await sheet([]), townId)).body.code).toBe('HOTLINE_FILE_EMPTY');
    expect((await upload(hotline, Buffer.from('not a spreadsheet at all, just text'), townId)).body.code).toBe('HOTLINE_FILE_UNREADABLE');
    expect(await ds().getRepository(RequestEntity).countBy({ source: 'hotline_12345' })).toBe(before);
  });

  it('answers the city: the result, who gave it and when, per order and for a span of days as .xlsx', async () => {
    const o = order({ receivedAt: '2026-11-20T08:00:00+08:00', category: 'infrastructure', content: '村里的路灯坏了' });
    const { orders } = (await api('POST', '/api/hotline/orders', hotline, { townId, orders: [o] })).body;
    const id = orders[0].requestId;
    expect((await api('GET', `/api/hotline/orders/${o.orderNo}/reply`, hotline)).body).toMatchObject({
      orderNo: o.orderNo,
      state: 'submitted',
      result: null,
      handlerUnit: '热线办',
      late: false,
    });

    // Dispatched to the grid, which resolves it.
    let r = (await api('GET', `/api/requests/${id}`, hotline)).body;
    r = (await api('POST', `/api/requests/${id}/actions/transfer`, hotline, { version: r.version, targetUnitId: gridId, note: '属于网格事项' })).body;
    expect(r).toMatchObject({ unitId: gridId, handlerUnitId: gridId });
    r = (await api('POST', `/api/requests/${id}/actions/accept`, leader, { version: r.version, contactMethod: 'visit' })).body;
    await api('POST', `/api/requests/${id}/actions/resolve`, leader, { version: r.version, note: '已更换路灯灯泡，晚上正常照明' });
    const reply = (await api('GET', `/api/hotline/orders/${o.orderNo}/reply`, townLeader)).body;
    expect(reply).toMatchObject({ state: 'resolved', stateLabel: '已办结', result: '已更换路灯灯泡，晚上正常照明', late: false });
    expect(reply.handlerName).toBe((await personWithRole(ds(), 'grid_leader', 'SG-TT-V02-L1-S01')).name);
    expect(new Date(reply.repliedAt).getTime()).toBeGreaterThan(0);

    const listed = (await api('GET', `/api/hotline/replies?townId=${townId}&from=2026-11-20&to=2026-11-20`, hotline)).body;
    expect(listed.map((x: { orderNo: string }) => x.orderNo)).toContain(o.orderNo);
    expect(listed.every((x: { orderNo: string }) => x.orderNo !== order().orderNo)).toBe(true);
    const file = await fetch(`${under.api.baseUrl}/api/hotline/replies.xlsx?townId=${townId}&from=2026-11-20&to=2026-11-20`, {
      headers: { authorization: `Bearer ${hotline}` },
    });
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['工单编号', '办理状态', '办理结果', '承办单位', '承办人', '办结时间', '是否超期']);
    const line = rows.find((row) => row[0] === o.orderNo)!;
    const [grid] = await ds().query('SELECT name FROM org_unit WHERE id = ?', [gridId]);
    expect(line.slice(0, 5)).toEqual([o.orderNo, '已办结', '已更换路灯灯泡，晚上正常照明', grid.name, reply.handlerName]);
    expect(line[6]).toBe('否');
    // Nothing of the caller goes back to the city in the reply.
    expect(JSON.stringify(rows)).not.toContain('13655551234');
    expect((await api('GET', `/api/hotline/replies?townId=${townId}&from=2026-11-21&to=2026-11-20`, hotline)).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'to',
    });
    expect((await api('GET', `/api/hotline/orders/${o.orderNo}/reply`, leader)).status).toBe(403);
    expect((await api('GET', '/api/hotline/replies?townId[a]=1&from=2026-11-20&to=2026-11-20', hotline)).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: expect.stringMatching(/^townId/),
    });
  });
});
