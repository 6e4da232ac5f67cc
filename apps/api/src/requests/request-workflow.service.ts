import { Injectable } from '@nestjs/common';
import { COMPLETION_WORKING_DAYS, isLate, nextState, refuseTransition, workingDeadline, type Complexity, type RequestState } from '@gridloop/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { RequestActionDto, RequestDto, SupportedAction } from './dtos/request.dto';
import { RequestEvent } from './request-event.entity';
import { RequestRepository } from './request.repository';
import { RequestEntity } from './request.entity';
import { RequestsService } from './requests.service';

/** Actions whose note is the point of them: a follow-up, a result, a reason. */
const NOTE_REQUIRED: readonly SupportedAction[] = ['followUp', 'resolve', 'sendBack', 'reopen', 'reject'];
/** Steps only staff see in the timeline. */
const INTERNAL_ACTIONS: readonly SupportedAction[] = ['sendBack'];

/**
 * Every state change of a request: load → guard (the domain's workflow table) → write the new
 * state and its timeline row in one transaction. The write only lands on the version the caller
 * saw, so of two people acting at once exactly one succeeds and the other gets REQUEST_CONFLICT.
 */
@Injectable()
export class RequestWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly service: RequestsService,
  ) {}

  async act(actor: Actor, requestId: number, action: SupportedAction, input: RequestActionDto, now: Date): Promise<RequestDto> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.findVisible(requestId, actor.personId, actor.spanFor('request.view'), manager);
      if (!request) throw new AppError(ErrorCode.NotFound, 'requestId');
      const state = request.state as RequestState;
      const refusal = refuseTransition(action, state, this.service.relations(actor, request));
      if (refusal === 'NOT_ALLOWED') throw new AppError(ErrorCode.Forbidden);
      if (refusal === 'WRONG_STATE') throw new AppError(ErrorCode.RequestWrongState, 'action');
      if (request.version !== input.version) throw new AppError(ErrorCode.RequestConflict, 'version');
      const note = input.note?.trim() || null;
      if (NOTE_REQUIRED.includes(action) && !note) throw new AppError(ErrorCode.ValidationFailed, 'note', '请填写说明');

      const to = nextState(action, state);
      await this.write(manager, request, { ...this.changes(request, action, input, now), state: to }, input.version);
      await manager.insert(RequestEvent, {
        requestId,
        action,
        fromState: state,
        toState: to,
        actorPersonId: actor.personId,
        note: this.noteFor(action, input, note),
        public: !INTERNAL_ACTIONS.includes(action),
        createdAt: now,
      });
    });
    return this.service.get(actor, requestId, now);
  }

  /** Field changes an action brings besides the state: clocks started, stopped, and marked late. */
  private changes(request: RequestEntity, action: SupportedAction, input: RequestActionDto, now: Date): Partial<RequestEntity> {
    switch (action) {
      case 'accept': {
        if (!input.contactMethod) throw new AppError(ErrorCode.ValidationFailed, 'contactMethod', '请选择联系方式');
        const complexity = (input.complexity ?? 'simple') as Complexity;
        return {
          contactedAt: now,
          contactLate: request.contactLate || isLate(request.contactDueAt, now, now),
          complexity,
          // Counted from when the matter was received, in working days (China's calendar).
          completionDueAt: workingDeadline(request.createdAt, COMPLETION_WORKING_DAYS[complexity]),
        };
      }
      case 'resolve':
        return { resolvedAt: now, completionLate: request.completionLate || isLate(request.completionDueAt, now, now) };
      case 'reject':
        return { contactedAt: request.contactedAt ?? now, contactLate: request.contactLate || isLate(request.contactDueAt, now, now) };
      case 'close':
      case 'withdraw':
        return { closedAt: now };
      case 'sendBack':
      case 'reopen':
        // Back to work: the result no longer stands (re-handling, 重办); lateness marks stay.
        return { resolvedAt: null, closedAt: null };
      default:
        return {};
    }
  }

  private noteFor(action: SupportedAction, input: RequestActionDto, note: string | null): string | null {
    if (action !== 'accept') return note;
    const method = { call: '电话联系', visit: '上门走访', message: '微信留言' }[input.contactMethod ?? ''] ?? '';
    return [method, note].filter(Boolean).join('：') || null;
  }

  private async write(manager: EntityManager, request: RequestEntity, changes: Partial<RequestEntity>, seenVersion: number): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(RequestEntity)
      .set({ ...changes, version: seenVersion + 1 })
      .where('id = :id AND version = :version', { id: request.id, version: seenVersion })
      .execute();
    if (!result.affected) throw new AppError(ErrorCode.RequestConflict, 'version');
  }
}
