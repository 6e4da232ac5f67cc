import { Controller, Get, Param, Query } from '@nestjs/common';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Public } from '../auth/auth-decorators';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitRefDto } from '../auth/dtos/auth.dto';
import { ListTownsQuery, TownSummaryDto } from './dtos/town-summary.dto';
import { GridService } from './grid.service';

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

  @Get('units/:unitId/children')
  @ApiOperation({ operationId: 'listChildUnits', summary: 'Units directly under a unit, names only (to choose a village by hand)' })
  @ApiOkResponse({ type: [UnitRefDto] })
  listChildUnits(@Param('unitId', ParseIdPipe) unitId: number): Promise<UnitRefDto[]> {
    return this.grid.listChildren(unitId);
  }
}
