import { Inject, Injectable } from '@nestjs/common';
import {
  extensionApprover,
  extensionRulesForTown,
  extensionStepChanges,
  isInSpan,
  pathIdAt,
  refuseExtensionAsk,
  refuseExtensionDecision,
  ROLE_LABELS,
  spanOf,
  type ExtensionRefusal,
  type ExtensionRules,
  type Role,
} from '@gridloop/domain';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { RequestActionDto } from './dtos/request.dto';
import type { Step } from './request-steps';
import type { RequestEntity } from './request.entity';

export const EXTENSION_ACTIONS = ['requestExtension', 'approveExtension', 'declineExtension'] as const;
export type ExtensionAction = (typeof EXTENSION_ACTIONS)[number];

export function isExtensionAction(action: string): action is ExtensionAction {
  return (EXTENSION_ACTIONS as readonly string[]).includes(action);
}

/**
 * 延期申请 as steps: the handler asks, the approver (by the town's EXTENSION_RULES) grants,
 * perhaps fewer days, or declines. The domain's extensions.ts decides; this turns its refusals into
 * coded errors and its changes into the step the workflow service writes with its timeline row.
 */
@Injectable()
export class RequestExtensions {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async step(
    manager: EntityManager,
    actor: Actor,
    request: RequestEntity,
    action: ExtensionAction,
    input: RequestActionDto,
    note: string | null,
    now: Date,
  ): Promise<Step> {
    const rules = await this.rulesFor(manager, request);
    if (action === 'requestExtension') {
      if (input.extensionDays === undefined) throw new AppError(ErrorCode.ValidationFailed, 'extensionDays', `请填写要延长几个工作日（1到${rules.maxDays}天）`);
      refuse(refuseExtensionAsk(request, input.extensionDays, now, rules), rules, request);
      return { action, changes: extensionStepChanges(request, action, input.extensionDays), note };
    }
    const roles = rolesOver(actor, request);
    if (action === 'declineExtension') {
      refuse(refuseExtensionDecision(request, roles, undefined, rules), rules, request);
      return { action, changes: extensionStepChanges(request, action, 0), note };
    }
    // Granted: the days asked unless the approver gives fewer; the requester's row carries the handler's reason.
    const days = input.extensionDays ?? request.extensionAskedDays ?? 0;
    refuse(refuseExtensionDecision(request, roles, days, rules), rules, request);
    return { action, changes: extensionStepChanges(request, action, days), note: note ?? (await askReason(manager, request.id)) };
  }

  private async rulesFor(manager: EntityManager, request: RequestEntity): Promise<ExtensionRules> {
    const townId = request.unit?.path ? pathIdAt(request.unit.path, 1) : null;
    const rows: { code: string | null }[] = townId === null ? [] : await manager.query('SELECT code FROM org_unit WHERE id = ?', [townId]);
    return extensionRulesForTown(this.config.clocks.extensions, rows[0]?.code ?? null);
  }
}

/** The roles the caller holds over the matter's place (a town leader over his town, hotline staff over theirs). */
function rolesOver(actor: Actor, request: RequestEntity): Role[] {
  const path = request.unit?.path ?? '';
  return actor.held.filter((held) => isInSpan(path, spanOf([held]))).map((held) => held.role);
}

/** The reason of the ask being granted (the internal row the handler wrote), for the requester's public row. */
async function askReason(manager: EntityManager, requestId: number): Promise<string | null> {
  const rows: { note: string | null }[] = await manager.query(
    "SELECT note FROM request_event WHERE requestId = ? AND action = 'requestExtension' ORDER BY id DESC LIMIT 1",
    [requestId],
  );
  return rows[0]?.note ?? null;
}

function refuse(refusal: ExtensionRefusal | null, rules: ExtensionRules, request: RequestEntity): void {
  switch (refusal) {
    case null:
      return;
    case 'BAD_DAYS':
      throw new AppError(
        ErrorCode.ValidationFailed,
        'extensionDays',
        request.extensionAskedDays === null
          ? `延长的工作日要在1到${rules.maxDays}天之间`
          : `批准的工作日要在1到${request.extensionAskedDays}天之间（不能超过申请的天数）`,
      );
    case 'PENDING':
      throw new AppError(ErrorCode.ExtensionPending, 'action');
    case 'TOO_MANY':
      throw new AppError(ErrorCode.ExtensionLimitReached, 'action', `这件事最多可以延期${rules.maxPerMatter}次，次数已经用完了`);
    case 'TOO_LATE':
      throw new AppError(ErrorCode.ExtensionTooLate, 'action', `延期要在办理期限前至少${rules.leadWorkingHours}个工作小时申请，现在已经来不及了`);
    case 'NOT_PENDING':
      throw new AppError(ErrorCode.RequestWrongState, 'action', '这件事没有待审批的延期申请');
    case 'WRONG_APPROVER':
      throw new AppError(ErrorCode.Forbidden, 'action', `这次延期要由${ROLE_LABELS[extensionApprover(request.extensionCount, rules)]}审批`);
  }
}
