import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { SubscribeTemplate } from '../config/notifications-config';
import { MarkNotificationsReadResultDto, NotificationDto, NotificationPageDto, SubscriptionsDto } from './dtos/notification.dto';
import { NOTIFICATION_KINDS, NOTIFICATION_TITLES, type NotificationKind } from './notification-kinds';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';

const DEFAULT_PAGE = 20;

/** The message centre (消息中心) and the caller's WeChat subscribe grants (docs/notifications.md). */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NotificationRepository,
  ) {}

  async list(actor: Actor, query: { before?: number; limit?: number }): Promise<NotificationPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE;
    // One more than asked tells whether an older page exists.
    const rows = await this.repository.page(actor.personId, query.before, limit + 1);
    const items = rows.slice(0, limit);
    return {
      items: items.map(toDto),
      unreadCount: await this.repository.unreadCount(actor.personId),
      nextBefore: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null,
    };
  }

  /** Marks `ids` (those of them that are the caller's), or with `all`, every unread message of the caller's. */
  async markRead(actor: Actor, which: { ids?: number[]; all?: boolean }, now: Date): Promise<MarkNotificationsReadResultDto> {
    if ((which.all === true) === (which.ids !== undefined)) {
      throw new AppError(ErrorCode.ValidationFailed, 'ids', '填写的内容有误：请给出要标为已读的消息（ids），或者用 all 标记全部已读');
    }
    const marked = await this.repository.markRead(actor.personId, which.all === true ? undefined : which.ids, now);
    return { marked, unreadCount: await this.repository.unreadCount(actor.personId) };
  }

  subscriptions(actor: Actor): Promise<SubscriptionsDto> {
    return this.describe(actor.personId);
  }

  /** Records what the user accepted in wx.requestSubscribeMessage: one message per accepted template. */
  async recordGrants(actor: Actor, accepted: string[], now: Date): Promise<SubscriptionsDto> {
    const known = new Set(this.templates().map(([, t]) => t.templateId));
    if (accepted.some((id) => !known.has(id))) throw new AppError(ErrorCode.SubscribeTemplateUnknown, 'accepted');
    await this.repository.addGrants(actor.personId, accepted, now);
    return this.describe(actor.personId);
  }

  private async describe(personId: number): Promise<SubscriptionsDto> {
    const templates = this.templates();
    const ids = [...new Set(templates.map(([, t]) => t.templateId))];
    const held = new Map((await this.repository.grants(personId)).map((g) => [g.templateId, g.remaining]));
    return {
      templates: templates.map(([kind, t]) => ({ kind, templateId: t.templateId, title: NOTIFICATION_TITLES[kind] })),
      grants: ids.map((templateId) => ({ templateId, remaining: held.get(templateId) ?? 0 })),
    };
  }

  /** Configured templates in the order of NOTIFICATION_KINDS. */
  private templates(): [NotificationKind, SubscribeTemplate][] {
    return NOTIFICATION_KINDS.flatMap((kind) => {
      const template = this.config.notifications.templates[kind];
      return template ? [[kind, template] as [NotificationKind, SubscribeTemplate]] : [];
    });
  }
}

function toDto(row: Notification): NotificationDto {
  return { id: row.id, kind: row.kind, requestId: row.requestId, title: row.title, body: row.body, createdAt: row.createdAt, readAt: row.readAt };
}
