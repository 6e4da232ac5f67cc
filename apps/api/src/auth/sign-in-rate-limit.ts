import type { Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../common/app-error';
import { sendError } from '../common/app-error.filter';
import { ErrorCode } from '../common/error-codes';

/**
 * The routes that mint a sign-in from something guessable (a WeChat code, a demo person, a phone
 * code), and the desk's sign-in tickets (each one costs a call to WeChat for its code). Refresh is not here: a refresh token cannot be guessed, so it is limited per sign-in in
 * the database (TokenService.rotate) and junk refreshes never hold a real one up.
 */
export const SIGN_IN_PATHS = ['/api/auth/wechat-login', '/api/auth/demo-login', '/api/me/phone', '/api/auth/desk-tickets'];

/**
 * Per client address, per minute, in this process. The address is Express's `req.ip`: the
 * connecting one unless TRUST_PROXY names the proxy in front (then the client the proxy saw).
 * Several instances each count on their own, which still bounds a guesser to limit × instances
 * (docs/deployment.md).
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
