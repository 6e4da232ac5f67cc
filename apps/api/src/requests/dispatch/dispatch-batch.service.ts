import { Injectable, Logger } from '@nestjs/common';
import { isBlankText, isInSpan } from '@gridloop/domain';
import { Actor } from '../../auth/actor';
import { AppError } from '../../common/app-error';
import { ERROR_MESSAGES, ErrorCode } from '../../common/error-codes';
import { OrgUnitRepository } from '../../grid/org-unit.repository';
import { RequestWorkflowService } from '../request-workflow.service';
import { DispatchBatchDto, DispatchBatchResultDto, DispatchItemResultDto } from './dispatch-batch.dto';

/**
 * 派单 several at once: each matter is transferred to the batch's unit, or to its own where the
 * item names one, by the workflow's own
 * transfer step, in a transaction of its own with its timeline row, so one that fails (moved on
 * meanwhile, not the caller's to dispatch) leaves the others dispatched; the answer says, item by
 * item, which were and why not.
 */
@Injectable()
export class DispatchBatchService {
  private readonly log = new Logger(DispatchBatchService.name);

  constructor(
    private readonly workflow: RequestWorkflowService,
    private readonly units: OrgUnitRepository,
  ) {}

  async dispatch(actor: Actor, input: DispatchBatchDto, now: Date): Promise<DispatchBatchResultDto> {
    // Every item would be refused for it: say so once, for the form's field.
    if (isBlankText(input.note)) throw new AppError(ErrorCode.ValidationFailed, 'note', '请填写派单说明');
    // A unit outside the caller's dispatching area refuses the whole batch, as a single transfer would
    // each item: the batch's unit, and each item's own (named by its place in the list).
    const span = actor.spanFor('routing.manage');
    const named: [number, string][] = [
      [input.targetUnitId, 'targetUnitId'],
      ...input.items.flatMap((item, i): [number, string][] => (item.targetUnitId === undefined ? [] : [[item.targetUnitId, `items.${i}.targetUnitId`]])),
    ];
    const found = await this.units.findByIds([...new Set(named.map(([unitId]) => unitId))]);
    const inSpan = new Set(found.filter((unit) => isInSpan(unit.path, span)).map((unit) => unit.id));
    const outside = named.find(([unitId]) => !inSpan.has(unitId));
    if (outside) throw new AppError(ErrorCode.NotFound, outside[1]);
    const items: DispatchItemResultDto[] = [];
    // One after another: a batch is a desk's selection, and each item's step reads what the last wrote.
    for (const item of input.items) {
      const targetUnitId = item.targetUnitId ?? input.targetUnitId;
      try {
        const done = await this.workflow.act(actor, item.requestId, 'transfer', { version: item.version, targetUnitId, note: input.note }, now);
        items.push({ requestId: item.requestId, outcome: 'done', version: done.version });
      } catch (error) {
        items.push({ requestId: item.requestId, outcome: 'failed', ...failureOf(error, this.log) });
      }
    }
    const done = items.filter((item) => item.outcome === 'done').length;
    return { done, failed: items.length - done, items };
  }
}

function failureOf(error: unknown, log: Logger): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { code: ErrorCode.Internal, message: ERROR_MESSAGES[ErrorCode.Internal] };
}
