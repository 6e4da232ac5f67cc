import { Injectable } from '@nestjs/common';
import {
  crossesTowns,
  isHomeUnitKind,
  isInternalStep,
  isWorkingState,
  mayHaveFollowers,
  mayMerge,
  PARK_CLEARED,
  mayTransferTo,
  stepChanges,
  stepDeadline,
} from '@gridloop/domain';
// The kinds a matter may be transferred to, shared with the console's unit picker.
import { TRANSFER_TARGET_KINDS } from '@gridloop/domain/dist/requests/transfer-scope';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { OrgUnit } from '../grid/org-unit.entity';
import { RequestActionDto } from './dtos/request.dto';
import { RequestEvent } from './request-event.entity';
import { RequestFollower } from './request-follower.entity';
import { RequestRepository } from './request.repository';
import { RequestEntity } from './request.entity';
import type { Step } from './request-steps';
import { RequestsService } from './requests.service';

/**
 * Moving a matter between hands: transfer (转办) to another grid or a town department, and merge
 * (合并) into a duplicate, whose requesters then follow the surviving case. Both are steps of the
 * workflow table; this works out their fields inside the caller's transaction.
 */
@Injectable()
export class RequestHandoverService {
  constructor(
    private readonly requests: RequestRepository,
    private readonly service: RequestsService,
  ) {}

  /**
   * To another unit of the same town, or of another town by one who dispatches for both (mayTransferTo):
   * the new handler's contact clock starts now; lateness marks stay. Moved to another town, the matter
   * belongs there (its unit is the new one), as a 12345 order imported there would.
   */
  async transferStep(manager: EntityManager, actor: Actor, request: RequestEntity, input: RequestActionDto, note: string, now: Date): Promise<Step> {
    if (!input.targetUnitId) throw new AppError(ErrorCode.ValidationFailed, 'targetUnitId', '请选择转给哪个网格或部门');
    const target = await manager.getRepository(OrgUnit).findOneBy({ id: input.targetUnitId });
    if (!target || !mayTransferTo(actor.spanFor('routing.manage'), request.unit!.path, target.path)) throw new AppError(ErrorCode.NotFound, 'targetUnitId');
    if (!TRANSFER_TARGET_KINDS.includes(target.kind)) throw new AppError(ErrorCode.ValidationFailed, 'targetUnitId', '只能转给小网格、村、镇直部门或热线办');
    if (target.id === request.handlerUnitId) throw new AppError(ErrorCode.ValidationFailed, 'targetUnitId', '这条诉求已经由该单位办理');
    return {
      action: 'transfer',
      changes: {
        handlerUnitId: target.id,
        unitId: isHomeUnitKind(target.kind) || crossesTowns(request.unit!.path, target.path) ? target.id : request.unitId,
        ...stepChanges(request, 'transfer', now),
      },
      note: `转至${target.name}：${note}`,
    };
  }

  /** Into an open duplicate the caller also handles or supervises; never from or into a confidential one. */
  async mergeStep(
    manager: EntityManager,
    actor: Actor,
    request: RequestEntity,
    input: RequestActionDto,
    note: string | null,
    now: Date,
  ): Promise<{ step: Step; target: RequestEntity }> {
    if (!mayHaveFollowers(request)) throw new AppError(ErrorCode.RequestConfidential, 'requestId', '这是保密诉求，不能并入其他诉求');
    if (!input.targetRequestId) throw new AppError(ErrorCode.ValidationFailed, 'targetRequestId', '请选择合并到哪条诉求');
    if (input.targetRequestId === request.id) throw new AppError(ErrorCode.ValidationFailed, 'targetRequestId', '不能合并到这条诉求自己');
    const target = await this.requests.findVisible(input.targetRequestId, actor.personId, actor.spanFor('request.view'), manager);
    if (!target) throw new AppError(ErrorCode.NotFound, 'targetRequestId');
    const relations = this.service.relations(actor, target);
    if (!relations.includes('handler') && !relations.includes('supervisor')) throw new AppError(ErrorCode.Forbidden, 'targetRequestId');
    if (!mayMerge(request, target)) throw new AppError(ErrorCode.RequestConfidential, 'targetRequestId', '要合并到的是保密诉求，不能把其他诉求并入保密诉求');
    // A matter can be merged only into one still being worked on.
    if (!isWorkingState(target.state)) throw new AppError(ErrorCode.RequestWrongState, 'targetRequestId', '要合并到的诉求已经办结或关闭，不能合并');
    return {
      target,
      // Merged away: any 挂账 of its own ends with it.
      step: {
        action: 'merge',
        changes: { mergedIntoId: target.id, closedAt: now, ...PARK_CLEARED },
        note: [`并入诉求 #${target.id}`, note].filter(Boolean).join('：'),
      },
    };
  }

  /** After the merge step: the merged requester and their followers now follow the survivor, which records it. */
  async carryFollowers(manager: EntityManager, actorPersonId: number, merged: RequestEntity, target: RequestEntity, now: Date): Promise<void> {
    // The one place followers are added: a confidential matter gains none (mergeStep refused already).
    if (!mayHaveFollowers(target)) throw new AppError(ErrorCode.RequestConfidential, 'targetRequestId');
    const followers = manager.getRepository(RequestFollower);
    const moving = [merged.requesterPersonId, ...(await followers.findBy({ requestId: merged.id })).map((f) => f.personId)];
    const already = new Set([target.requesterPersonId, ...(await followers.findBy({ requestId: target.id })).map((f) => f.personId)]);
    const fresh = [...new Set(moving)].filter((personId) => !already.has(personId));
    if (fresh.length > 0) await followers.insert(fresh.map((personId) => ({ requestId: target.id, personId, fromRequestId: merged.id, createdAt: now })));
    await manager.insert(RequestEvent, {
      requestId: target.id,
      action: 'mergeIn',
      fromState: target.state,
      toState: target.state,
      actorPersonId,
      note: `合并了诉求 #${merged.id}，其提出人一并关注本诉求`,
      public: !isInternalStep('mergeIn'),
      handlerUnitId: target.handlerUnitId,
      rating: null,
      dueAt: stepDeadline('mergeIn', target),
      createdAt: now,
    });
  }
}
