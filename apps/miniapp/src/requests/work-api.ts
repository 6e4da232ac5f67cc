import type { components } from '../api/schema';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

/** What waits for me, as counts (null: none of my roles does that work). */
export type WorkSummary = components['schemas']['WorkSummaryDto'];

export function getMyWork(): Promise<WorkSummary> {
  return unwrap(api.GET('/api/me/work'));
}
