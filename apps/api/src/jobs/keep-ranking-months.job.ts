import { Injectable } from '@nestjs/common';
import { RankingStore } from '../reports/ranking-store';
import type { ScheduledJob } from './scheduled-job';

/**
 * Counts and keeps last month's ranking (and the same month a year before, its 同比) as soon as
 * it has settled, so the first look at the board waits for neither. When it is kept, and why the
 * kept counts cannot disagree with the timeline, is RankingStore's (boards keep months too).
 * Several instances: counting is read-only and gives each the same counts; a month is kept in one
 * transaction keyed by the month, so of two at once one keeps it and the other logs and moves on.
 */
@Injectable()
export class KeepRankingMonthsJob implements ScheduledJob<void> {
  constructor(private readonly ranking: RankingStore) {}

  run(now: Date): Promise<void> {
    return this.ranking.keepLastMonth(now);
  }
}
