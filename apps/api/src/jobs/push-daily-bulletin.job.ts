import { Injectable } from '@nestjs/common';
import { chinaDayOf, chinaMinuteOfDay } from '@gridloop/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { OrgUnit } from '../grid/org-unit.entity';
import { notifyNow } from '../notifications/notification-writer';
import { rungPeople } from '../notifications/recipients';
import { DailyBulletinService } from '../reports/daily-bulletin.service';
import { ReportDispatch } from '../reports/report-dispatch.entity';
import type { ScheduledJob } from './scheduled-job';

/** 07:30 China time: the bulletin of the day before goes out. */
const PUSH_AT_MINUTES = 7 * 60 + 30;

/**
 * Each morning from 07:30 China time, yesterday's bulletin (受理情况一天一通报) goes to every
 * town's leaders and hotline office as a message, once. Several instances: the `report_dispatch`
 * row (unique town, kind, day) is written in the transaction with the messages, so an instance
 * that comes second fails on the key and its messages roll back with it.
 */
@Injectable()
export class PushDailyBulletinJob implements ScheduledJob<number> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bulletins: DailyBulletinService,
  ) {}

  /** How many towns were sent their bulletin now. */
  async run(now: Date): Promise<number> {
    if (chinaMinuteOfDay(now) < PUSH_AT_MINUTES) return 0;
    const day = chinaDayOf(new Date(now.getTime() - 24 * 3600_000));
    const towns = await this.dataSource.getRepository(OrgUnit).findBy({ kind: 'town' });
    const done = new Set((await this.dataSource.getRepository(ReportDispatch).findBy({ kind: 'daily', period: day })).map((d) => d.townUnitId));
    let pushed = 0;
    for (const town of towns.filter((t) => !done.has(t.id))) {
      const report = await this.bulletins.forTown(town, day, now);
      try {
        await this.dataSource.transaction(async (manager) => {
          await manager.insert(ReportDispatch, { townUnitId: town.id, kind: 'daily', period: day, sentAt: now });
          // The same people as the top rungs of the escalation ladder: the town's hotline office and leaders.
          const people = [
            ...(await rungPeople(manager, 'hotline_staff', { handlerUnitId: town.id }, town.path)),
            ...(await rungPeople(manager, 'town_leader', { handlerUnitId: town.id }, town.path)),
          ];
          const body = `${town.name}${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日：受理${report.received}件，按时联系${report.contactsOnTime}件，办结${report.resolved}件，超期未办结${report.overdue.length}件`;
          await notifyNow(manager, people, { kind: 'daily_bulletin', requestId: null, body }, now);
        });
        pushed++;
      } catch (error) {
        // Another instance sent this town's bulletin first (the unique key): nothing to do.
        if (!(error instanceof QueryFailedError)) throw error;
      }
    }
    return pushed;
  }
}
