import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '../common/clock';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Actor } from '../auth/actor';
import { CurrentActor, RequireCapability } from '../auth/auth-decorators';
import { ExportRosterQuery, RosterImportDto, StartRosterImportDto } from './dtos/roster.dto';
import { MAX_UPLOAD_BYTES, ROSTER_COLUMNS, XLSX_CONTENT_TYPE } from './roster-format';
import { ErrorCode } from '../common/error-codes';
import { UploadErrors } from '../common/upload-errors';
import { xlsxDownload } from '../common/xlsx-download';
import { RosterService, UploadedRoster } from './roster.service';

const FORMAT = `One sheet; header row ${ROSTER_COLUMNS.join(', ')}; one row per small grid (deputy optional).`;

/** A town's roster of grid leaders in and out as the .xlsx town offices keep (docs/roster.md). */
@ApiTags('roster')
@ApiBearerAuth()
@Controller('roster')
export class RosterController {
  constructor(
    private readonly roster: RosterService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('imports')
  @HttpCode(202)
  @RequireCapability('roster.manage')
  @UseInterceptors(
    UploadErrors(ErrorCode.RosterFileTooLarge, '请在 file 字段上传一个 .xlsx 文件'),
    FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } }),
  )
  @ApiOperation({
    operationId: 'importRoster',
    summary: `Upload a town's roster (.xlsx, ≤ 5 MB, ≤ 5000 rows); checked and applied after the answer. ${FORMAT}`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'townId'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The roster .xlsx' },
        townId: { type: 'integer', description: 'The town (镇) the roster is for' },
      },
    },
  })
  @ApiAcceptedResponse({ type: RosterImportDto, description: 'The import job, state "validating"; poll getRosterImport' })
  importRoster(@CurrentActor() actor: Actor, @UploadedFile() file: UploadedRoster | undefined, @Body() body: StartRosterImportDto): Promise<RosterImportDto> {
    return this.roster.startImport(actor, body.townId, file, this.clock.now());
  }

  @Get('imports/:importId')
  @RequireCapability('roster.manage')
  @ApiOperation({ operationId: 'getRosterImport', summary: 'An import job: state, progress, row errors or summary' })
  @ApiOkResponse({ type: RosterImportDto })
  getRosterImport(@CurrentActor() actor: Actor, @Param('importId', ParseIdPipe) importId: number): Promise<RosterImportDto> {
    return this.roster.getImport(actor, importId, this.clock.now());
  }

  @Get('export')
  @RequireCapability('roster.manage')
  @ApiOperation({
    operationId: 'exportRoster',
    summary: `A town's current roster as .xlsx with full phone numbers (roster.manage only; each number shown is logged as viewed). ${FORMAT}`,
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The roster workbook', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async exportRoster(@CurrentActor() actor: Actor, @Query() query: ExportRosterQuery): Promise<StreamableFile> {
    const file = await this.roster.exportRoster(actor, query.townId, this.clock.now());
    return xlsxDownload(file.content, file.fileName, file.asciiFileName);
  }
}
