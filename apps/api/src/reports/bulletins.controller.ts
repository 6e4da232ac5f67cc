import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { chinaDayOf } from '@gridloop/domain';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '../common/clock';
import { XLSX_CONTENT_TYPE, xlsxDownload } from '../common/xlsx-download';
import { WeeklyDispatchDto, WeeklyDispatchQuery } from './dtos/weekly-dispatch.dto';
import { writeWeeklyDispatchSheet } from './weekly-dispatch-sheet';
import { WeeklyDispatchService } from './weekly-dispatch.service';
import { TownMonthDto } from './dtos/town-month.dto';
import { TownMonthService } from './town-month.service';
import { Actor } from '../auth/actor';
import { CurrentActor, RequireCapability } from '../auth/auth-decorators';
import { CategoryStatsService } from './category-stats.service';
import { DailyBulletinService } from './daily-bulletin.service';
import { CategoryStatsDto, CategoryStatsQuery } from './dtos/category-stats.dto';
import { BulletinFigureQuery, DailyBulletinDto, DailyBulletinQuery, ReportRequestsDto, type BulletinFigure } from './dtos/daily-bulletin.dto';
import { writeDailyBulletinSheet } from './daily-bulletin-sheet';

/** The town's own sheets (三个一), for its hotline office and leaders. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class BulletinsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly bulletins: DailyBulletinService,
    private readonly weekly: WeeklyDispatchService,
    private readonly categoryStats: CategoryStatsService,
    private readonly townMonths: TownMonthService,
  ) {}

  @Get('daily')
  @RequireCapability('reports.view')
  @ApiOperation({
    operationId: 'getDailyBulletin',
    summary:
      '受理情况一天一通报: a town’s day — received by source, village and category; first contacts on time and late; results; open and overdue at its end',
  })
  @ApiOkResponse({ type: DailyBulletinDto })
  daily(@CurrentActor() actor: Actor, @Query() query: DailyBulletinQuery): Promise<DailyBulletinDto> {
    return this.bulletins.bulletin(actor, query.townId, query.day, this.clock.now());
  }

  @Get('daily.xlsx')
  @RequireCapability('reports.view')
  @ApiOperation({
    operationId: 'exportDailyBulletin',
    summary: 'The day’s bulletin as an .xlsx (A4): the figures, by source, village and category, and the overdue list',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The bulletin workbook', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async exportDaily(@CurrentActor() actor: Actor, @Query() query: DailyBulletinQuery): Promise<StreamableFile> {
    const report = await this.bulletins.bulletin(actor, query.townId, query.day, this.clock.now());
    return xlsxDownload(await writeDailyBulletinSheet(report), `受理情况通报_${report.day}.xlsx`, `daily-bulletin-${report.day}.xlsx`);
  }

  @Get('daily/requests')
  @RequireCapability('reports.view')
  @ApiOperation({
    operationId: 'listBulletinRequests',
    summary: '一数一查: the requests behind one figure of a day’s bulletin (a by-line needs its key); no names or phones',
  })
  @ApiOkResponse({ type: ReportRequestsDto })
  dailyRequests(@CurrentActor() actor: Actor, @Query() query: BulletinFigureQuery): Promise<ReportRequestsDto> {
    return this.bulletins.figureRequests(actor, query.townId, query.day, query.figure as BulletinFigure, this.clock.now(), query.key);
  }

  @Get('weekly-dispatch')
  @RequireCapability('reports.view')
  @ApiOperation({
    operationId: 'getWeeklyDispatch',
    summary: '办理进度一周一调度: the town’s open matters now, by the unit handling each (age, deadline, overdue), units with the most overdue first',
  })
  @ApiOkResponse({ type: WeeklyDispatchDto })
  weeklyDispatch(@CurrentActor() actor: Actor, @Query() query: WeeklyDispatchQuery): Promise<WeeklyDispatchDto> {
    return this.weekly.dispatch(actor, query.townId, this.clock.now());
  }

  @Get('town-month')
  @RequireCapability('reports.view')
  @ApiOperation({
    operationId: 'getTownMonth',
    summary: 'A town leader’s home: this month so far — 受理, 办结, 超期 (open past the deadline) and 满意率 — as the monthly ranking counts them',
  })
  @ApiOkResponse({ type: TownMonthDto })
  townMonth(@CurrentActor() actor: Actor, @Query() query: WeeklyDispatchQuery): Promise<TownMonthDto> {
    return this.townMonths.townMonth(actor, query.townId, this.clock.now());
  }

  @Get('weekly-dispatch.xlsx')
  @RequireCapability('reports.view')
  @ApiOperation({ operationId: 'exportWeeklyDispatch', summary: 'The same as an .xlsx laid out for printing (A4 landscape, a block per unit with its totals)' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The dispatch workbook', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async exportWeeklyDispatch(@CurrentActor() actor: Actor, @Query() query: WeeklyDispatchQuery): Promise<StreamableFile> {
    const report = await this.weekly.dispatch(actor, query.townId, this.clock.now());
    const day = chinaDayOf(report.asOf);
    return xlsxDownload(await writeWeeklyDispatchSheet(report), `办理进度调度_${day}.xlsx`, `weekly-dispatch-${day}.xlsx`);
  }

  @Get('categories')
  @RequireCapability('reports.view')
  @ApiOperation({ operationId: 'getCategoryStats', summary: 'Months by category (received, results) against the same months a year before (同比)' })
  @ApiOkResponse({ type: CategoryStatsDto })
  categories(@CurrentActor() actor: Actor, @Query() query: CategoryStatsQuery): Promise<CategoryStatsDto> {
    return this.categoryStats.stats(actor, query.townId, query.from, query.to);
  }
}
