import { Injectable } from '@nestjs/common';
import {
  acceptNote,
  actionRule,
  canRateNow,
  complexityNeedsReason,
  isBlankText,
  proposedComplexity,
  RATING_LABELS,
  reopensOn,
  stepChanges,
  textOrNull,
  type RequestAction,
} from '@gridloop/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { ContentGate } from '../content-check/content-gate';
import { DisownRequestDto, RateRequestDto, RequestActionDto, RequestDto, SupportedAction } from './dtos/request.dto';
import { isExtensionAction, RequestExtensions } from './request-extensions';
import { isRefusalAction, RequestRefusals } from './request-refusals';
import { RequestPrintedNotices } from './notices/request-printed-notices';
import { RequestHandoverService } from './request-handover.service';
import { isParkAction, RequestParking } from './request-parking';
import { hasVisitFields, isReturnVisitAction, RequestReturnVisits } from './return-visits/request-return-visits';
import { applyStep, type Step } from './request-steps';
import { guardStep } from './step-guard';
import { RequestRepository } from './request.repository';
import { RequestEntity } from './request.entity';
import { RequestsService } from './requests.service';

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
    private readonly handover: RequestHandoverService,
    private readonly extensions: RequestExtensions,
    private readonly parking: RequestParking,
    private readonly refusals: RequestRefusals,
    private readonly returnVisits: RequestReturnVisits,
    private readonly content: ContentGate,
    private readonly notices: RequestPrintedNotices,
  ) {}

  async act(actor: Actor, requestId: number, action: SupportedAction, input: RequestActionDto, now: Date): Promise<RequestDto> {
    // What an action takes (a note, photos) is a column of its row in the domain's table.
    const rule = actionRule(action);
    if (input.photoIds?.length && !rule.photos) throw new AppError(ErrorCode.ValidationFailed, 'photoIds', '只有受理、跟进和办结可以附带照片');
    // Before the transaction (a network call): a refusal writes nothing.
    const review = await this.content.needsReview(actor, { note: input.note });
    // The step's photos go in with its timeline row; a note held for review flags the request.
    const withExtras = (step: Step): Step => ({ ...step, photoIds: input.photoIds, changes: review ? { ...step.changes, contentReview: true } : step.changes });
    await this.dataSource.transaction(async (manager) => {
      const request = await this.loadGuarded(manager, actor, requestId, action, input.version);
      const note = textOrNull(input.note);
      if (rule.noteRequired && !note) throw new AppError(ErrorCode.ValidationFailed, 'note', '请填写说明');
      // A target belongs to its own step only: sent with another, the client meant something else.
      if (input.targetUnitId !== undefined && action !== 'transfer') throw new AppError(ErrorCode.ValidationFailed, 'targetUnitId', '只有转办需要选择接收单位');
      if (input.targetRequestId !== undefined && action !== 'merge') throw new AppError(ErrorCode.ValidationFailed, 'targetRequestId', '只有合并需要选择诉求');
      if (input.extensionDays !== undefined && action !== 'requestExtension' && action !== 'approveExtension')
        throw new AppError(ErrorCode.ValidationFailed, 'extensionDays', '只有申请延期和批准延期需要填写天数');
      if (input.parkUntil !== undefined && action !== 'requestPark' && action !== 'approvePark')
        throw new AppError(ErrorCode.ValidationFailed, 'parkUntil', '只有申请挂账和批准挂账需要选择计划办结日期');
      if (hasVisitFields(input) && !isReturnVisitAction(action))
        throw new AppError(ErrorCode.ValidationFailed, 'visitMethod', '只有回访和回看并关闭需要填写回访情况');
      if ((input.rejectReason !== undefined || input.referTo !== undefined) && action !== 'reject')
        throw new AppError(ErrorCode.ValidationFailed, input.rejectReason !== undefined ? 'rejectReason' : 'referTo', '只有不予受理需要选择理由和去向');
      if ((input.requirement !== undefined || input.replyDays !== undefined) && !rule.printedNotice)
        throw new AppError(
          ErrorCode.ValidationFailed,
          input.requirement !== undefined ? 'requirement' : 'replyDays',
          '只有催办和督办需要填写通知的要求和回复期限',
        );
      if (action === 'transfer') {
        await applyStep(manager, actor.personId, request, withExtras(await this.handover.transferStep(manager, actor, request, input, note!, now)), now);
      } else if (action === 'merge') {
        const { step, target } = await this.handover.mergeStep(manager, actor, request, input, note, now);
        const merged = await applyStep(manager, actor.personId, request, withExtras(step), now);
        await this.handover.carryFollowers(manager, actor.personId, merged, target, now);
      } else if (isReturnVisitAction(action)) {
        const relations = this.service.relations(actor, request);
        await this.returnVisits.record(manager, actor.personId, request, relations, action, input, note, review ? { contentReview: true } : {}, now);
      } else if (isRefusalAction(action)) {
        await applyStep(manager, actor.personId, request, withExtras(await this.refusals.step(manager, request, action, input, note, now)), now);
      } else if (isExtensionAction(action)) {
        await applyStep(manager, actor.personId, request, withExtras(await this.extensions.step(manager, actor, request, action, input, note, now)), now);
      } else if (isParkAction(action)) {
        await applyStep(manager, actor.personId, request, withExtras(await this.parking.step(manager, actor, request, action, input, note, now)), now);
      } else {
        const stepped = await applyStep(manager, actor.personId, request, withExtras(this.simpleStep(request, action, input, note, now)), now);
        // 催办, 督办: the numbered notice the office sends, with the step.
        if (rule.printedNotice) await this.notices.issue(manager, actor.personId, stepped, rule.printedNotice, input, now);
      }
    });
    return this.service.get(actor, requestId, now);
  }

  /** The requester's verdict; 不满意 sends the matter back to work (重办) in the same transaction. */
  async rate(actor: Actor, requestId: number, input: RateRequestDto, now: Date): Promise<RequestDto> {
    const review = await this.content.needsReview(actor, { comment: input.comment });
    await this.dataSource.transaction(async (manager) => {
      const request = await this.loadGuarded(manager, actor, requestId, 'rate', input.version);
      if (!canRateNow(request.resolvedAt, request.ratedAt)) throw new AppError(ErrorCode.RequestWrongState, 'rating', '这次办理结果已经评价过了');
      const rating = input.rating;
      const comment = textOrNull(input.comment);
      const rated = await applyStep(
        manager,
        actor.personId,
        request,
        {
          action: 'rate',
          changes: { rating, ratedAt: now, ...(review ? { contentReview: true } : {}) },
          note: [RATING_LABELS[rating], comment].filter(Boolean).join('：'),
        },
        now,
      );
      if (reopensOn(rating)) {
        await applyStep(
          manager,
          actor.personId,
          rated,
          { action: 'reopen', changes: this.changes(rated, 'reopen', { version: rated.version }, now), note: '群众不满意，重新办理' },
          now,
        );
      }
    });
    return this.service.get(actor, requestId, now);
  }

  /**
   * 这不是我的诉求: the person a matter was entered for (代办, a call, an order) says it is not
   * theirs. It is withdrawn, and the hotline office of its town is told (request-announcements).
   */
  async disown(actor: Actor, requestId: number, input: DisownRequestDto, now: Date): Promise<RequestDto> {
    const review = await this.content.needsReview(actor, { note: input.note });
    await this.dataSource.transaction(async (manager) => {
      const request = await this.loadGuarded(manager, actor, requestId, 'disown', input.version);
      // Words staff read at a glance in the timeline, then what the person added.
      const note = ['当事人说这不是他的诉求', textOrNull(input.note)].filter(Boolean).join('：');
      await applyStep(
        manager,
        actor.personId,
        request,
        { action: 'disown', changes: { ...stepChanges(request, 'disown', now), ...(review ? { contentReview: true } : {}) }, note },
        now,
      );
    });
    return this.service.get(actor, requestId, now);
  }

  private simpleStep(request: RequestEntity, action: SupportedAction, input: RequestActionDto, note: string | null, now: Date): Step {
    if (action === 'declineTransfer' && !request.transferRequested) throw new AppError(ErrorCode.RequestWrongState, 'action', '这条诉求没有待处理的转办申请');
    return { action, changes: this.changes(request, action, input, now), note: this.noteFor(action, input, note) };
  }

  private async loadGuarded(manager: EntityManager, actor: Actor, requestId: number, action: RequestAction, seenVersion: number): Promise<RequestEntity> {
    const request = await this.requests.findVisible(requestId, actor.personId, actor.spanFor('request.view'), manager);
    if (!request) throw new AppError(ErrorCode.NotFound, 'requestId');
    // A stale version first: the caller decided on a matter that has moved on, so whether the step
    // still fits its new state is beside the point (a lost race is a conflict, never a wrong state).
    if (request.version !== seenVersion) throw new AppError(ErrorCode.RequestConflict, 'version');
    guardStep(action, request, this.service.relations(actor, request));
    return request;
  }

  /** Field changes an action brings besides the state: clocks started, stopped, and marked late. */
  private changes(request: RequestEntity, action: RequestAction, input: RequestActionDto, now: Date): Partial<RequestEntity> {
    switch (action) {
      case 'accept': {
        if (!input.contactMethod) throw new AppError(ErrorCode.ValidationFailed, 'contactMethod', '请选择联系方式');
        const complexity = input.complexity ?? proposedComplexity(request.category);
        if (complexityNeedsReason(request.category, complexity) && isBlankText(input.note))
          throw new AppError(ErrorCode.ValidationFailed, 'note', '改变办理时限分类时请说明原因');
        return stepChanges(request, 'accept', now, complexity);
      }
      default:
        return stepChanges(request, action, now);
    }
  }

  private noteFor(action: SupportedAction, input: RequestActionDto, note: string | null): string | null {
    return action === 'accept' ? acceptNote(input.contactMethod, note) : note;
  }
}
