import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorkingCalendar } from '../calendar/working-calendar';
import { extendedDeadline } from '../requests/extensions';
import type { Complexity } from '../requests/sla';
import { contactDueFrom, stepChanges, type StepFacts } from '../requests/step-changes';
import { explainDeadlines, type DeadlineFacts } from './deadline-explanation';

const at = (chinaTime: string) => new Date(`${chinaTime}+08:00`);

/** A matter as the API stores it: its deadlines from the very rules that set them. */
function stored(receivedAt: Date, complexity: Complexity | null, cityDueAt: Date | null = null): DeadlineFacts {
  const facts: StepFacts = {
    createdAt: receivedAt,
    cityDueAt,
    contactDueAt: contactDueFrom(receivedAt),
    completionDueAt: null,
    contactedAt: null,
    contactLate: false,
    completionLate: false,
    rehandleCount: 0,
    supervisedAt: null,
  };
  const completionDueAt = complexity ? (stepChanges(facts, 'accept', receivedAt, complexity).completionDueAt ?? null) : null;
  return { receivedAt, contactDueAt: facts.contactDueAt, completionDueAt, complexity, cityDueAt };
}

const CASES: { name: string; facts: DeadlineFacts; lines: string[] }[] = [
  {
    name: 'a Friday afternoon, simple: the weekend is skipped',
    facts: stored(at('2026-12-04T16:20:00'), 'simple'),
    lines: [
      '12月4日（周五）16:20 收到',
      '收到后1小时内先联系，只算每天8:00至20:00的服务时间',
      '应在12月4日（周五）17:20 前联系',
      '简单事项：1个工作日内办好，从收到时算起，只算工作日',
      '12月5日、6日是周末，不算',
      '算的工作日：12月4日（周五）、12月7日（周一）',
      '应在12月7日（周一）16:20 前办好',
    ],
  },
  {
    name: 'New Year: the holiday is skipped, the make-up Sunday counts, the contact clock waits for the morning',
    facts: stored(at('2025-12-31T19:30:00'), 'complex'),
    lines: [
      '12月31日（周三）19:30 收到',
      '收到后1小时内先联系，只算每天8:00至20:00的服务时间',
      '20:00后停表，第二天8:00接着算',
      '应在1月1日（周四）8:30 前联系',
      '疑难复杂事项：3个工作日内办好，从收到时算起，只算工作日',
      '元旦假期1月1日至3日不算',
      '1月4日（周日）调休上班，算工作日',
      '算的工作日：12月31日（周三）、1月4日（周日）、1月5日（周一）、1月6日（周二）',
      '应在1月6日（周二）19:30 前办好',
    ],
  },
  {
    name: 'received at night on a day off, not yet classified',
    facts: stored(at('2026-02-14T22:00:00'), null),
    lines: [
      '2月14日（周六）22:00 收到',
      '收到后1小时内先联系，只算每天8:00至20:00的服务时间',
      '不在服务时间内，从2月15日（周日）8:00 开始算',
      '应在2月15日（周日）9:00 前联系',
      '联系后定为简单事项（1个工作日）或疑难复杂事项（3个工作日），再算办好的期限',
    ],
  },
  {
    name: 'received on a Saturday: counts from Monday 0:00 and ends at Monday 24:00',
    facts: stored(at('2026-12-05T10:00:00'), 'simple'),
    lines: [
      '12月5日（周六）10:00 收到',
      '收到后1小时内先联系，只算每天8:00至20:00的服务时间',
      '应在12月5日（周六）11:00 前联系',
      '简单事项：1个工作日内办好，从收到时算起，只算工作日',
      '收到那天不是工作日，从12月7日（周一）0:00 开始算',
      '12月5日、6日是周末，不算',
      '算的工作日：12月7日（周一）',
      '应在12月7日（周一）24:00 前办好',
    ],
  },
  {
    name: 'a 12345 order whose city deadline is earlier governs',
    facts: stored(at('2026-09-30T09:00:00'), 'complex', at('2026-10-09T12:00:00')),
    lines: [
      '9月30日（周三）9:00 收到',
      '收到后1小时内先联系，只算每天8:00至20:00的服务时间',
      '应在9月30日（周三）10:00 前联系',
      '疑难复杂事项：3个工作日内办好，从收到时算起，只算工作日',
      '国庆节假期10月1日至7日不算',
      '10月10日（周六）调休上班，算工作日',
      '算的工作日：9月30日（周三）、10月8日（周四）、10月9日（周五）、10月10日（周六）',
      '市12345要求10月9日（周五）12:00 前办结，比镇里的期限早，以市里的为准',
      '应在10月9日（周五）12:00 前办好',
    ],
  },
];

