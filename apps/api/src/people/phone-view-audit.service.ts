import { Injectable } from '@nestjs/common';
import { chinaDayRange, maskPhone } from '@gridloop/domain';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { PhoneViewDto, PhoneViewFilterQuery, PhoneViewPageDto, PhoneViewPageQuery } from './dtos/phone-view-audit.dto';
import { PhoneViewAuditRepository, type PhoneViewFilter, type PhoneViewRow } from './phone-view-audit.repository';
import { PersonRepository } from './person.repository';

const DEFAULT_PAGE_SIZE = 50;
/** An export holds every matching view or none: an audit cut short would mislead. */
export const PHONE_VIEWS_EXPORT_MAX = 10_000;

/** Who viewed whose full number: for town leaders and county admins, within their span (docs/privacy.md). */
@Injectable()
export class PhoneViewAuditService {
  constructor(
    private readonly audit: PhoneViewAuditRepository,
    private readonly people: PersonRepository,
  ) {}

  async page(actor: Actor, query: PhoneViewPageQuery): Promise<PhoneViewPageDto> {
    const filter = await this.filter(actor, query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [total, rows] = await Promise.all([this.audit.count(filter), this.audit.page(filter, (page - 1) * pageSize, pageSize)]);
    return { total, page, pageSize, items: rows.map(toDto) };
  }

  /** Every matching view, newest first, for the export; refused when there are too many to be one sheet. */
  async all(actor: Actor, query: PhoneViewFilterQuery): Promise<PhoneViewDto[]> {
    const filter = await this.filter(actor, query);
    const total = await this.audit.count(filter);
    if (total > PHONE_VIEWS_EXPORT_MAX)
      throw new AppError(ErrorCode.ValidationFailed, 'from', `符合条件的记录有${total}条，超过${PHONE_VIEWS_EXPORT_MAX}条，请缩短日期范围后再导出`);
    return (await this.audit.page(filter, 0, PHONE_VIEWS_EXPORT_MAX)).map(toDto);
  }

  /** The filters checked: days that exist and in order, and people within the caller's span (else as if they did not exist). */
  private async filter(actor: Actor, query: PhoneViewFilterQuery): Promise<PhoneViewFilter> {
    const span = actor.spanFor('phone.auditViews');
    const start = query.from === undefined ? undefined : day(query.from, 'from').start;
    const end = query.to === undefined ? undefined : day(query.to, 'to').end;
    if (start && end && start >= end) throw new AppError(ErrorCode.ValidationFailed, 'to', '结束日期不能早于开始日期');
    for (const field of ['viewerPersonId', 'subjectPersonId'] as const) {
      const personId = query[field];
      if (personId !== undefined && !(await this.people.findInSpan(personId, span))) throw new AppError(ErrorCode.NotFound, field);
    }
    return { span, viewerPersonId: query.viewerPersonId, subjectPersonId: query.subjectPersonId, start, end };
  }
}

function day(text: string, field: 'from' | 'to'): { start: Date; end: Date } {
  try {
    return chinaDayRange(text);
  } catch {
    throw new AppError(ErrorCode.ValidationFailed, field, '日期格式应为 2026-12-07，且须是存在的日期');
  }
}

function toDto(row: PhoneViewRow): PhoneViewDto {
  return {
    id: row.id,
    viewedAt: row.viewedAt,
    viewerPersonId: row.viewerPersonId,
    viewerName: row.viewerName,
    subjectPersonId: row.subjectPersonId,
    subjectName: row.subjectName,
    subjectPhoneMasked: maskPhone(row.subjectPhone),
    requestId: row.requestId,
  };
}
