/**
 * The 1 M generator of the benches (requests.ts's inbox, search.ts): requests in creation order with
 * the timelines their states imply, written by multi-row INSERTs. Moved here from requests.ts.
 */
import type { Pool } from 'mysql2/promise';

export interface Matter {
  category: string;
  description: string;
  contactPhone: string;
}

const INSERT_BATCH = 5_000;
export const CATEGORIES = ['environment', 'infrastructure', 'dispute', 'labour', 'safety', 'social', 'other'];
const DESCRIPTIONS = [
  '村东头路灯坏了三盏，晚上出行不便，请尽快维修。',
  '自来水这两天水压很低，二楼基本上不来水。',
  '邻居家的狗夜里一直叫，劝过几次没有用，希望帮忙协调。',
  '大棚旁边的排水沟堵了，下雨后积水进了棚里。',
  '村里的垃圾桶好几天没人清运了，天热有异味。',
  '老人的养老保险认证不会在手机上操作，想请网格员上门帮忙。',
  '路口的减速带松动了，电动车经过很危险。',
  '工地拖欠了我们三个人两个月的工钱，找老板找不到。',
];

/** The create runs' and the inbox fill's matter number n: one of eight texts, numbered. */
export function matter(n: number): Matter {
  return {
    category: CATEGORIES[n % CATEGORIES.length]!,
    description: `${DESCRIPTIONS[n % DESCRIPTIONS.length]}（${n}）`,
    contactPhone: `139${String(10_000_000 + (n % 89_999_999)).padStart(8, '0')}`,
  };
}

// ───────────────────────────── 1 M requests ─────────────────────────────

/** A small deterministic PRNG, so every run generates the same county. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPEN_SHARE = 0.1;
/** Of the older requests; and of the last three weeks' (open), the states a handler has to act on or wait for. */
const DONE_MIX: [string, number][] = [
  ['closed', 0.983],
  ['withdrawn', 0.011],
  ['merged', 0.006],
];
const OPEN_MIX: [string, number][] = [
  ['submitted', 0.2],
  ['accepted', 0.2],
  ['in_progress', 0.3],
  ['resolved', 0.2],
  ['looked_back', 0.05],
  ['rejected', 0.05],
];
/** The timeline each state implies (after submit). */
const STEPS: Record<string, [string, string][]> = {
  submitted: [],
  accepted: [['accept', 'accepted']],
  in_progress: [
    ['accept', 'accepted'],
    ['followUp', 'in_progress'],
  ],
  resolved: [
    ['accept', 'accepted'],
    ['resolve', 'resolved'],
  ],
  looked_back: [
    ['accept', 'accepted'],
    ['resolve', 'resolved'],
    ['lookBack', 'looked_back'],
  ],
  closed: [
    ['accept', 'accepted'],
    ['resolve', 'resolved'],
    ['lookBack', 'looked_back'],
    ['close', 'closed'],
  ],
  rejected: [['reject', 'rejected']],
  withdrawn: [['withdraw', 'withdrawn']],
  merged: [['merge', 'merged']],
};
const HOUR = 3600_000;
const DAY = 24 * HOUR;

function pick(random: () => number, mix: readonly [string, number][]): string {
  let r = random();
  for (const [state, p] of mix) {
    if (r < p) return state;
    r -= p;
  }
  return mix[0]![0];
}

/**
 * Adds requests until there are `target`, in creation order (ids follow time, as AUTO_INCREMENT
 * does): the first nine tenths over two years up to three weeks ago, done; the last tenth over the
 * last three weeks, open. Each with the timeline its state implies. Two connections insert in turn.
 */
