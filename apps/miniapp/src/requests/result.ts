import type { RequestEventView, RequestView } from './requests-api'

/** The handler's latest result (办结 step) on the timeline, if any. */
export function latestResult(request: Pick<RequestView, 'timeline'>): RequestEventView | null {
  for (let i = request.timeline.length - 1; i >= 0; i--) {
    const event = request.timeline[i]
    if (event && (event.action === 'resolve' || event.action === 'reject')) return event
  }
  return null
}
