import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deskPollOutcome, describeBrowser, refuseDeskConfirm, type DeskTicketFacts } from './desk-sign-in';

const NOW = new Date('2026-03-03T02:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const ticket = (state: DeskTicketFacts['state'], decidedBy: number | null, expiresIn = 60): DeskTicketFacts => ({
  state,
  decidedBy,
  expiresAt: later(expiresIn),
});
const staff = { personId: 7, mayUseConsole: true };

test('who may confirm a ticket, and why not', () => {
  const cases: [DeskTicketFacts, { personId: number; mayUseConsole: boolean }, ReturnType<typeof refuseDeskConfirm>][] = [
    [ticket('waiting', null), staff, null],
    [ticket('waiting', null, 0), staff, 'expired'],
    [ticket('waiting', null, -1), staff, 'expired'],
    [ticket('waiting', null), { personId: 7, mayUseConsole: false }, 'not_staff'],
    [ticket('confirmed', 7), staff, null], // a retried tap before the console claimed it
    [ticket('confirmed', 8), staff, 'other_person'],
    [ticket('claimed', 7), staff, 'used'],
    [ticket('claimed', 8), staff, 'other_person'],
    [ticket('cancelled', 7), staff, 'used'],
  ];
  for (const [facts, caller, expected] of cases) assert.equal(refuseDeskConfirm(facts, caller, NOW), expected, JSON.stringify([facts, caller]));
});

test('what the polling console learns', () => {
  assert.equal(deskPollOutcome(ticket('waiting', null), NOW), 'waiting');
  assert.equal(deskPollOutcome(ticket('waiting', null, 0), NOW), 'expired');
  assert.equal(deskPollOutcome(ticket('confirmed', 7), NOW), 'claim');
  assert.equal(deskPollOutcome(ticket('confirmed', 7, -29), NOW), 'claim'); // confirmed at the last moment
  assert.equal(deskPollOutcome(ticket('confirmed', 7, -30), NOW), 'expired');
  assert.equal(deskPollOutcome(ticket('claimed', 7), NOW), 'used');
  assert.equal(deskPollOutcome(ticket('cancelled', 7), NOW), 'cancelled');
});

test('a browser described in Chinese, with no Latin word but a brand written so', () => {
  const cases: [string | null, string][] = [
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', '电脑上的谷歌浏览器'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', '电脑上的微软浏览器'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', '苹果电脑上的苹果浏览器'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', '电脑上的火狐浏览器'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', '电脑上的谷歌浏览器'],
    ['Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0 Safari/537.36 QIHU 360SE', '电脑上的360浏览器'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.49', '手机上的微信内置浏览器'],
    ['curl/8.5.0', '电脑上的浏览器'],
    [null, '电脑上的浏览器'],
  ];
  for (const [agent, expected] of cases) {
    const text = describeBrowser(agent);
    assert.equal(text, expected, String(agent));
    assert.doesNotMatch(text.replace('QQ', ''), /[A-Za-z]/);
  }
});
