import { Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { chinaDayOf } from '@gridloop/domain';
import type { Response } from 'express';
import { Actor } from '../../auth/actor';
import { CurrentActor, RequireCapability } from '../../auth/auth-decorators';
import { CLOCK, type Clock } from '../../common/clock';
import { XLSX_CONTENT_TYPE, xlsxDisposition } from '../../common/xlsx-download';
import { writeSearchSheet } from './search-sheet';
import { SearchFilterQuery, SearchPageDto, SearchPlaceDto, SearchRequestsQuery, SEARCH_PAGE_MAX } from './search.dto';
import { RequestSearchService } from './search.service';

/** 诉求检索 (registered before RequestsController, whose `:requestId` would take `search`). */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestSearchController {
  private readonly logger = new Logger(RequestSearchController.name);

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly search: RequestSearchService,
  ) {}

  @Get('search')
  @RequireCapability('request.view')
  @ApiOperation({
    operationId: 'searchRequests',
    summary: `诉求检索: every matter I may see, filtered on the server, sorted, ≤ ${SEARCH_PAGE_MAX} a page; the next page by nextCursor`,
  })
  @ApiOkResponse({ type: SearchPageDto })
  page(@CurrentActor() actor: Actor, @Query() query: SearchRequestsQuery): Promise<SearchPageDto> {
    return this.search.page(actor, query, this.clock.now());
  }

  @Get('search.xlsx')
  @RequireCapability('request.view')
  @ApiOperation({ operationId: 'exportRequestSearch', summary: 'The whole filtered set of searchRequests as an .xlsx, streamed as it is read; phones masked' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The workbook', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async export(@CurrentActor() actor: Actor, @Query() query: SearchFilterQuery, @Res() res: Response): Promise<void> {
    const now = this.clock.now();
    // A filter that cannot be read is refused as JSON before the first byte of the workbook.
    await this.search.filterOf(actor, query, now);
    const day = chinaDayOf(now);
    res.setHeader('content-type', XLSX_CONTENT_TYPE);
    res.setHeader('content-disposition', xlsxDisposition(`诉求检索_${day}.xlsx`, `requests-${day}.xlsx`));
    try {
      await writeSearchSheet(res, this.search.pages(actor, query, now));
    } catch (error) {
      // Headers are gone: all that is left is to cut the download short, so it does not look whole.
      this.logger.error(`search export cut short: ${String(error)}`);
      res.destroy();
    }
  }

  @Get('search/places')
  @RequireCapability('request.view')
  @ApiOperation({ operationId: 'listSearchPlaces', summary: 'The towns, villages and grids within my area, parents first: the tree a search is narrowed by' })
  @ApiOkResponse({ type: [SearchPlaceDto] })
  places(@CurrentActor() actor: Actor): Promise<SearchPlaceDto[]> {
    return this.search.places(actor);
  }
}
