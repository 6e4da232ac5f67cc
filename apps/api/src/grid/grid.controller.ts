import { Controller, Get, Param, Query } from '@nestjs/common';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Public } from '../auth/auth-decorators';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitRefDto } from '../auth/dtos/auth.dto';
import { ListTownsQuery, TownSummaryDto } from './dtos/town-summary.dto';
import { GridService } from './grid.service';
import { SearchUnitsQuery, UnitMatchDto } from './dtos/unit-search.dto';

@ApiTags('grid')
@Public()
@Controller('public')
export class GridController {
  constructor(private readonly grid: GridService) {}

  @Get('towns')
  @ApiOperation({ operationId: 'listTowns', summary: 'Towns of the county with their grid counts (public)' })
  @ApiOkResponse({ type: [TownSummaryDto] })
  listTowns(@Query() query: ListTownsQuery): Promise<TownSummaryDto[]> {
    return this.grid.listTowns(query);
  }

  @Get('units/:unitId/search')
  @ApiOperation({ operationId: 'searchUnits', summary: 'Units under a unit whose name contains q (names only, at most 30), to choose one by name' })
  @ApiOkResponse({ type: [UnitMatchDto] })
  searchUnits(@Param('unitId', ParseIdPipe) unitId: number, @Query() query: SearchUnitsQuery): Promise<UnitMatchDto[]> {
    return this.grid.searchUnder(unitId, query.q);
  }

  @Get('units/:unitId/town')
  @ApiOperation({ operationId: 'getUnitTown', summary: 'The town a unit lies in (names only)' })
  @ApiOkResponse({ type: UnitRefDto })
  getUnitTown(@Param('unitId', ParseIdPipe) unitId: number): Promise<UnitRefDto> {
    return this.grid.townOf(unitId);
  }

  @Get('units/:unitId/children')
  @ApiOperation({ operationId: 'listChildUnits', summary: 'Units directly under a unit, names only (to choose a village by hand)' })
  @ApiOkResponse({ type: [UnitRefDto] })
  listChildUnits(@Param('unitId', ParseIdPipe) unitId: number): Promise<UnitRefDto[]> {
    return this.grid.listChildren(unitId);
  }
}
