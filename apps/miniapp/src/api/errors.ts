import type { components } from './schema';

export type ErrorBody = components['schemas']['ErrorBody'];
export type ErrorCode = components['schemas']['ErrorCode'];

/** Codes the app adds for failures that never reached the API or came back unreadable, or a phone without a usable microphone. */
export type ClientErrorCode = 'NETWORK' | 'UNEXPECTED' | 'NO_MICROPHONE';

const NETWORK_MESSAGE = '网络连接不上，请检查网络后重试';
const UNEXPECTED_MESSAGE = '系统出了点问题，请稍后再试';

/**
 * A failed call. `message` is the API's Chinese text, shown to the user as it is; branch on
 * `code` (published in the OpenAPI document), never on the text.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.code === 'string' && typeof body.message === 'string';
}

interface CallResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError: the API's own
 * `{code, message, field}` when it sent one, NETWORK when nothing came back.
 */
export async function unwrap<T>(call: Promise<CallResult<T>>): Promise<T> {
  let result: CallResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE, 0);
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  if (isErrorBody(error)) throw new ApiError(error.code, error.message, response.status, error.field);
  throw new ApiError('UNEXPECTED', UNEXPECTED_MESSAGE, response.status);
}

/** The text to show for any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : UNEXPECTED_MESSAGE;
}
