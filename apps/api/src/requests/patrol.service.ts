import { Injectable } from '@nestjs/common';
import { contactDueFrom, DUTY_TYPE_LABELS, refuseTransition, stepChanges, type DutyType, type RequestState } from '@gridloop/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { ContentGate } from '../content-check/content-gate';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { PatrolReportDto } from './dtos/patrol.dto';
import { RequestDto } from './dtos/request.dto';
import { applyStep, createRequest } from './request-steps';
import { RequestsService } from './requests.service';
import { CategoryRoutesService } from './routing/category-routes.service';
import { SubmissionLimit } from './submission-limit';

/**
 * 未诉先办: a grid leader reports what the patrol found before anyone complains. Settled on the
 * spot, it is accepted and resolved in the same transaction (and still looked back at, like any
 * result); otherwise it waits for handling like a villager's matter.
 */
@Injectable()
export class PatrolService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrgUnitRepository,
    private readonly service: RequestsService,
    private readonly content: ContentGate,
    private readonly routes: CategoryRoutesService,
    private readonly limit: SubmissionLimit,
  ) {}

  async report(actor: Actor, input: PatrolReportDto, now: Date): Promise<RequestDto> {
    const retried = await this.service.retryAnswer(actor, ['patrol'], input.clientRequestId, now);
    if (retried) return retried;
    const unit = await this.units.findInSpan(input.unitId, actor.spanFor('request.patrol'));
    if (!unit) throw new AppError(ErrorCode.NotFound, 'unitId');
    if (unit.kind !== 'small_grid') throw new AppError(ErrorCode.UnitNotSelectable, 'unitId');
    const result = input.result?.trim();
    if (input.settledOnSpot && !result) throw new AppError(ErrorCode.ValidationFailed, 'result', '现场处置请填写处置结果');
    await this.limit.assertRoom(actor.personId, 'patrol', now);
    // Before the transaction (a network call): a refusal writes nothing.
    const contentReview = await this.content.needsReview(actor, { description: input.description, addressNote: input.addressNote, result: input.settledOnSpot ? result : undefined });

    try {
      const id = await this.dataSource.transaction(async (manager) => {
        let { request } = await createRequest(
          manager,
          unit,
          {
            // Passed on, it is routed like any matter (a category may go to a department).
            handlerUnitId: input.settledOnSpot ? unit.id : await this.routes.handlerFor(unit, input.category, manager),
            requesterPersonId: actor.personId,
            submitterPersonId: actor.personId,
            source: 'patrol',
            clientRequestId: input.clientRequestId,
            category: input.category,
            description: input.description.trim(),
            addressNote: input.addressNote?.trim() || null,
            contactPhone: null,
            confidential: false,
            dutyType: input.dutyType,
            contactDueAt: contactDueFrom(now),
            contentReview,
          },
          actor.personId,
          now,
          // The photos show what was found: they go with the report itself (its submit step).
          { photoIds: input.photoIds },
        );
        if (!input.settledOnSpot) return request.id;
        // The reporter is one of the grid's handlers: the same guards as any accept and resolve.
        for (const action of ['accept', 'resolve'] as const) {
          if (refuseTransition(action, request.state as RequestState, this.service.relations(actor, request))) throw new AppError(ErrorCode.Forbidden);
          request = await applyStep(manager, actor.personId, request, action === 'accept'
            ? { action, changes: stepChanges(request, action, now, 'simple'), note: `现场处置（${DUTY_TYPE_LABELS[input.dutyType as DutyType]}）` }
            : { action, changes: stepChanges(request, action, now), note: result ?? null }, now);
        }
        return request.id;
      });
      return this.service.get(actor, id, now);
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error;
      // Two retries raced past the lookup: the unique (submitter, source, clientRequestId) let one in.
      const winner = await this.service.retryAnswer(actor, ['patrol'], input.clientRequestId, now);
      if (winner === null) throw error;
      return winner;
    }
  }
}
