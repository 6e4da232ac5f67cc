import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth-decorators';
import { FigureRequestsDto, FigureRequestsQuery, RankingDto, RankingQuery, type RankingLevel } from './dtos/ranking.dto';
import type { RankingFigure } from './report.repository';
import { ReportsService } from './reports.service';

/** The public board: figures and grid leaders' names only, nothing else personal. */
@ApiTags('reports')
@Public()
@Controller('public/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('ranking')
  @ApiOperation({ operationId: 'getMonthlyRanking', summary: '办理成绩一月一晾晒: a town’s units of one level ranked for a month, with 环比 and 同比' })
  @ApiOkResponse({ type: RankingDto })
  ranking(@Query() query: RankingQuery): Promise<RankingDto> {
    return this.reports.monthlyRanking(query.townId, query.month, query.level as RankingLevel);
  }

  @Get('ranking/requests')
  @ApiOperation({ operationId: 'listFigureRequests', summary: '一数一查: the requests behind one figure of one unit on the board (no personal data; confidential ones only counted)' })
  @ApiOkResponse({ type: FigureRequestsDto })
  figureRequests(@Query() query: FigureRequestsQuery): Promise<FigureRequestsDto> {
    return this.reports.figureRequests(query.townId, query.month, query.unitId, query.figure as RankingFigure);
  }
}
