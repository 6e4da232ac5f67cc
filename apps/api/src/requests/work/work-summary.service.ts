import { Injectable } from '@nestjs/common';
import { chinaDayOf, HANDLER_ROLES, workSearch, type WorkSearchKey } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { Actor } from '../../auth/actor';
import { RequestQueuesService } from '../request-queues.service';
import { RequestSearchService } from '../search/search.service';
import { intakeByDay, type IntakeByDay } from './intake-30d';
import { WorkSummaryDto } from './work-summary.dto';

/** The home page's counts: the caller's own work first, then the office queues their roles reach. */
@Injectable()
export class WorkSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: RequestQueuesService,
    private readonly search: RequestSearchService,
  ) {}

  async summary(actor: Actor, now: Date): Promise<WorkSummaryDto> {
    const day = chinaDayOf(now);
    const handles = actor.held.some((h) => HANDLER_ROLES.includes(h.role));
    const views = actor.spanFor('request.view').length > 0;
    // Each own-work count is the size of the 诉求检索 its card opens (workSearch), read by the search
    // itself; the queue counts read the queues' own queries. So a count and its list cannot disagree.
    const searched = (key: WorkSearchKey) => this.search.count(actor, workSearch(key, day), now);
    const [handling, overdue, dueSoon, dispatch, lookBack, supervision, dueToday, receivedToday] = await Promise.all([
      handles && views ? searched('handling') : null,
      handles && views ? searched('overdue') : null,
      handles && views ? searched('dueSoon') : null,
      actor.spanFor('routing.manage').length > 0 ? this.queues.dispatchCount(actor) : null,
      actor.spanFor('request.lookBack').length > 0 ? this.queues.lookBackCount(actor, now) : null,
      actor.spanFor('request.lookBack').length > 0 ? this.queues.overdueCount(actor, now) : null,
      views ? searched('dueToday') : null,
      views ? searched('receivedToday') : null,
    ]);
    return { day, handling, dueSoon, overdue, dispatch, lookBack, supervision, dueToday, receivedToday };
  }

  /** 工作台's chart: the last 30 China days' intake by source, over what the caller may see. */
  intake(actor: Actor, now: Date): Promise<IntakeByDay> {
    return intakeByDay(this.dataSource, actor.spanFor('request.view'), now);
  }
}
