import { Inject, Injectable } from '@nestjs/common';
import { HOURLY_LIMITED_SOURCES, type RequestSource } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { sqlDateTime } from '../common/raw-date';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const HOUR_MS = 3600_000;

/**
 * Matters one person may send in an hour (REQUEST_HOURLY_LIMIT_PER_PERSON): one account sent
 * about 17 a minute, filling handlers' inboxes. Counted in the database (IDX_request_submitter_created),
 * so every instance sees the same count. Only sources in HOURLY_LIMITED_SOURCES count; a retry of
 * an accepted submission is answered before this is asked. Counted before the insert: two sent at
 * the same moment may pass the limit by one.
 */
@Injectable()
export class SubmissionLimit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses (REQUEST_LIMIT_REACHED, 429) a new matter from `submitterPersonId` once the last hour holds the limit. */
  async assertRoom(submitterPersonId: number, source: RequestSource, now: Date): Promise<void> {
    if (!HOURLY_LIMITED_SOURCES.includes(source)) return;
    const limit = this.config.requests.hourlyLimitPerPerson;
    const [row]: { n: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM request WHERE submitterPersonId = ? AND createdAt > ? AND source IN (${HOURLY_LIMITED_SOURCES.map(() => '?').join(', ')})`,
      [submitterPersonId, sqlDateTime(new Date(now.getTime() - HOUR_MS)), ...HOURLY_LIMITED_SOURCES],
    );
    if (Number(row?.n ?? 0) >= limit) {
      throw new AppError(
        ErrorCode.RequestLimitReached,
        'clientRequestId',
        `一小时内最多提交 ${limit} 件诉求，您已经提交了 ${limit} 件，请过一会儿再提交；急事请直接打电话给网格员`,
      );
    }
  }
}