export async function fillRequests(
  pool: Pool,
  grids: readonly number[],
  target: number,
  describe: (n: number, random: () => number) => Matter = matter,
): Promise<{ made: number; seconds: number }> {
  const start = performance.now();
  const [[counts]] = (await pool.query('SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS maxId FROM request')) as unknown as [{ n: number; maxId: number }[]];
  const [[eventMax]] = (await pool.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM request_event')) as unknown as [{ maxId: number }[]];
  const [people] = await pool.query('SELECT id FROM person ORDER BY id');
  const personIds = (people as { id: number }[]).map((p) => Number(p.id));
  const toMake = Math.max(0, target - Number(counts!.n));
  const doneCount = Math.round(toMake * (1 - OPEN_SHARE));
  const random = mulberry32(20240601);
  const now = Date.now();
  let nextId = Number(counts!.maxId) + 1;
  let nextEvent = Number(eventMax!.maxId) + 1;
  const loaders = await Promise.all([pool.getConnection(), pool.getConnection()]);
  for (const c of loaders) await c.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  const inFlight: Promise<void>[] = loaders.map(() => Promise.resolve());
  const insert = async (slot: number, requestRows: unknown[][], eventRows: unknown[][]): Promise<void> => {
    const loader = loaders[slot]!;
    await loader.query(
      'INSERT INTO request (id, unitId, handlerUnitId, requesterPersonId, submitterPersonId, source, clientRequestId, category, description, addressNote, contactPhone, confidential, state, complexity, contactDueAt, contactedAt, completionDueAt, resolvedAt, closedAt, contactLate, completionLate, version, createdAt, updatedAt) VALUES ?',
      [requestRows],
    );
    for (let i = 0; i < eventRows.length; i += INSERT_BATCH) {
      await loader.query('INSERT INTO request_event (id, requestId, action, fromState, toState, actorPersonId, note, public, createdAt) VALUES ?', [
        eventRows.slice(i, i + INSERT_BATCH),
      ]);
    }
  };
  let made = 0;
  let batchNo = 0;
  try {
    while (made < toMake) {
      const size = Math.min(INSERT_BATCH, toMake - made);
      const requestRows: unknown[][] = [];
      const eventRows: unknown[][] = [];
      for (let i = 0; i < size; i++, made++) {
        const id = nextId++;
        const done = made < doneCount;
        const state = pick(random, done ? DONE_MIX : OPEN_MIX);
        const created = new Date(
          done ? now - 731 * DAY + (made / doneCount) * 710 * DAY : now - 21 * DAY + ((made - doneCount) / (toMake - doneCount)) * 21 * DAY,
        );
        const steps = STEPS[state]!;
        const accepted = steps.some(([a]) => a === 'accept');
        const complexity = accepted ? (random() < 0.7 ? 'simple' : 'complex') : null;
        const contactDue = new Date(created.getTime() + HOUR);
        const completionDue = accepted ? new Date(created.getTime() + (complexity === 'simple' ? 1 : 3) * DAY + random() * DAY) : null;
        const contacted = accepted ? new Date(created.getTime() + random() * 1.5 * HOUR) : null;
        const resolved = ['resolved', 'looked_back', 'closed'].includes(state) ? new Date(created.getTime() + random() * 3 * DAY) : null;
        const closed = state === 'closed' ? new Date(resolved!.getTime() + random() * 2 * DAY) : null;
        const requester = personIds[Math.floor(random() * personIds.length)]!;
        const unitId = grids[Math.floor(random() * grids.length)]!;
        const m = describe(id, random);
        requestRows.push([
          id,
          unitId,
          unitId,
          requester,
          requester,
          random() < 0.8 ? 'villager' : 'patrol',
          `gen-${id}`,
          m.category,
          m.description,
          random() < 0.3 ? '东街12号' : null,
          m.contactPhone,
          random() < 0.05 ? 1 : 0,
          state,
          complexity,
          contactDue,
          contacted,
          completionDue,
          resolved,
          closed,
          contacted !== null && contacted > contactDue ? 1 : 0,
          resolved !== null && completionDue !== null && resolved > completionDue ? 1 : 0,
          1 + steps.length,
          created,
          closed ?? resolved ?? contacted ?? created,
        ]);
        eventRows.push([nextEvent++, id, 'submit', null, 'submitted', requester, null, 1, created]);
        let from = 'submitted';
        let at = created.getTime();
        for (const [action, to] of steps) {
          at += random() * 6 * HOUR;
          eventRows.push([nextEvent++, id, action, from, to, requester, '已处理', action === 'lookBack' ? 0 : 1, new Date(at)]);
          from = to;
        }
      }
      // At most one batch in flight per connection; a failed batch throws when its slot comes round.
      const slot = batchNo++ % loaders.length;
      await inFlight[slot];
      inFlight[slot] = insert(slot, requestRows, eventRows);
      inFlight[slot].catch(() => undefined);
      if (batchNo % 20 === 0) process.stdout.write(`  … ${(Number(counts!.n) + made).toLocaleString('en')} requests\r`);
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    for (const c of loaders) c.release();
  }
  await pool.query('ANALYZE TABLE request, request_event');
  return { made: toMake, seconds: (performance.now() - start) / 1000 };
}
