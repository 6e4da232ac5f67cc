import type { components } from './schema';

export type ErrorBody = components['schemas']['ErrorBody'];

const NETWORK_MESSAGE = '网络连接不上，请检查网络后重试';
const UNEXPECTED_MESSAGE = '系统出了点问题，请稍后再试';

/** A failed call: `message` is the API's Chinese text, shown as it is; branch on `code`, never on the text. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
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

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError with the API's code and Chinese message. */
export async function unwrap<T>(call: Promise<CallResult<T>>): Promise<T> {
  let result: CallResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE, 0);
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  if (isErrorBody(error)) throw new ApiError(error.code, error.message, response.status);
  throw new ApiError('UNEXPECTED', UNEXPECTED_MESSAGE, response.status);
}

/** The text to show for any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : UNEXPECTED_MESSAGE;
}
