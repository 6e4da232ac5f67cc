import { ApiError } from '../api/errors';
import type { RequestView } from './requests-api';

/** Waits before each automatic retry: 1 s, 2 s, 4 s, 8 s, then the user decides. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

/** Worth trying again with the same clientRequestId: no answer at all, or the server was down. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK' || error.status >= 500);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Submits (`send`: 我要反映, a patrol report or 代办), retrying a bad network with backoff. The body carries the draft's one clientRequestId,
 * so however many attempts reach the API, one request exists. `onRetry(n)` tells the page the
 * n-th retry is coming (it shows 「网络不好，正在重试…」). Refusals (4xx) are thrown at once.
 */
export async function submitWithRetry(
  send: () => Promise<RequestView>,
  onRetry: (attempt: number) => void,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<RequestView> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const delay = delays[attempt];
      if (!isRetryable(error) || delay === undefined) throw error;
      onRetry(attempt + 1);
      await wait(delay);
    }
  }
}
