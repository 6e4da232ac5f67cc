import type { components } from '../api/schema';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

export type ReturnVisitSample = components['schemas']['ReturnVisitSampleDto'];

/** 回访抽查: last week's random sample of closed matters still to be called, within my area. */
export function getReturnVisitSample(): Promise<ReturnVisitSample> {
  return unwrap(api.GET('/api/return-visits/sample'));
}
