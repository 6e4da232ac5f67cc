import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WORK_SEARCH_KEYS, workSearch } from './work-searches';

test('each of 工作台’s own-work counts is one 诉求检索 filter; the day ones name the day the counts were taken on', () => {
  const day = '2026-11-26';
  assert.deepEqual(Object.fromEntries(WORK_SEARCH_KEYS.map((key) => [key, workSearch(key, day)])), {
    handling: { handling: true },
    overdue: { handling: true, overdue: true },
    dueSoon: { handling: true, dueSoon: true },
    dueToday: { runningDueOn: day },
    receivedToday: { receivedFrom: day, receivedTo: day },
  });
});
