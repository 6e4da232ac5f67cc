import { refuseTransition, requestFacts, type Relation, type RequestAction } from '@gridloop/domain';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import type { RequestEntity } from './request.entity';

/** What a refusal for the state says where the general message would leave the person guessing. */
const WRONG_STATE_MESSAGES: Partial<Record<RequestAction, string>> = {
  lookBackClose: '这件事现在不在待回看状态，不能回看并关闭，请刷新后再看',
  returnVisit: '只有已办结或已关闭的诉求才能回访',
};

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
  if (refusal === 'WRONG_STATE') throw new AppError(ErrorCode.RequestWrongState, 'action', WRONG_STATE_MESSAGES[action]);
}
