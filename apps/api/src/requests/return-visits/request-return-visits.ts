import { Injectable } from '@nestjs/common';
import {
  refuseReturnVisit,
  returnVisitNote,
  stepChanges,
  visitReopens,
  type Rating,
  type Relation,
  type ReturnVisitInput,
  type ReturnVisitRefusal,
} from '@gridloop/domain';
import { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';
import type { RequestActionDto } from '../dtos/request.dto';
import { applyStep } from '../request-steps';
import type { RequestEntity } from '../request.entity';
import { guardStep } from '../step-guard';
import { ReturnVisit } from './return-visit.entity';

export const RETURN_VISIT_ACTIONS = ['lookBackClose', 'returnVisit'] as const;
export type ReturnVisitAction = (typeof RETURN_VISIT_ACTIONS)[number];

export function isReturnVisitAction(action: string): action is ReturnVisitAction {
  return (RETURN_VISIT_ACTIONS as readonly string[]).includes(action);
}

/** Whether the body carries any of a return visit's fields (refused on other actions). */
export function hasVisitFields(input: RequestActionDto): boolean {
  return input.visitMethod !== undefined || input.visitReached !== undefined || input.visitHeard !== undefined;
}

/**
 * 回访 and 回看并关闭 as steps (return-visits.ts decides): the visit is checked, its row written
 * beside the timeline row in the caller's transaction; 回看并关闭 closes the matter, and a 不满意
 * heard sends it back to work instead (a refusal is first looked back at, then reopened), as an
 * in-app 不满意 does.
 */
@Injectable()
export class RequestReturnVisits {
  async record(
    manager: EntityManager,
    actorPersonId: number,
    request: RequestEntity,
    relations: readonly Relation[],
    action: ReturnVisitAction,
    input: RequestActionDto,
    note: string | null,
    extra: Partial<RequestEntity>,
    now: Date,
  ): Promise<void> {
    const visit = visitOf(input);
    const text = returnVisitNote(visit, note);
    if (!visitReopens(visit)) {
      await applyStep(manager, actorPersonId, request, { action, changes: { ...stepChanges(request, action, now), ...extra }, note: text }, now);
    } else {
      let current = await applyStep(manager, actorPersonId, request, { action: 'returnVisit', changes: extra, note: text }, now);
      if (current.state === 'rejected') {
        guardStep('lookBack', current, relations);
        current = await applyStep(
          manager,
          actorPersonId,
          current,
          { action: 'lookBack', changes: stepChanges(current, 'lookBack', now), note: '回访时群众不满意' },
          now,
        );
      }
      guardStep('reopen', current, relations);
      await applyStep(
        manager,
        actorPersonId,
        current,
        { action: 'reopen', changes: stepChanges(current, 'reopen', now), note: '回访时群众不满意，重新办理' },
        now,
      );
    }
    await manager.insert(ReturnVisit, {
      requestId: request.id,
      handlerUnitId: request.handlerUnitId,
      visitorPersonId: actorPersonId,
      method: visit.method,
      reached: visit.reached,
      heard: visit.heard,
      appRating: standingRating(request),
      note,
      createdAt: now,
    });
  }
}

/** The visit as the body gives it; how and whether reached are required, what was heard only when reached. */
function visitOf(input: RequestActionDto): ReturnVisitInput {
  if (input.visitMethod === undefined) throw new AppError(ErrorCode.ValidationFailed, 'visitMethod', '请选择回访方式');
  if (input.visitReached === undefined) throw new AppError(ErrorCode.ValidationFailed, 'visitReached', '请选择是否联系上群众');
  const visit: ReturnVisitInput = { method: input.visitMethod, reached: input.visitReached, heard: input.visitHeard ?? null };
  refuse(refuseReturnVisit(visit));
  return visit;
}

function refuse(refusal: ReturnVisitRefusal | null): void {
  switch (refusal) {
    case null:
      return;
    case 'HEARD_MISSING':
      throw new AppError(ErrorCode.ValidationFailed, 'visitHeard', '联系上群众了，请选择群众怎么说（满意、基本满意或不满意）');
    case 'HEARD_UNREACHED':
      throw new AppError(ErrorCode.ValidationFailed, 'visitHeard', '没有联系上群众，不能记录群众的评价');
    case 'UNCALLED_REACHED':
      throw new AppError(ErrorCode.ValidationFailed, 'visitReached', '没有回访就不能选“已联系上”');
  }
}

/** The requester's in-app verdict on the result standing now (none when the result came after it, or it is a refusal). */
function standingRating(request: Pick<RequestEntity, 'rating' | 'ratedAt' | 'resolvedAt'>): Rating | null {
  if (!request.rating || !request.ratedAt || !request.resolvedAt) return null;
  return request.ratedAt.getTime() >= request.resolvedAt.getTime() ? request.rating : null;
}
