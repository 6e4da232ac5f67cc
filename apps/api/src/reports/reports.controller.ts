import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Public, SignedInCaller } from '../auth/auth-decorators';
import { ExclusionRegisterDto } from './dtos/exclusions.dto';
import {
  ExclusionsQuery,
  FigureRequestsDto,
  FigureRequestsQuery,
  RankingDto,
  RankingQuery,
  UnitHistoryDto,
  UnitHistoryQuery,
  type RankingLevel,
} from './dtos/ranking.dto';
import type { RankingFigure } from './report.repository';
import { ReportsService } from './reports.service';

/** Half a year: enough to see a trend on a phone's width. */
const DEFAULT_HISTORY_MONTHS = 6;

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

  @Get('unit-history')
  @ApiOperation({
    operationId: 'getUnitHistory',
    summary: 'One unit’s last months on the board (rank, composite, hearts, counts), oldest first: 我的网格成绩’s trend',
  })
  @ApiOkResponse({ type: UnitHistoryDto })
  unitHistory(@Query() query: UnitHistoryQuery): Promise<UnitHistoryDto> {
    return this.reports.unitHistory(query.townId, query.unitId, query.month, query.months ?? DEFAULT_HISTORY_MONTHS);
  }

  @Get('ranking/requests')
  @Public({ identifyCaller: true })
  @ApiOperation({
    operationId: 'listFigureRequests',
    summary:
      '一数一查: the requests behind one figure of one unit on the board (no personal data; confidential ones only counted); with a valid token, the ones the caller may open are marked openable',
  })
  @ApiOkResponse({ type: FigureRequestsDto })
  figureRequests(@Query() query: FigureRequestsQuery, @SignedInCaller() caller: Actor | null): Promise<FigureRequestsDto> {
    return this.reports.figureRequests(query.townId, query.month, query.unitId, query.figure as RankingFigure, caller);
  }

  @Get('ranking/exclusions')
  @Public({ identifyCaller: true })
  @ApiOperation({
    operationId: 'listExclusions',
    summary:
      '不计入名单: the matters of one unit and month refused as unreasonable and confirmed at look-back, left out of its rates, with who decided; the reason only for a signed-in caller who may open the matter',
  })
  @ApiOkResponse({ type: ExclusionRegisterDto })
  exclusions(@Query() query: ExclusionsQuery, @SignedInCaller() caller: Actor | null): Promise<ExclusionRegisterDto> {
    return this.reports.exclusionRegister(query.townId, query.month, query.unitId, caller);
  }
}
