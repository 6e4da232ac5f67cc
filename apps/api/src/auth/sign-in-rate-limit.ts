import type { Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../common/app-error';
import { sendError } from '../common/app-error.filter';
import { ErrorCode } from '../common/error-codes';

/** The routes that mint tokens or spend WeChat codes: the ones worth guessing at. */
export const SIGN_IN_PATHS = ['/api/auth', '/api/me/phone'];

/**
 * Per client address, per minute, in this process. Several instances each count on their own,
 * which still bounds a guesser to limit × instances (docs/deployment.md).
 */
export function signInRateLimit(perMinute: number): ReturnType<typeof rateLimit> {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // express-rate-limit types its arguments with whichever @types/express the workspace hoists.
    handler: (req, res) => sendError(res as unknown as Response, new AppError(ErrorCode.TooManyRequests), (req as { id?: string }).id),
  });
}
