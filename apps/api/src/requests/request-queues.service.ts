import { Inject, Injectable } from '@nestjs/common';
import {
  textAsShown,
  DUPLICATE_THRESHOLD,
  duplicateScore,
  isWorkingState,
  mayHaveFollowers,
  mayMerge,
  OPEN_STATES,
  REQUEST_STATE_LABELS,
  WORKING_STATES,
} from '@gridloop/domain';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DuplicateCandidateDto, RequestListItemDto } from './dtos/request.dto';
import { RequestRepository } from './request.repository';
import { listItemActions } from './request-view';
import { RequestsService } from './requests.service';

const QUEUE_LIMIT = 200;
/** Duplicates are looked for among the grid's open matters of the last 30 days. */
const DUPLICATE_WINDOW_DAYS = 30;
const DUPLICATE_SCAN = 300;
const DUPLICATES_SHOWN = 5;

/** The dispatchers' and supervisors' work lists, and possible duplicates of a matter. */
@Injectable()
export class RequestQueuesService {
  constructor(
    private readonly requests: RequestRepository,
    private readonly service: RequestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 派单: 12345 orders and calls waiting at the hotline office, and handlers' transfer requests. */
  async dispatchQueue(actor: Actor, now: Date): Promise<RequestListItemDto[]> {
    const waiting = await this.requests.dispatchQueue(actor.spanFor('routing.manage'), OPEN_STATES, QUEUE_LIMIT);
    return this.service.listItems(actor, waiting, now);
  }

  /** How many dispatchQueue lists (up to its limit), without reading the list's rows: the 工作台's 待派单. */
  dispatchCount(actor: Actor): Promise<number> {
    return this.requests.dispatchCount(actor.spanFor('routing.manage'), OPEN_STATES, QUEUE_LIMIT);
  }

  /**
   * 回看: results and refusals to look back at. A result waits for the requester's rating first,
   * but not for ever: unrated after the configured hours, it is looked back at all the same.
   */
  async lookBackQueue(actor: Actor, now: Date): Promise<RequestListItemDto[]> {
    const unratedBefore = new Date(now.getTime() - this.config.lookBack.ratingWaitHours * 3600_000);
    const ready = await this.requests.lookBackQueue(actor.spanFor('request.lookBack'), unratedBefore, QUEUE_LIMIT);
    // The handler never looks back at their own work: leave out what the caller handles.
    const views = await this.service.listItems(actor, ready, now);
    return views.filter((view) => view.actions.includes('lookBack'));
  }

  /**
   * How many lookBackQueue lists: the same rows, kept by the same rule (listItemActions offers 回看:
   * a supervisor, not the handler), without reading their requesters, followers and results (the
   * rule needs none of them). The 工作台's 待回看.
   */
  async lookBackCount(actor: Actor, now: Date): Promise<number> {
    const unratedBefore = new Date(now.getTime() - this.config.lookBack.ratingWaitHours * 3600_000);
    const ready = await this.requests.lookBackQueue(actor.spanFor('request.lookBack'), unratedBefore, QUEUE_LIMIT);
    return ready.filter((request) => listItemActions(request, this.service.relations(actor, request)).includes('lookBack')).length;
  }

  /** 超时督办: matters whose clock ran out, within the caller's span, as far up the ladder as they climbed. */
  async overdueBoard(actor: Actor, now: Date): Promise<RequestListItemDto[]> {
    return this.service.listItems(actor, await this.requests.overdue(actor.spanFor('request.view'), now, QUEUE_LIMIT), now);
  }

  /** How many overdueBoard lists (up to its limit), without reading the list's rows: the 工作台's 超时督办. */
  overdueCount(actor: Actor, now: Date): Promise<number> {
    return this.requests.overdueCount(actor.spanFor('request.view'), now, QUEUE_LIMIT);
  }

  /**
   * Open matters in the same grid that look like this one, most alike first, for its handler or
   * supervisor. Only ones it may be merged into: never a confidential one, nor any for a confidential one.
   */
  async duplicates(actor: Actor, requestId: number, now: Date): Promise<DuplicateCandidateDto[]> {
    const request = await this.requests.findVisible(requestId, actor.personId, actor.spanFor('request.view'));
    if (!request) throw new AppError(ErrorCode.NotFound, 'requestId');
    const onIt = (relations: string[]) => relations.includes('handler') || relations.includes('supervisor');
    if (!onIt(this.service.relations(actor, request))) throw new AppError(ErrorCode.Forbidden);
    // Only matters being worked on may merge, so only they are shown duplicates; a confidential one never merges.
    if (!isWorkingState(request.state) || !mayHaveFollowers(request)) return [];
    const since = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * 24 * 3600_000);
    const candidates = await this.requests.openInUnit(request.unitId, request.id, WORKING_STATES, since, DUPLICATE_SCAN);
    return candidates
      .filter((other) => mayMerge(request, other) && onIt(this.service.relations(actor, other)))
      .map((other) => ({ other, score: duplicateScore(request, other) }))
      .filter(({ score }) => score >= DUPLICATE_THRESHOLD)
      .sort((a, b) => b.score - a.score || a.other.id - b.other.id)
      .slice(0, DUPLICATES_SHOWN)
      .map(({ other, score }) => ({
        id: other.id,
        state: other.state,
        stateLabel: REQUEST_STATE_LABELS[other.state],
        category: other.category,
        description: textAsShown(this.service.relations(actor, other), other.description),
        addressNote: other.addressNote,
        createdAt: other.createdAt,
        score: Math.round(score * 100) / 100,
      }));
  }
}
