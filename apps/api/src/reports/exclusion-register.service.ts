import { Injectable } from '@nestjs/common';
import { LOOK_BACK_ACTIONS, maskNumbersInText, REJECT_REASON_LABELS, ROLE_LABELS, type RequestAction, type Role } from '@gridloop/domain';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { RequestRepository } from '../requests/request.repository';
import { RequestEntity } from '../requests/request.entity';
import { ExclusionDeciderDto, ExclusionRegisterDto } from './dtos/exclusions.dto';
import { ExclusionRepository, type DecisionStep, type HeldRoleRow } from './exclusion.repository';
import type { Period } from './report-period';
import { ReportRepository } from './report.repository';

/**
 * The exclusion register (不计入名单): the matters one unit received in a month that were refused
 * as unreasonable and whose refusal was confirmed at look-back, so they are left out of its rates.
 * For each: who refused and who confirmed (role and name: officials acting officially), the kind of
 * reason (不属于本单位职责, 重复诉求…) and whether a reason was recorded. The reason itself is free text that may name people: only a signed-in
 * caller who may open the matter (the same test as reading it) gets it. Confidential (保密) matters
 * are only counted, as on every public list.
 */
@Injectable()
export class ExclusionRegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly exclusions: ExclusionRepository,
    private readonly requests: RequestRepository,
  ) {}

  /** The register of `unit` (a board row: it and the units under it) for the period, as `caller` (null: the public) may see it. */
  async register(unit: { name: string; path: string }, period: Period, now: Date, caller: Actor | null): Promise<ExclusionRegisterDto> {
    const rows = await this.reports.figureRows('excluded', unit.path, period, now);
    const ids = [...new Set(rows.map((r) => r.requestId))];
    const matters = ids.length === 0 ? [] : await this.dataSource.getRepository(RequestEntity).findBy({ id: In(ids) });
    const listed = matters.filter((m) => !m.confidential).sort((a, b) => a.id - b.id);
    const listedIds = listed.map((m) => m.id);
    const [steps, openable] = await Promise.all([
      // The period's end, as the count reads the refusal (receivedFacts).
      this.exclusions.decisionSteps(listedIds, period.end),
      caller ? this.requests.visibleAmong(listedIds, caller.personId, caller.spanFor('request.view')) : Promise.resolve(new Set<number>()),
    ]);
    const roles = await this.exclusions.rolesOf([...new Set(steps.flatMap((s) => (s.actorPersonId === null ? [] : [s.actorPersonId])))]);
    return {
      unitName: unit.name,
      count: rows.length,
      confidentialCount: matters.length - listed.length,
      entries: listed.map((matter) => {
        const { reject, lookBack } = confirmedRefusal(steps.filter((s) => s.requestId === matter.id));
        return {
          requestId: matter.id,
          category: matter.category,
          receivedAt: matter.createdAt,
          rejectedAt: reject?.at ?? null,
          rejectedBy: decider(reject, roles),
          lookedBackAt: lookBack?.at ?? null,
          lookedBackBy: decider(lookBack, roles),
          reasonRecorded: !!reject?.note,
          // The matter keeps its latest refusal's kind: the one this register shows.
          reasonKind: matter.rejectReason,
          reasonLabel: matter.rejectReason ? REJECT_REASON_LABELS[matter.rejectReason] : null,
          // A register is not the matter's page: a number written into the reason is masked for every reader.
          reason: openable.has(matter.id) && reject?.note ? maskNumbersInText(reject.note) : null,
          openable: openable.has(matter.id),
        };
      }),
    };
  }
}

/** The matter's last reject and the look-back after it that confirmed it. */
function confirmedRefusal(steps: readonly DecisionStep[]): { reject?: DecisionStep; lookBack?: DecisionStep } {
  const reject = steps.filter((s) => s.action === 'reject').at(-1);
  const lookBack = reject && steps.find((s) => LOOK_BACK_ACTIONS.includes(s.action as RequestAction) && s.at >= reject.at);
  return { reject, lookBack };
}

/** Who took a step: their name and the role they held then over the matter (else any role they held then). */
function decider(step: DecisionStep | undefined, roles: readonly HeldRoleRow[]): ExclusionDeciderDto {
  if (!step || step.actorPersonId === null) return { name: null, roleLabel: null };
  const held = roles.filter((r) => r.personId === step.actorPersonId && r.startedAt <= step.at && (!r.endedAt || r.endedAt > step.at));
  const role = held.find((r) => step.handlerPath?.startsWith(r.unitPath)) ?? held[0];
  return { name: step.actorName, roleLabel: role ? (ROLE_LABELS[role.role as Role] ?? null) : null };
}
