import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors, Inject } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '../common/clock';
import { Actor } from '../auth/actor';
import { CurrentActor, RequireCapability } from '../auth/auth-decorators';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { UploadErrors } from '../common/upload-errors';
import { XLSX_CONTENT_TYPE, xlsxDownload } from '../common/xlsx-download';
import { ExportRepliesQuery, HotlineImportResultDto, HotlineReplyDto, ImportHotlineOrdersDto, ImportHotlineOrdersFormDto } from './hotline.dto';
import { HOTLINE_COLUMNS, MAX_HOTLINE_UPLOAD_BYTES, readHotlineSheet, writeRepliesSheet } from './hotline-sheet';
import { HotlineService } from './hotline.service';

/** 12345 work orders in from the city platform, and the replies back (docs/hotline.md). */
@ApiTags('hotline')
@ApiBearerAuth()
@Controller('hotline')
export class HotlineController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly hotline: HotlineService,
  ) {}

  @Post('orders')
  @HttpCode(200)
  @RequireCapability('hotline.orders')
  @ApiOperation({
    operationId: 'importHotlineOrders',
    summary: 'Import 12345 orders (JSON batch of ≤ 500) into a town’s hotline office; an order number already imported changes nothing',
  })
  @ApiOkResponse({ type: HotlineImportResultDto })
  importOrders(@CurrentActor() actor: Actor, @Body() body: ImportHotlineOrdersDto): Promise<HotlineImportResultDto> {
    return this.hotline.importOrders(actor, body.townId, body.orders, this.clock.now());
  }

  @Post('orders/xlsx')
  @HttpCode(200)
  @RequireCapability('hotline.orders')
  @UseInterceptors(
    UploadErrors(ErrorCode.HotlineFileTooLarge, '请在 file 字段上传一个 .xlsx 文件'),
    FileInterceptor('file', { limits: { fileSize: MAX_HOTLINE_UPLOAD_BYTES, files: 1, fields: 5 } }),
  )
  @ApiOperation({
    operationId: 'importHotlineOrdersSheet',
    summary: `Import 12345 orders from the hotline office's .xlsx (≤ 5 MB, ≤ 500 rows; header ${HOTLINE_COLUMNS.join(', ')}); any bad row refuses the file`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'townId'],
      properties: { file: { type: 'string', format: 'binary' }, townId: { type: 'integer' } },
    },
  })
  @ApiOkResponse({ type: HotlineImportResultDto })
  async importSheet(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: { buffer: Buffer; size: number } | undefined,
    @Body() body: ImportHotlineOrdersFormDto,
  ): Promise<HotlineImportResultDto> {
    if (!file || file.size === 0) throw new AppError(ErrorCode.ValidationFailed, 'file', '请选择要导入的工单表格（.xlsx）');
    return this.hotline.importOrders(actor, body.townId, await readHotlineSheet(file.buffer), this.clock.now());
  }

  @Get('orders/:orderNo/reply')
  @RequireCapability('hotline.orders')
  @ApiOperation({ operationId: 'getHotlineReply', summary: 'The reply for the city on one order: result, handler, time' })
  @ApiOkResponse({ type: HotlineReplyDto })
  reply(@CurrentActor() actor: Actor, @Param('orderNo') orderNo: string): Promise<HotlineReplyDto> {
    return this.hotline.reply(actor, orderNo, this.clock.now());
  }

  @Get('replies')
  @RequireCapability('hotline.orders')
  @ApiOperation({ operationId: 'listHotlineReplies', summary: 'Replies for the orders a town received on the given days (China time)' })
  @ApiOkResponse({ type: [HotlineReplyDto] })
  replies(@CurrentActor() actor: Actor, @Query() query: ExportRepliesQuery): Promise<HotlineReplyDto[]> {
    return this.hotline.repliesForDays(actor, query.townId, query.from, query.to, this.clock.now());
  }

  @Get('replies.xlsx')
  @RequireCapability('hotline.orders')
  @ApiOperation({ operationId: 'exportHotlineReplies', summary: 'The same replies as an .xlsx for the city platform, formatted for printing' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The replies workbook', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async exportReplies(@CurrentActor() actor: Actor, @Query() query: ExportRepliesQuery): Promise<StreamableFile> {
    const replies = await this.hotline.repliesForDays(actor, query.townId, query.from, query.to, this.clock.now());
    return xlsxDownload(await writeRepliesSheet(replies), `12345工单回复_${query.from}_${query.to}.xlsx`, `hotline-replies-${query.from}-${query.to}.xlsx`);
  }
}
