import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth-decorators';
import { CLOCK, type Clock } from '../common/clock';
import {
  ListNotificationsQuery,
  MarkNotificationsReadDto,
  MarkNotificationsReadResultDto,
  NotificationPageDto,
  RecordSubscribeGrantsDto,
  SubscriptionsDto,
} from './dtos/notification.dto';
import { NotificationsService } from './notifications.service';

/** My message centre and my WeChat subscribe grants (docs/notifications.md). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me')
export class NotificationsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  @Get('notifications')
  @ApiOperation({
    operationId: 'listMyNotifications',
    summary: '消息中心: my messages, newest first, a page at a time (before = the last id seen), with my unread count',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.notifications.list(actor, query);
  }

  @Post('notifications/read')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'markNotificationsRead',
    summary: 'Mark my messages read: the ids given ({ids}) or all of them ({all: true}); ids that are not mine are ignored',
  })
  @ApiOkResponse({ type: MarkNotificationsReadResultDto })
  markRead(@CurrentActor() actor: Actor, @Body() body: MarkNotificationsReadDto): Promise<MarkNotificationsReadResultDto> {
    return this.notifications.markRead(actor, body, this.clock.now());
  }

  @Get('subscriptions')
  @ApiOperation({
    operationId: 'listSubscribeTemplates',
    summary: 'The WeChat subscribe-message templates to ask for (by kind) and my remaining messages on each',
  })
  @ApiOkResponse({ type: SubscriptionsDto })
  subscriptions(@CurrentActor() actor: Actor): Promise<SubscriptionsDto> {
    return this.notifications.subscriptions(actor);
  }

  @Post('subscriptions')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'recordSubscribeGrants',
    summary: 'Record the templates I accepted in wx.requestSubscribeMessage (≤ 5): one more WeChat message on each',
  })
  @ApiOkResponse({ type: SubscriptionsDto })
  recordGrants(@CurrentActor() actor: Actor, @Body() body: RecordSubscribeGrantsDto): Promise<SubscriptionsDto> {
    return this.notifications.recordGrants(actor, body.accepted, this.clock.now());
  }
}
