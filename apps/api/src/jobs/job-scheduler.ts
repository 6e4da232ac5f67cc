import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EscalateOverdueJob, type EscalationCounts } from './escalate-overdue.job';
import { KeepRankingMonthsJob } from './keep-ranking-months.job';
import { ParkedMattersJob, type ParkCounts } from './parked-matters.job';
import { PushDailyBulletinJob } from './push-daily-bulletin.job';
import type { ScheduledJob } from './scheduled-job';
import { SweepUnusedUploadsJob } from './sweep-unused-uploads.job';

/** What each job did in one run. */
export interface JobResults {
  pushDailyBulletin: number;
  keepRankingMonths: void;
  sweepUnusedUploads: number;
  parkedMatters: ParkCounts;
  escalateOverdue: EscalationCounts;
}

/**
 * Runs the scheduled jobs (src/jobs, one file a job) one after another every CLOCK_SWEEP_SECONDS
 * inside each API instance; 0 leaves it off (tests call runOnce with the time they want). A run
 * never starts while this instance's last one is still going; other instances may run at the same
 * moment, and each job claims its own work so that nothing is done twice.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobScheduler.name);
  private interval?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly bulletin: PushDailyBulletinJob,
    private readonly ranking: KeepRankingMonthsJob,
    private readonly uploads: SweepUnusedUploadsJob,
    private readonly parked: ParkedMattersJob,
    private readonly overdue: EscalateOverdueJob,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.clocks.sweepSeconds;
    if (seconds === 0) return;
    this.interval = setInterval(() => {
      if (this.running) return; // the last run is still going
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.error(error instanceof Error ? error.stack : String(error)))
        .finally(() => (this.running = undefined));
    }, seconds * 1000);
    this.interval.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.interval);
    await this.running;
  }

  /**
   * Runs every job for `now`. A job that fails does not hold the others up (a bulletin that cannot
   * be counted must not stop escalations): each is tried, then the first failure is thrown.
   */
  async runOnce(now: Date = this.clock.now()): Promise<JobResults> {
    const failures: unknown[] = [];
    const attempt = async <Result>(job: ScheduledJob<Result>): Promise<Result | undefined> => {
      try {
        return await job.run(now);
      } catch (error) {
        failures.push(error);
        return undefined;
      }
    };
    // The morning bulletin and last month's ranking first, as the clocks' sweep always did them.
    const results = {
      pushDailyBulletin: await attempt(this.bulletin),
      keepRankingMonths: await attempt(this.ranking),
      sweepUnusedUploads: await attempt(this.uploads),
      // Before the escalations: a matter whose plan date passed is back on the ladder in the same run.
      parkedMatters: await attempt(this.parked),
      escalateOverdue: await attempt(this.overdue),
    };
    for (const extra of failures.slice(1)) this.logger.error(extra instanceof Error ? extra.stack : String(extra));
    if (failures.length > 0) throw failures[0];
    return results as JobResults;
  }
}
