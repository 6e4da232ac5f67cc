import { Inject, Injectable } from '@nestjs/common';
import {
  isInSpan,
  parkRulesForTown,
  parkStepChanges,
  parseParkRules,
  pathIdAt,
  planDayEnd,
  refuseParkAsk,
  refuseParkDecision,
  refuseWhileParkedOnly,
  ROLE_LABELS,
  spanOf,
  type ParkAction,
  type ParkRefusal,
  type ParkRules,
  type Role,
} from '@gridloop/domain';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { RequestActionDto } from './dtos/request.dto';
import { planText } from './request-announcements';
import type { Step } from './request-steps';
import type { RequestEntity } from './request.entity';

export const PARK_ACTIONS = ['requestPark', 'approvePark', 'declinePark', 'parkProgress', 'unpark'] as const satisfies readonly ParkAction[];

export function isParkAction(action: string): action is ParkAction {
  return (PARK_ACTIONS as readonly string[]).includes(action);
}

const DEFAULT_RULES = parseParkRules(undefined);

/** The park rules of the matter's town (PARK_RULES). */
export async function parkRulesFor(manager: EntityManager, config: AppConfig, request: Pick<RequestEntity, 'unit' | 'unitId'>): Promise<ParkRules> {
  const path = request.unit?.path ?? ((await manager.query('SELECT path FROM org_unit WHERE id = ?', [request.unitId])) as { path: string }[])[0]?.path;
  const townId = path ? pathIdAt(path, 1) : null;
  const rows: { code: string | null }[] = townId === null ? [] : await manager.query('SELECT code FROM org_unit WHERE id = ?', [townId]);
  return parkRulesForTown(config.clocks.parks ?? DEFAULT_RULES, rows[0]?.code ?? null);
}

/**
 * 挂账 as steps: the handler asks with a reason and a plan date, the approver (PARK_RULES) agrees,
 * perhaps with another date, or declines; while parked the handler records progress or resumes.
 * The domain's parking.ts decides; this turns its refusals into coded errors and its changes into
 * the step the workflow service writes with its timeline row.
 */
@Injectable()
export class RequestParking {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async step(
    manager: EntityManager,
    actor: Actor,
    request: RequestEntity,
    action: ParkAction,
    input: RequestActionDto,
    note: string | null,
    now: Date,
  ): Promise<Step> {
    const rules = await parkRulesFor(manager, this.config, request);
    switch (action) {
      case 'requestPark': {
        if (input.parkUntil === undefined) throw new AppError(ErrorCode.ValidationFailed, 'parkUntil', '请选择计划办结日期');
        refuse(refuseParkAsk(request, input.parkUntil, now, rules), rules);
        return { action, changes: parkStepChanges(action, now, rules, planDayEnd(input.parkUntil)!), note };
      }
      case 'approvePark': {
        refuse(refuseParkDecision(request, rolesOver(actor, request), input.parkUntil, now, rules), rules);
        const until = input.parkUntil === undefined ? request.parkAskedUntil! : planDayEnd(input.parkUntil)!;
        // The requester's row: the plan date, then the handler's reason (or the approver's own words).
        const reason = note ?? (await askReason(manager, request.id));
        return { action, changes: parkStepChanges(action, now, rules, until), note: [`计划${planText(until)}前办结`, reason].filter(Boolean).join('：') };
      }
      case 'declinePark':
        refuse(refuseParkDecision(request, rolesOver(actor, request), undefined, now, rules), rules);
        return { action, changes: parkStepChanges(action, now, rules), note };
      case 'parkProgress':
      case 'unpark':
        refuse(refuseWhileParkedOnly(request), rules);
        return { action, changes: parkStepChanges(action, now, rules), note };
    }
  }
}

/** The roles the caller holds over the matter's place (hotline staff over their town). */
function rolesOver(actor: Actor, request: RequestEntity): Role[] {
  const path = request.unit?.path ?? '';
  return actor.held.filter((held) => isInSpan(path, spanOf([held]))).map((held) => held.role);
}

/** The reason of the ask being approved (the internal row the handler wrote), for the requester's public row. */
async function askReason(manager: EntityManager, requestId: number): Promise<string | null> {
  const rows: { note: string | null }[] = await manager.query(
    "SELECT note FROM request_event WHERE requestId = ? AND action = 'requestPark' ORDER BY id DESC LIMIT 1",
    [requestId],
  );
  return rows[0]?.note ?? null;
}

function refuse(refusal: ParkRefusal | null, rules: ParkRules): void {
  switch (refusal) {
    case null:
      return;
    case 'BAD_DATE':
      throw new AppError(ErrorCode.ValidationFailed, 'parkUntil', '计划办结日期不是一个有效的日期');
    case 'PAST_DATE':
      throw new AppError(ErrorCode.ValidationFailed, 'parkUntil', '计划办结日期已经过去了，请选择今天或以后的日期');
    case 'TOO_FAR':
      throw new AppError(ErrorCode.ValidationFailed, 'parkUntil', `计划办结日期最远可以选${rules.maxPlanDays}天以后`);
    case 'PENDING':
      throw new AppError(ErrorCode.ParkPending, 'action');
    case 'ALREADY_PARKED':
      throw new AppError(ErrorCode.RequestWrongState, 'action', '这件事已经挂账了');
    case 'NOT_PENDING':
      throw new AppError(ErrorCode.RequestWrongState, 'action', '这件事没有待审批的挂账申请');
    case 'NOT_PARKED':
      throw new AppError(ErrorCode.RequestWrongState, 'action', '这件事没有挂账');
    case 'WRONG_APPROVER':
      throw new AppError(ErrorCode.Forbidden, 'action', `挂账要由${ROLE_LABELS[rules.approver]}审批`);
  }
}
