import { Module } from '@nestjs/common';
import { PhotosModule } from '../photos/photos.module';
import { ReportsModule } from '../reports/reports.module';
import { EscalateOverdueJob } from './escalate-overdue.job';
import { JobScheduler } from './job-scheduler';
import { KeepRankingMonthsJob } from './keep-ranking-months.job';
import { ParkedMattersJob } from './parked-matters.job';
import { PushDailyBulletinJob } from './push-daily-bulletin.job';
import { SweepUnusedUploadsJob } from './sweep-unused-uploads.job';

/** The work the API does on its own, on a schedule (docs/clocks.md, "Scheduled jobs"). */
@Module({
  imports: [ReportsModule, PhotosModule],
  providers: [JobScheduler, ParkedMattersJob, EscalateOverdueJob, PushDailyBulletinJob, KeepRankingMonthsJob, SweepUnusedUploadsJob],
  exports: [JobScheduler],
})
export class JobsModule {}
