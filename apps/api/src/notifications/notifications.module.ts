import { Module } from '@nestjs/common';
import { WechatModule } from '../wechat/wechat.module';
import { NotificationDeliveryWorker } from './notification-delivery.worker';
import { NotificationRepository } from './notification.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The message centre, subscribe grants, and the worker that delivers the outbox (docs/notifications.md). */
@Module({
  imports: [WechatModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationRepository, NotificationDeliveryWorker],
  exports: [NotificationDeliveryWorker],
})
export class NotificationsModule {}
