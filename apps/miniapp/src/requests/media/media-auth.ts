import { apiBaseUrl } from '../../api/client';
import { ApiError, isErrorBody } from '../../api/errors';
import { reloadMe } from '../../auth/account';
import { getSession } from '../../auth/session-store';

/**
 * Uploads and media downloads bypass the openapi-fetch client (multipart bodies; an <image> cannot
 * send headers), so they add the access token themselves. When it has expired, one ordinary call
 * through the client renews it (session-middleware.ts), and the transfer is tried once more.
 */
export function authHeader(): Record<string, string> {
  const session = getSession();
  return session ? { Authorization: `Bearer ${session.accessToken}` } : {};
}

/** Media fetched for one signed-in person is kept for that person only. */
export function cacheKey(url: string): string {
  return `${getSession()?.me.id ?? 'signed-out'} ${url}`;
}

export function absoluteUrl(path: string): string {
  return /^https?:/.test(path) ? path : `${apiBaseUrl}${path}`;
}

/** The ApiError for a non-2xx answer with the API's JSON error body (text as received). */
export function errorFromBody(status: number, text: string): ApiError {
  try {
    const body: unknown = JSON.parse(text);
    if (isErrorBody(body)) return new ApiError(body.code, body.message, status, body.field);
  } catch {
    // not JSON
  }
  return new ApiError('UNEXPECTED', '系统出了点问题，请稍后再试', status);
}

export function isExpiredToken(status: number, text: string): boolean {
  if (status !== 401) return false;
  try {
    const body: unknown = JSON.parse(text);
    return isErrorBody(body) && body.code === 'TOKEN_EXPIRED';
  } catch {
    return false;
  }
}

/** Runs `transfer`, and once more after renewing the sign-in if the token had expired. */
export async function withFreshToken<T extends { status: number; text: string }>(
  transfer: () => Promise<T>,
  expired: (answer: T) => boolean = (answer) => isExpiredToken(answer.status, answer.text),
): Promise<T> {
  const first = await transfer();
  if (!expired(first) || !getSession()) return first;
  await reloadMe();
  return transfer();
}
