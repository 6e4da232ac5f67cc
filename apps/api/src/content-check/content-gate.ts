import { Inject, Injectable } from '@nestjs/common';
import { isBlankText } from '@gridloop/domain';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { CONTENT_CHECK, type ContentCheck } from './content-check';

/**
 * Runs a step's user texts through the content check before anything is written (it is a network
 * call, so never inside a transaction; a refusal then writes nothing).
 */
@Injectable()
export class ContentGate {
  constructor(@Inject(CONTENT_CHECK) private readonly checker: ContentCheck) {}

  /**
   * Checks each non-empty text (named by its field). Any `risky` one is refused with
   * CONTENT_RISKY on that field; otherwise the answer says whether any needs review.
   */
  async needsReview(who: { personId: number }, texts: Record<string, string | null | undefined>): Promise<boolean> {
    const entries = Object.entries(texts).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !isBlankText(entry[1]));
    const verdicts = await Promise.all(entries.map(([, text]) => this.checker.check(text, who)));
    const risky = entries.find((_entry, i) => verdicts[i] === 'risky');
    if (risky) throw new AppError(ErrorCode.ContentRisky, risky[0]);
    return verdicts.includes('review');
  }
}
