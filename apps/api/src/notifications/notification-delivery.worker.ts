import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { WechatAccount } from '../auth/wechat-account.entity';
import { CLOCK, type Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { skipLockedByOthers } from '../database/skip-locked';
import type { SubscribeTemplate } from '../config/notifications-config';
import { RequestEntity } from '../requests/request.entity';
import { WechatApiClient } from '../wechat/wechat-api.client';
import { WechatTokenService } from '../wechat/wechat-token.service';
import { classifySendFailure, retryDelaySeconds } from './delivery-policy';
import { NotificationDelivery, type DeliveryState } from './notification-delivery.entity';
import { Notification } from './notification.entity';
import { buildSubscribeMessage, type MessageSource } from './subscribe-message';
import { SubscribeGrant } from './subscribe-grant.entity';

/** Deliveries claimed per transaction. */
const BATCH_SIZE = 20;
/**
 * How long a claimed delivery belongs to the instance that claimed it. Far longer than the
 * longest send (token fetch, send, token refresh, send again: 4 × 5 s timeouts), so a lease only
 * runs out when that instance died mid-send.
 */
export const SEND_LEASE_MS = 2 * 60 * 1000;

export interface DeliveryCounts {
  /** Rows taken from the outbox in this run. */
  claimed: number;
  sent: number;
  /** Put back with a later nextAttemptAt. */
  retrying: number;
  inAppOnly: number;
  failed: number;
  /** Found 'sending' after their lease ran out (an instance died mid-send): not sent again. */
  interrupted: number;
}

interface Job {
  deliveryId: number;
  attempts: number;
  personId: number;
  template: SubscribeTemplate;
  touser: string;
  source: MessageSource;
}

/**
 * Works the notification outbox (docs/notifications.md): claims due deliveries with row locks
 * other instances skip, sends each as a WeChat subscribe message after the claim has committed,
 * and records the outcome. At most once: a delivery whose send may have reached WeChat is never
 * sent again (WeChat has no idempotency key), so an instance dying mid-send leaves that one
 * message in the app only.
 */
@Injectable()
export class NotificationDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotificationDelivery');
  private timer?: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();
  private busy = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly wechat: WechatApiClient,
    private readonly tokens: WechatTokenService,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.notifications.pollSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      if (this.busy || this.stopping) return;
      this.runOnce().catch((error: unknown) => this.logger.error({ reason: String((error as Error)?.stack ?? error) }, 'delivery run failed'));
    }, seconds * 1000);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress, so a clean shutdown leaves nothing 'sending'. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.chain.catch(() => undefined);
  }

  /** Works every delivery due now, a batch at a time; runs one after another within this instance. */
  runOnce(): Promise<DeliveryCounts> {
    const run = this.chain.then(() => this.work());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async work(): Promise<DeliveryCounts> {
    this.busy = true;
    const counts: DeliveryCounts = { claimed: 0, sent: 0, retrying: 0, inAppOnly: 0, failed: 0, interrupted: 0 };
    try {
      while (!this.stopping) {
        const { jobs, claimed } = await this.claimBatch(this.clock.now(), counts);
        counts.claimed += claimed;
        for (const job of jobs) counts[await this.deliver(job)]++;
        if (claimed < BATCH_SIZE) break;
      }
    } finally {
      this.busy = false;
    }
    return counts;
  }

  // -------------------------------------------------------------------------------------------
  // claim: one short transaction; nothing slow happens while its locks are held

  private async claimBatch(now: Date, counts: DeliveryCounts): Promise<{ jobs: Job[]; claimed: number }> {
    const mysql = this.dataSource.options.type !== 'better-sqlite3';
    const claim = async (manager: EntityManager) => {
      // One state at a time, so that the index (state, nextAttemptAt[, id]) gives the order and the
      // scan stops after the batch: with a sort (two states at once), InnoDB would lock every due
      // row it read for the sort, and the other instance would find them all locked.
      const due = async (state: DeliveryState, limit: number): Promise<NotificationDelivery[]> => {
        if (limit <= 0) return [];
        let query = manager
          .getRepository(NotificationDelivery)
          .createQueryBuilder('d')
          .where('d.state = :state', { state })
          .andWhere('d.nextAttemptAt <= :now', { now })
          .orderBy('d.nextAttemptAt', 'ASC')
          .addOrderBy('d.id', 'ASC')
          .limit(limit);
        if (mysql) query = query.useIndex('IDX_delivery_due');
        // Another instance's claimed rows are skipped, not waited for.
        return skipLockedByOthers(query).getMany();
      };
      // Claims whose lease ran out first (rare), then what is waiting.
      const expired = await due('sending', BATCH_SIZE);
      const rows = [...expired, ...(await due('pending', BATCH_SIZE - expired.length))];
      if (rows.length === 0) return { jobs: [], claimed: 0 };

      const notifications = await manager.getRepository(Notification).findBy({ id: In(rows.map((r) => r.notificationId)) });
      const byId = new Map(notifications.map((n) => [n.id, n]));
      const personIds = [...new Set(notifications.map((n) => n.personId))];
      const openids = await this.openids(manager, personIds);
      const requestIds = [...new Set(notifications.flatMap((n) => (n.requestId === null ? [] : [n.requestId])))];
      const states = new Map(
        requestIds.length === 0
          ? []
          : (await manager.getRepository(RequestEntity).find({ where: { id: In(requestIds) }, select: { id: true, state: true } })).map((r) => [r.id, r.state]),
      );

      // Grant rows are locked in one order (person, template) so two instances never deadlock.
      const ordered = rows
        .map((row) => ({ row, notification: byId.get(row.notificationId) }))
        .sort(
          (a, b) =>
            (a.notification?.personId ?? 0) - (b.notification?.personId ?? 0) ||
            this.templateIdOf(a.notification).localeCompare(this.templateIdOf(b.notification)) ||
            a.row.id - b.row.id,
        );
      const jobs: Job[] = [];
      for (const { row, notification } of ordered) {
        const template = notification ? this.config.notifications.templates[notification.kind] : undefined;
        if (row.state === 'sending') {
          // Its lease ran out: the instance that claimed it died during the send. WeChat may have
          // delivered it; sending again could make a duplicate, so it stays in the app only.
          if (notification && template) await this.giveGrantBack(manager, notification.personId, template.templateId, now);
          await this.finish(
            manager,
            row.id,
            'failed',
            'interrupted during the send (the instance stopped); not sent again to avoid a duplicate, see the message centre',
          );
          counts.interrupted++;
          continue;
        }
        const skip = !notification
          ? 'the notification is gone'
          : !template
            ? `no subscribe template configured for ${notification.kind}`
            : !this.config.wechat.appid || !this.config.wechat.secret
              ? 'WeChat is not configured (WECHAT_APPID, WECHAT_SECRET)'
              : !openids.has(notification.personId)
                ? 'no WeChat account (openid) for this person'
                : null;
        if (skip !== null || !notification || !template) {
          await this.finish(manager, row.id, 'in_app_only', skip ?? 'not deliverable');
          counts.inAppOnly++;
          continue;
        }
        const spent = await manager
          .createQueryBuilder()
          .update(SubscribeGrant)
          .set({ remaining: () => 'remaining - 1', updatedAt: now })
          .where('personId = :personId AND templateId = :templateId AND remaining > 0', { personId: notification.personId, templateId: template.templateId })
          .execute();
        if (!spent.affected) {
          await this.finish(manager, row.id, 'in_app_only', `no subscribe grant left for template ${template.templateId}`);
          counts.inAppOnly++;
          continue;
        }
        const attempts = row.attempts + 1;
        await manager.update(NotificationDelivery, { id: row.id }, { state: 'sending', attempts, nextAttemptAt: new Date(now.getTime() + SEND_LEASE_MS) });
        jobs.push({
          deliveryId: row.id,
          attempts,
          personId: notification.personId,
          template,
          touser: openids.get(notification.personId) as string,
          source: {
            title: notification.title,
            body: notification.body,
            createdAt: notification.createdAt,
            requestId: notification.requestId,
            requestState: notification.requestId === null ? null : (states.get(notification.requestId) ?? null),
          },
        });
      }
      return { jobs, claimed: rows.length };
    };
    return mysql ? this.dataSource.transaction('READ COMMITTED', claim) : this.dataSource.transaction(claim);
  }

  private templateIdOf(notification: Notification | undefined): string {
    return (notification && this.config.notifications.templates[notification.kind]?.templateId) ?? '';
  }

  /** Each person's most recent WeChat identity. */
  private async openids(manager: EntityManager, personIds: number[]): Promise<Map<number, string>> {
    if (personIds.length === 0) return new Map();
    const accounts = await manager
      .getRepository(WechatAccount)
      .find({ where: { personId: In(personIds) }, order: { id: 'ASC' }, select: { id: true, personId: true, openid: true } });
    return new Map(accounts.map((a) => [a.personId, a.openid]));
  }

  // -------------------------------------------------------------------------------------------
  // send, after the claim committed; then record what happened

  private async deliver(job: Job): Promise<'sent' | 'retrying' | 'inAppOnly' | 'failed'> {
    const message = buildSubscribeMessage(job.template, job.source, job.touser, this.config.notifications.miniprogramState);
    let failure: ReturnType<typeof classifySendFailure> | null = null;
    try {
      // A token WeChat rejects (40001/42001) is refreshed once and the send tried again at once:
      // a rejected token means WeChat did not take the message.
      await this.tokens.withAccessToken((token) => this.wechat.sendSubscribeMessage(token, message), this.clock.now());
    } catch (error) {
      failure = classifySendFailure(error);
    }
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      if (failure === null) {
        await this.record(manager, job, { state: 'sent', sentAt: now, lastError: null });
        return 'sent';
      }
      const { templateId } = job.template;
      if (failure.action === 'refused') {
        // WeChat says the user has nothing left on this template: our count was wrong, start again from 0.
        if (await this.record(manager, job, { state: 'in_app_only', lastError: failure.reason })) {
          await manager.update(SubscribeGrant, { personId: job.personId, templateId }, { remaining: 0, updatedAt: now });
        }
        return 'inAppOnly';
      }
      let outcome: 'failed' | 'retrying';
      let recorded: boolean;
      if (failure.action === 'permanent') {
        outcome = 'failed';
        recorded = await this.record(manager, job, { state: 'failed', lastError: failure.reason });
      } else if (job.attempts >= this.config.notifications.maxAttempts) {
        outcome = 'failed';
        recorded = await this.record(manager, job, { state: 'failed', lastError: `gave up after ${job.attempts} attempts: ${failure.reason}` });
      } else {
        outcome = 'retrying';
        const delay = retryDelaySeconds(job.attempts, this.config.notifications.retryBaseSeconds);
        recorded = await this.record(manager, job, { state: 'pending', lastError: failure.reason, nextAttemptAt: new Date(now.getTime() + delay * 1000) });
      }
      // WeChat did not take the message, so it did not use the grant either.
      if (recorded) await this.giveGrantBack(manager, job.personId, templateId, now);
      return outcome;
    });
  }

  /** Writes the outcome of this instance's own claim (still 'sending' with the attempt it made). */
  private async record(
    manager: EntityManager,
    job: Job,
    change: { state: DeliveryState; lastError: string | null; sentAt?: Date; nextAttemptAt?: Date },
  ): Promise<boolean> {
    const result = await manager.update(
      NotificationDelivery,
      { id: job.deliveryId, state: 'sending', attempts: job.attempts },
      { ...change, lastError: change.lastError === null ? null : clip(change.lastError) },
    );
    if (result.affected) return true;
    this.logger.warn({ deliveryId: job.deliveryId, outcome: change.state }, 'the claim ran out before the outcome was recorded');
    return false;
  }

  private async finish(manager: EntityManager, deliveryId: number, state: DeliveryState, reason: string): Promise<void> {
    await manager.update(NotificationDelivery, { id: deliveryId }, { state, lastError: clip(reason) });
  }

  private async giveGrantBack(manager: EntityManager, personId: number, templateId: string, now: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SubscribeGrant)
      .set({ remaining: () => 'remaining + 1', updatedAt: now })
      .where('personId = :personId AND templateId = :templateId', { personId, templateId })
      .execute();
  }
}

/** lastError is VARCHAR(200). */
function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 200 ? text : chars.slice(0, 199).join('') + '…';
}
