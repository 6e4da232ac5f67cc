import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { Notification } from './notification.entity';
import { SubscribeGrant } from './subscribe-grant.entity';

/**
 * The message centre's and the subscribe grants' reads and writes. Every query is scoped to one
 * person: a forgotten filter cannot show anyone another person's messages.
 */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One person's messages, newest first, older than `before` when given. */
  page(personId: number, before: number | undefined, limit: number): Promise<Notification[]> {
    return this.dataSource.getRepository(Notification).find({
      where: { personId, ...(before === undefined ? {} : { id: LessThan(before) }) },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  unreadCount(personId: number): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ personId, readAt: IsNull() });
  }

  /** Marks the person's unread messages (all, or those of `ids` that are theirs) read; how many changed. */
  async markRead(personId: number, ids: readonly number[] | undefined, now: Date): Promise<number> {
    if (ids !== undefined && ids.length === 0) return 0;
    const result = await this.dataSource
      .getRepository(Notification)
      .update({ personId, readAt: IsNull(), ...(ids === undefined ? {} : { id: In([...ids]) }) }, { readAt: now });
    return result.affected ?? 0;
  }

  grants(personId: number): Promise<SubscribeGrant[]> {
    return this.dataSource.getRepository(SubscribeGrant).find({ where: { personId }, order: { templateId: 'ASC' } });
  }

  /** One more message on each template (one acceptance each), creating the person's row when new; one transaction. */
  async addGrants(personId: number, templateIds: readonly string[], now: Date): Promise<void> {
    if (templateIds.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      for (const templateId of [...templateIds].sort()) {
        // Insert-if-absent, then add: safe when two calls for the same person race.
        await manager.createQueryBuilder().insert().into(SubscribeGrant).values({ personId, templateId, remaining: 0, updatedAt: now }).orIgnore().execute();
        await manager
          .createQueryBuilder()
          .update(SubscribeGrant)
          .set({ remaining: () => 'remaining + 1', updatedAt: now })
          .where('personId = :personId AND templateId = :templateId', { personId, templateId })
          .execute();
      }
    });
  }
}
