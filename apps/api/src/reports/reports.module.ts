import { Module } from '@nestjs/common';
import { GridModule } from '../grid/grid.module';
import { RequestsModule } from '../requests/requests.module';
import { ExclusionRegisterService } from './exclusion-register.service';
import { ExclusionRepository } from './exclusion.repository';
import { BulletinsController } from './bulletins.controller';
import { CategoryStatsService } from './category-stats.service';
import { DailyBulletinService } from './daily-bulletin.service';
import { WeeklyDispatchService } from './weekly-dispatch.service';
import { TownMonthService } from './town-month.service';
import { RankingStore } from './ranking-store';
import { ReportRepository } from './report.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** 三个一: the bulletins, the dispatch and the ranking (docs/reports.md). */
@Module({
  // RequestsModule: whether a caller may open a listed matter is the request's own visibility test.
  imports: [GridModule, RequestsModule],
  controllers: [ReportsController, BulletinsController],
  providers: [
    ReportsService,
    DailyBulletinService,
    WeeklyDispatchService,
    TownMonthService,
    CategoryStatsService,
    ReportRepository,
    RankingStore,
    ExclusionRegisterService,
    ExclusionRepository,
  ],
  // Scheduled jobs (src/jobs) send the morning bulletin and keep last month's ranking counts.
  exports: [DailyBulletinService, RankingStore],
})
export class ReportsModule {}