for (const { name, facts, lines } of CASES) {
  test(`explains: ${name}`, () => {
    assert.deepEqual(explainDeadlines(facts).lines, lines);
  });
}

test('a later city deadline is named but the town one governs; a stored deadline changed since is said to be the one that holds', () => {
  const facts = stored(at('2026-12-04T16:20:00'), 'simple', at('2026-12-10T17:00:00'));
  const lines = explainDeadlines(facts).lines;
  assert.ok(lines.includes('市12345要求12月10日（周四）17:00 前办结，镇里的期限更早，按镇里的办'));
  assert.equal(lines[lines.length - 1], '应在12月7日（周一）16:20 前办好');
  const moved = explainDeadlines({ ...facts, completionDueAt: at('2026-12-09T10:00:00') }).lines;
  assert.equal(moved[moved.length - 1], '这件事的期限后来调整过，以12月9日（周三）10:00 为准');
});

test('an approved extension: a line with the days and the reason, and the stored (moved) deadline is the one explained', () => {
  const facts = stored(at('2026-12-04T16:20:00'), 'simple'); // due Monday 12月7日 16:20
  const movedTo = extendedDeadline(facts.completionDueAt!, 2);
  const explained = explainDeadlines({ ...facts, completionDueAt: movedTo, extensions: [{ dueAt: movedTo, reason: '需要等水泥' }] });
  assert.deepEqual(explained.lines.slice(-2), ['应在12月7日（周一）16:20 前办好', '经批准延期2个工作日（理由：需要等水泥），应在12月9日（周三）16:20 前办好']);
  assert.deepEqual(explained.completionDueAt, movedTo);
});

test('a transfer restarts the contact clock from its own time', () => {
  const facts = stored(at('2026-12-04T16:20:00'), null);
  const transferredAt = at('2026-12-04T19:40:00');
  const explained = explainDeadlines({ ...facts, contactStartedAt: transferredAt, contactDueAt: contactDueFrom(transferredAt) });
  assert.ok(explained.lines.includes('12月4日（周五）19:40 转给新的办理单位，联系重新计时'));
  assert.equal(explained.contactDueAt.getTime(), at('2026-12-05T08:40:00').getTime());
  assert.ok(!explained.lines.some((line) => line.includes('调整过')));
});

test('an override holiday without a Chinese name is still said to be a day off', () => {
  const calendar = createWorkingCalendar({ holidays: { '2026-12-08': 'local flood day' } });
  const lines = explainDeadlines(stored(at('2026-12-07T09:00:00'), 'simple'), calendar).lines;
  assert.ok(lines.includes('12月8日放假，不算'), lines.join('\n'));
});

test('over a year of generated cases, the explanation ends on the deadline the rules stored', () => {
  // Every 7 h 13 min from December 2025 to the end of 2026: every hour of the day, every weekday,
  // every holiday and make-up day of the 2026 notice; both complexities; a city deadline on some.
  const step = (7 * 60 + 13) * 60_000;
  let checked = 0;
  for (let time = at('2025-12-01T00:00:00').getTime(); time < at('2026-12-31T00:00:00').getTime(); time += step) {
    const receivedAt = new Date(time);
    for (const complexity of ['simple', 'complex'] as const) {
      const cityDueAt = checked % 3 === 0 ? new Date(time + ((checked % 7) + 1) * 17 * 3_600_000) : null;
      const facts = stored(receivedAt, complexity, cityDueAt);
      const explained = explainDeadlines(facts);
      const contactDue = cityDueAt && cityDueAt.getTime() < facts.contactDueAt.getTime() ? cityDueAt : facts.contactDueAt;
      assert.equal(explained.contactDueAt.getTime(), contactDue.getTime(), `contact, received ${receivedAt.toISOString()}`);
      assert.equal(explained.completionDueAt?.getTime(), facts.completionDueAt?.getTime(), `${complexity}, received ${receivedAt.toISOString()}`);
      assert.ok(!explained.lines.some((line) => line.includes('调整过')), `no disagreement, received ${receivedAt.toISOString()}`);
      checked += 1;
    }
  }
  assert.ok(checked > 2000, `checked ${checked}`);
});
