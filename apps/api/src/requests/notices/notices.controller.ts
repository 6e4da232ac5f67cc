import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../auth/actor';
import { CurrentActor, RequireCapability } from '../../auth/auth-decorators';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { PrintedNoticeDto } from './printed-notice.dto';
import { RequestPrintedNotices } from './request-printed-notices';

@ApiTags('notices')
@ApiBearerAuth()
@Controller()
export class NoticesController {
  constructor(private readonly notices: RequestPrintedNotices) {}

  @Get('notices/:noticeId')
  @RequireCapability('request.view')
  @ApiOperation({
    operationId: 'getPrintedNotice',
    summary: '催办通知书 / 督办通知单: one numbered notice, for the staff handling or supervising its matter (the requester masked)',
  })
  @ApiOkResponse({ type: PrintedNoticeDto })
  get(@CurrentActor() actor: Actor, @Param('noticeId', ParseIdPipe) noticeId: number): Promise<PrintedNoticeDto> {
    return this.notices.get(actor, noticeId);
  }

  @Get('requests/:requestId/notices')
  @RequireCapability('request.view')
  @ApiOperation({ operationId: 'listRequestNotices', summary: 'The printed notices of a matter’s urge and supervise steps, oldest first' })
  @ApiOkResponse({ type: [PrintedNoticeDto] })
  list(@CurrentActor() actor: Actor, @Param('requestId', ParseIdPipe) requestId: number): Promise<PrintedNoticeDto[]> {
    return this.notices.listFor(actor, requestId);
  }
}
