import { describe, expect, it } from '@jest/globals';
import { COUNTING_RULES } from '../../src/reports/report.repository';

/**
 * The kept months are recounted when COUNTING_RULES changes (RankingStore's rules key), so it must
 * hold everything a count depends on: the figures' rules and the received matters' facts. When
 * 回看并关闭 began to confirm a refusal (as 回看 does), the facts were outside the key and the kept
 * months would have kept counting the old way; 退单 (returnedByEnd) is such a fact too.
 */
describe('COUNTING_RULES, the key of kept monthly counts', () => {
  it('holds the received matters’ facts as well as the figures’ rules', () => {
    const rules = JSON.parse(COUNTING_RULES) as Record<string, Record<string, unknown>>;
    expect(Object.keys(rules).sort()).toEqual(['OPEN_OVERDUE_WHEN', 'RECEIVED_FACTS', 'STEP_RULES']);
    expect(Object.keys(rules.RECEIVED_FACTS ?? {}).sort()).toEqual([
      'excludedByEnd',
      'firstContactAt',
      'mergedByEnd',
      'resolvedByEnd',
      'returnedByEnd',
      'withdrawnByEnd',
    ]);
    // The steps that confirm a refusal are in the key.
    expect(String(rules.RECEIVED_FACTS?.excludedByEnd)).toContain("'lookBackClose'");
    // So is 退单, which takes a returned matter out of the returning unit's received figures.
    expect(String(rules.RECEIVED_FACTS?.returnedByEnd)).toContain("'returnToDispatch'");
  });
});
