import { Inject, Injectable } from '@nestjs/common';
import {
  DISPATCHING_UNIT_KIND,
  parseRefusalRules,
  pathIdAt,
  reachedHandlerAt,
  refusalRulesForTown,
  refuseRejectReason,
  refuseReturn,
  REJECT_REASON_LABELS,
  rejectNote,
  returnStepChanges,
  stepChanges,
  textOrNull,
  type RefusalRules,
  type RejectReason,
  type RejectRefusal,
  type ReturnFacts,
  type ReturnRefusal,
} from '@gridloop/domain';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { rawDate } from '../common/raw-date';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { RequestActionDto } from './dtos/request.dto';
import type { Step } from './request-steps';
import type { RequestEntity } from './request.entity';

/** REFUSAL_RULES left out: the defaults everywhere. */
const DEFAULT_CONFIG = parseRefusalRules(undefined);

export const REFUSAL_ACTIONS = ['reject', 'returnToDispatch'] as const;
export type RefusalAction = (typeof REFUSAL_ACTIONS)[number];

export function isRefusalAction(action: string): action is RefusalAction {
  return (REFUSAL_ACTIONS as readonly string[]).includes(action);
}

/**
 * 不予受理 with its reason (and, for "not ours", where the requester should go), and 退单 back to
 * the town hotline office's dispatch queue within the town's window (REFUSAL_RULES). The domain's
 * refusals.ts decides; this reads what it needs (the town, the timeline, the office), turns its
 * refusals into coded errors and its changes into the step the workflow service writes.
 */
@Injectable()
export class RequestRefusals {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async step(manager: EntityManager, request: RequestEntity, action: RefusalAction, input: RequestActionDto, note: string | null, now: Date): Promise<Step> {
    const townId = request.unit?.path ? pathIdAt(request.unit.path, 1) : null;
    const rules = await this.rulesFor(manager, townId);
    if (action === 'reject') {
      const referTo = textOrNull(input.referTo);
      refuseReject(refuseRejectReason(input.rejectReason, referTo, rules), rules);
      const reason = input.rejectReason as RejectReason;
      return { action, changes: { ...stepChanges(request, 'reject', now), rejectReason: reason, referTo }, note: rejectNote(reason, referTo, note) };
    }
    refuseBack(refuseReturn(await returnFacts(manager, request), now, rules), rules);
    const offices: { id: number | string; name: string }[] =
      townId === null
        ? []
        : await manager.query('SELECT id, name FROM org_unit WHERE parentId = ? AND kind = ? ORDER BY id LIMIT 1', [townId, DISPATCHING_UNIT_KIND]);
    const office = offices[0];
    if (!office) throw new AppError(ErrorCode.RequestWrongState, 'action', '本镇还没有热线办，无法退单，请申请转办');
    return {
      action,
      changes: { ...stepChanges(request, 'returnToDispatch', now), ...returnStepChanges(now), handlerUnitId: Number(office.id) },
      note: `退回${office.name}重新派单：${note ?? ''}`,
    };
  }

  /** Whether the matter's handler may still return it now (the page offers 退单 only then). */
  async mayReturn(manager: EntityManager, request: RequestEntity, now: Date): Promise<boolean> {
    const rules = await this.rulesFor(manager, request.unit?.path ? pathIdAt(request.unit.path, 1) : null);
    return refuseReturn(await returnFacts(manager, request), now, rules) === null;
  }

  private async rulesFor(manager: EntityManager, townId: number | null): Promise<RefusalRules> {
    const rows: { code: string | null }[] = townId === null ? [] : await manager.query('SELECT code FROM org_unit WHERE id = ?', [townId]);
    return refusalRulesForTown(this.config.requests.refusals ?? DEFAULT_CONFIG, rows[0]?.code ?? null);
  }
}

/** What the return window reads: the kind of unit holding the matter, and when it reached it (from the timeline). */
async function returnFacts(manager: EntityManager, request: RequestEntity): Promise<ReturnFacts> {
  const timeline: { handlerUnitId: number | string | null; createdAt: Date | string }[] = await manager.query(
    'SELECT handlerUnitId, createdAt FROM request_event WHERE requestId = ? ORDER BY id',
    [request.id],
  );
  const reachedAt = reachedHandlerAt(
    timeline.filter((row) => row.handlerUnitId !== null).map((row) => ({ handlerUnitId: Number(row.handlerUnitId), createdAt: rawDate(row.createdAt) })),
    request.handlerUnitId,
  );
  return { handlerUnitKind: request.handlerUnit?.kind ?? '', reachedAt };
}

function refuseReject(refusal: RejectRefusal | null, rules: RefusalRules): void {
  switch (refusal) {
    case null:
      return;
    case 'NO_REASON':
      throw new AppError(ErrorCode.ValidationFailed, 'rejectReason', '请选择不予受理的理由');
    case 'REASON_NOT_OFFERED':
      throw new AppError(
        ErrorCode.ValidationFailed,
        'rejectReason',
        `不予受理的理由请从这些里选：${rules.rejectReasons.map((r) => REJECT_REASON_LABELS[r]).join('、')}`,
      );
    case 'NO_REFERRAL':
      throw new AppError(ErrorCode.ValidationFailed, 'referTo', '不属于本单位职责的，请写明群众应该去哪里反映（如法院、劳动仲裁、市直部门）');
    case 'REFERRAL_NOT_WANTED':
      throw new AppError(ErrorCode.ValidationFailed, 'referTo', '只有“不属于本单位职责或受理范围”需要写明去哪里反映');
  }
}

function refuseBack(refusal: ReturnRefusal | null, rules: RefusalRules): void {
  switch (refusal) {
    case null:
      return;
    case 'AT_DISPATCH':
      throw new AppError(ErrorCode.RequestWrongState, 'action', '这条诉求在热线办待派单，不需要退单');
    case 'WINDOW_PASSED':
      throw new AppError(
        ErrorCode.ReturnWindowPassed,
        'action',
        rules.returnWindowWorkingHours === 0
          ? '本镇不办理退单，如不属于本单位职责请申请转办'
          : `退单要在收到后${rules.returnWindowWorkingHours}个工作小时内办理，现在已经超过时限，请申请转办`,
      );
  }
}
