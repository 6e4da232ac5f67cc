import { Module } from '@nestjs/common';
import { GridModule } from '../grid/grid.module';
import { BulletinsController } from './bulletins.controller';
import { CategoryStatsService } from './category-stats.service';
import { DailyBulletinService } from './daily-bulletin.service';
import { WeeklyDispatchService } from './weekly-dispatch.service';
import { RankingStore } from './ranking-store';
import { ReportRepository } from './report.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** 三个一: the bulletins, the dispatch and the ranking (docs/reports.md). */
@Module({
  imports: [GridModule],
  controllers: [ReportsController, BulletinsController],
  providers: [ReportsService, DailyBulletinService, WeeklyDispatchService, CategoryStatsService, ReportRepository, RankingStore],
  // Scheduled jobs (src/jobs) send the morning bulletin and keep last month's ranking counts.
  exports: [DailyBulletinService, RankingStore],
})
export class ReportsModule {}
