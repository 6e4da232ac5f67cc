import { RESULT_ACTIONS } from '@gridloop/domain/dist/requests/request-workflow';
import type { RequestEventView, RequestView } from './requests-api';

/** The handler's latest result or refusal (the table's result column: 办结, 不予受理) on the timeline, if any. */
export function latestResult(request: Pick<RequestView, 'timeline'>): RequestEventView | null {
  for (let i = request.timeline.length - 1; i >= 0; i--) {
    const event = request.timeline[i];
    if (event && (RESULT_ACTIONS as readonly string[]).includes(event.action)) return event;
  }
  return null;
}
