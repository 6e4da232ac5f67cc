import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REQUEST_CATEGORIES } from './categories';
import { DUTY_DEFAULT_CATEGORY, DUTY_TYPES } from './patrol';

describe('DUTY_DEFAULT_CATEGORY: the category a hat proposes in 未诉先办', () => {
  const cases: [string, string][] = [
    ['hazard_inspector', 'safety'],
    ['hygiene_supervisor', 'environment'],
    ['dispute_mediator', 'dispute'],
    ['policy_communicator', 'other'],
    ['opinion_collector', 'other'],
    ['affairs_co_manager', 'other'],
  ];
  for (const [duty, category] of cases) {
    it(`${duty} proposes ${category}`, () => assert.equal(DUTY_DEFAULT_CATEGORY[duty as keyof typeof DUTY_DEFAULT_CATEGORY], category));
  }
  it('every hat proposes a known category', () => {
    for (const duty of DUTY_TYPES) assert.ok((REQUEST_CATEGORIES as readonly string[]).includes(DUTY_DEFAULT_CATEGORY[duty]), duty);
  });
});
