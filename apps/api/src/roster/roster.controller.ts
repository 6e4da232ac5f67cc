import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor, RequireCapability } from '../auth/auth-decorators';
import { ExportRosterQuery, RosterImportDto, StartRosterImportDto } from './dtos/roster.dto';
import { MAX_UPLOAD_BYTES, ROSTER_COLUMNS, XLSX_CONTENT_TYPE } from './roster-format';
import { RosterUploadErrors } from './roster-upload.interceptor';
import { RosterService, UploadedRoster } from './roster.service';

const FORMAT = `One sheet; header row ${ROSTER_COLUMNS.join(', ')}; one row per small grid (deputy optional).`;

/** A town's roster of grid leaders in and out as the .xlsx town offices keep (docs/roster.md). */
@ApiTags('roster')
@ApiBearerAuth()
@Controller('roster')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Post('imports')
  @HttpCode(202)
  @RequireCapability('roster.manage')
  @UseInterceptors(RosterUploadErrors, FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } }))
  @ApiOperation({ operationId: 'importRoster', summary: `Upload a town's roster (.xlsx, ≤ 5 MB, ≤ 5000 rows); checked and applied after the answer. ${FORMAT}` })
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
    return this.roster.startImport(actor, body.townId, file, new Date());
  }

  @Get('imports/:importId')
  @RequireCapability('roster.manage')
  @ApiOperation({ operationId: 'getRosterImport', summary: 'An import job: state, progress, row errors or summary' })
  @ApiOkResponse({ type: RosterImportDto })
  getRosterImport(@CurrentActor() actor: Actor, @Param('importId', ParseIntPipe) importId: number): Promise<RosterImportDto> {
    return this.roster.getImport(actor, importId, new Date());
  }

  @Get('export')
  @RequireCapability('roster.manage')
  @ApiOperation({ operationId: 'exportRoster', summary: `A town's current roster as .xlsx with full phone numbers (roster.manage only; each number shown is logged as viewed). ${FORMAT}` })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The roster workbook', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async exportRoster(@CurrentActor() actor: Actor, @Query() query: ExportRosterQuery): Promise<StreamableFile> {
    const file = await this.roster.exportRoster(actor, query.townId, new Date());
    return new StreamableFile(file.content, {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
      length: file.content.length,
    });
  }
}

/** RFC 5987 value-chars: percent-encoded UTF-8, with the few characters encodeURIComponent leaves that it must not. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
