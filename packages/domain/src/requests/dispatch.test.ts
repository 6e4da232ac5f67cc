import { test } from 'node:test';
import assert from 'node:assert/strict';
import { awaitsDispatch, dispatchStepOffered } from './dispatch';

test('a matter awaits dispatch at the hotline office or when its handler asked to transfer it', () => {
  const cases: [string, boolean, boolean][] = [
    ['hotline_office', false, true],
    ['small_grid', true, true],
    ['department', true, true],
    ['small_grid', false, false],
    ['department', false, false],
    ['village', false, false],
  ];
  for (const [handlerUnitKind, transferRequested, want] of cases)
    assert.equal(awaitsDispatch({ handlerUnitKind, transferRequested }), want, `${handlerUnitKind} ${transferRequested}`);
});

test('转办 and 不同意转办 are offered only while they mean something; other steps always', () => {
  const cases: [string, string, boolean, boolean][] = [
    ['transfer', 'hotline_office', false, true],
    ['transfer', 'small_grid', false, false],
    ['transfer', 'small_grid', true, true],
    ['declineTransfer', 'hotline_office', false, false],
    ['declineTransfer', 'small_grid', true, true],
    ['declineTransfer', 'small_grid', false, false],
    ['urge', 'small_grid', false, true],
    ['supervise', 'hotline_office', false, true],
    ['returnToDispatch', 'small_grid', false, true],
    ['returnToDispatch', 'department', true, true],
    ['returnToDispatch', 'hotline_office', false, false],
  ];
  for (const [action, handlerUnitKind, transferRequested, want] of cases)
    assert.equal(dispatchStepOffered(action, { handlerUnitKind, transferRequested }), want, `${action} ${handlerUnitKind} ${transferRequested}`);
});
