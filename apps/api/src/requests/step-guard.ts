import { refuseTransition, requestFacts, type Relation, type RequestAction } from '@gridloop/domain';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import type { RequestEntity } from './request.entity';

/**
 * The workflow table's word on one step, for whoever stands in `relations` to `request`: every
 * step is asked here before applyStep writes it (an action on a matter, a rating, a patrol report
 * settled on the spot). Refused: FORBIDDEN, or REQUEST_WRONG_STATE.
 */
export function guardStep(
  action: RequestAction,
  request: Pick<RequestEntity, 'state' | 'requesterPersonId' | 'enteredByPersonId'>,
  relations: readonly Relation[],
): void {
  const refusal = refuseTransition(action, request.state, relations, requestFacts(request));
  if (refusal === 'NOT_ALLOWED') throw new AppError(ErrorCode.Forbidden);
  if (refusal === 'WRONG_STATE') throw new AppError(ErrorCode.RequestWrongState, 'action');
}
