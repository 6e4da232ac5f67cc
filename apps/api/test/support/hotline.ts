import { DataSource } from 'typeorm';
import { call } from './http';

/** A city 12345 order as a test writes it: what the city's sheet would say, with defaults for the rest. */
export interface TestOrder {
  orderNo: string;
  content: string;
  callerName?: string;
  callerPhone?: string;
  category?: string;
  /** Default: an hour ago. */
  receivedAt?: Date;
  /** Default: five days from now. */
  cityDueAt?: Date;
  confidential?: boolean;
}

/** Imports one order into a seeded town (台头镇 unless told) as `token` (hotline staff) and answers its matter's id. */
export async function importOrder(dataSource: DataSource, baseUrl: string, token: string, order: TestOrder, townCode = 'SG-TT'): Promise<number> {
  const [town]: { id: number | string }[] = await dataSource.query('SELECT id FROM org_unit WHERE code = ?', [townCode]);
  const now = Date.now();
  const imported = await call(baseUrl, 'POST', '/api/hotline/orders', {
    token,
    body: {
      townId: Number(town?.id),
      orders: [
        {
          orderNo: order.orderNo,
          receivedAt: (order.receivedAt ?? new Date(now - 3_600_000)).toISOString(),
          callerName: order.callerName ?? '李桂芝',
          callerPhone: order.callerPhone ?? '13655556666',
          content: order.content,
          category: order.category ?? 'infrastructure',
          cityDueAt: (order.cityDueAt ?? new Date(now + 5 * 86_400_000)).toISOString(),
          confidential: order.confidential ?? false,
        },
      ],
    },
  });
  if (imported.status !== 200) throw new Error(`importHotlineOrders: ${imported.status} ${JSON.stringify(imported.body)}`);
  const [row]: { id: number | string }[] = await dataSource.query('SELECT id FROM request WHERE hotlineOrderNo = ?', [order.orderNo]);
  return Number(row?.id);
}
