import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';
import { NOTIFICATION_KINDS } from '../notification-kinds';

/** A page of the message centre holds at most this many messages. */
export const MAX_NOTIFICATIONS_PAGE = 50;
/** Ids marked read in one call. */
export const MAX_MARK_READ = 100;
/** WeChat lets requestSubscribeMessage ask for at most five templates at once. */
export const MAX_TEMPLATES_PER_REQUEST = 5;

export class NotificationDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ enum: NOTIFICATION_KINDS, type: String })
  kind: string;

  @ApiProperty({ nullable: true, type: Number, description: 'The request it is about, to open it' })
  requestId: number | null;

  @ApiProperty({ example: '诉求即将超过联系时限' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ nullable: true, type: Date, description: 'When I read it; null while unread' })
  readAt: Date | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' })
  items: NotificationDto[];

  @ApiProperty({ description: 'All my unread messages, not only this page' })
  unreadCount: number;

  @ApiProperty({ nullable: true, type: Number, description: 'Pass as `before` for the next (older) page; null at the end' })
  nextBefore: number | null;
}

export class ListNotificationsQuery {
  @ApiProperty({ required: false, minimum: 1, description: 'Only messages older than this id (the previous page’s nextBefore)' })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @IsInt()
  before?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: MAX_NOTIFICATIONS_PAGE, default: 20 })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @Max(MAX_NOTIFICATIONS_PAGE)
  @IsInt()
  limit?: number;
}

/** Either `ids` or `all: true`: an empty body (or one that is not JSON) marks nothing. */
export class MarkNotificationsReadDto {
  @ApiProperty({
    required: false,
    type: 'integer',
    isArray: true,
    maxItems: MAX_MARK_READ,
    uniqueItems: true,
    description: 'Which of my messages (ids that are not mine are ignored)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MARK_READ)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids?: number[];

  @ApiProperty({ required: false, description: 'true: all my unread messages (then leave out ids)' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

export class MarkNotificationsReadResultDto {
  @ApiProperty({ description: 'Messages that were unread and are now read' })
  marked: number;

  @ApiProperty()
  unreadCount: number;
}

export class SubscribeTemplateDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, type: String })
  kind: string;

  @ApiProperty({ description: 'Pass to wx.requestSubscribeMessage as one of tmplIds' })
  templateId: string;

  @ApiProperty({ example: '有新的诉求待办理' })
  title: string;
}

export class SubscribeGrantDto {
  @ApiProperty()
  templateId: string;

  @ApiProperty({ description: 'Messages WeChat will still deliver on this template (one per acceptance)' })
  remaining: number;
}

export class SubscriptionsDto {
  @ApiProperty({ type: [SubscribeTemplateDto], description: 'The configured templates by notification kind; empty: messages reach people in the app only' })
  templates: SubscribeTemplateDto[];

  @ApiProperty({ type: [SubscribeGrantDto], description: 'My remaining messages per configured template' })
  grants: SubscribeGrantDto[];
}

export class RecordSubscribeGrantsDto {
  @ApiProperty({
    type: 'string',
    isArray: true,
    maxItems: MAX_TEMPLATES_PER_REQUEST,
    uniqueItems: true,
    description: 'Template ids the user accepted in wx.requestSubscribeMessage (result "accept"); each adds one message',
  })
  @IsArray()
  @ArrayMaxSize(MAX_TEMPLATES_PER_REQUEST)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  accepted: string[];
}
