import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor, RequireCapability } from '../auth/auth-decorators';
import { XLSX_CONTENT_TYPE, xlsxDownload } from '../common/xlsx-download';
import { PhoneViewFilterQuery, PhoneViewPageDto, PhoneViewPageQuery } from './dtos/phone-view-audit.dto';
import { PhoneViewAuditService } from './phone-view-audit.service';
import { writePhoneViewSheet } from './phone-view-sheet';

/** The audit of full-number views, for town leaders and county admins (docs/privacy.md). */
@ApiTags('people')
@ApiBearerAuth()
@Controller()
export class PhoneViewAuditController {
  constructor(private readonly audit: PhoneViewAuditService) {}

  @Get('phone-views')
  @RequireCapability('phone.auditViews')
  @ApiOperation({
    operationId: 'listPhoneViews',
    summary: 'Who viewed whose full number, when, for which request: within the caller’s span, newest first, paged',
  })
  @ApiOkResponse({ type: PhoneViewPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: PhoneViewPageQuery): Promise<PhoneViewPageDto> {
    return this.audit.page(actor, query);
  }

  @Get('phone-views.xlsx')
  @RequireCapability('phone.auditViews')
  @ApiOperation({ operationId: 'exportPhoneViews', summary: 'The same views as an .xlsx (every matching row, at most 10,000)' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The audit workbook', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async export(@CurrentActor() actor: Actor, @Query() query: PhoneViewFilterQuery): Promise<StreamableFile> {
    const views = await this.audit.all(actor, query);
    const range = query.from || query.to ? `（${query.from ?? '最早'}至${query.to ?? '今天'}）` : '';
    return xlsxDownload(await writePhoneViewSheet(views, `号码查看记录${range}：共${views.length}条`), '号码查看记录.xlsx', 'phone-views.xlsx');
  }
}
