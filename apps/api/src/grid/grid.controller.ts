import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListTownsQuery, TownSummaryDto } from './dtos/town-summary.dto';
import { GridService } from './grid.service';

@ApiTags('grid')
@Controller('public/towns')
export class GridController {
  constructor(private readonly grid: GridService) {}

  @Get()
  @ApiOperation({ operationId: 'listTowns', summary: 'Towns of the county with their grid counts (public)' })
  @ApiOkResponse({ type: [TownSummaryDto] })
  listTowns(@Query() query: ListTownsQuery): Promise<TownSummaryDto[]> {
    return this.grid.listTowns(query);
  }
}
