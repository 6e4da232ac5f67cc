import { Injectable } from '@nestjs/common';
import { chinaDayRange, isLate, isResultState, REQUEST_STATE_LABELS, RESULT_ACTIONS } from '@gridloop/domain';
import { DataSource, In } from 'typeorm';
import { spanCondition } from '../access/span-where';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { OrgUnit } from '../grid/org-unit.entity';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { Person } from '../grid/person.entity';
import { RequestEvent } from '../requests/request-event.entity';
import { cityOrderEntry } from '../requests/intake/intake-entry';
import { RequestIntake } from '../requests/intake/request-intake.service';
import { RequestEntity } from '../requests/request.entity';
import { HotlineImportResultDto, HotlineOrderDto, HotlineReplyDto } from './hotline.dto';

const SOURCE = 'hotline_12345';

/**
 * 12345 work orders (接诉即办): imported into the town's hotline office (through RequestIntake, all
 * of a batch in one transaction), which dispatches them like any matter, and answered back to the
 * city. An order number is imported once; importing it again changes nothing and answers with the
 * same request, unless another town holds it: then the batch is refused (HOTLINE_ORDER_HELD_ELSEWHERE).
 */
@Injectable()
export class HotlineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrgUnitRepository,
    private readonly intake: RequestIntake,
  ) {}

  async importOrders(actor: Actor, townId: number, orders: readonly HotlineOrderDto[], now: Date): Promise<HotlineImportResultDto> {
    const office = await this.hotlineOffice(actor, townId);
    orders.forEach((order, i) => {
      if (Date.parse(order.cityDueAt) <= Date.parse(order.receivedAt))
        throw new AppError(ErrorCode.ValidationFailed, `orders.${i}.cityDueAt`, '办理时限应晚于受理时间');
    });
    const results = await this.intake.enterAll(
      actor,
      orders.map((order) => cityOrderEntry(office, order)),
      now,
    );
    const created = results.filter((r) => r.created).length;
    return { created, unchanged: results.length - created, orders: results.map((r, i) => ({ orderNo: orders[i]!.orderNo, ...r })) };
  }

  /** The answer for the city on one order: the handler's result (or refusal), who gave it and when. */
  async reply(actor: Actor, orderNo: string, now: Date): Promise<HotlineReplyDto> {
    const [reply] = await this.replies(actor, { orderNo }, now);
    if (!reply) throw new AppError(ErrorCode.NotFound, 'orderNo');
    return reply;
  }

  /** Replies for the orders a town's hotline received from the city on days `from`..`to` (China time). */
  async repliesForDays(actor: Actor, townId: number, from: string, to: string, now: Date): Promise<HotlineReplyDto[]> {
    const town = await this.town(actor, townId);
    const day = (text: string, field: string) => {
      try {
        return chinaDayRange(text);
      } catch {
        throw new AppError(ErrorCode.ValidationFailed, field, '日期格式应为 2026-10-20');
      }
    };
    const { start } = day(from, 'from');
    const { end } = day(to, 'to');
    if (end <= start) throw new AppError(ErrorCode.ValidationFailed, 'to', '结束日期应不早于开始日期');
    return this.replies(actor, { townPath: town.path, start, end }, now);
  }

  private async replies(actor: Actor, filter: { orderNo: string } | { townPath: string; start: Date; end: Date }, now: Date): Promise<HotlineReplyDto[]> {
    const span = actor.spanFor('hotline.orders');
    const unitSpan = spanCondition('u.path', span, 'unitSpan');
    const query = this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.unit', 'u')
      .innerJoinAndSelect('r.handlerUnit', 'h')
      .where('r.source = :source', { source: SOURCE })
      .andWhere(unitSpan.sql, unitSpan.params);
    if ('orderNo' in filter) query.andWhere('r.hotlineOrderNo = :orderNo', { orderNo: filter.orderNo });
    else
      query.andWhere('u.path LIKE :townPath AND r.cityReceivedAt >= :start AND r.cityReceivedAt < :end', {
        townPath: `${filter.townPath}%`,
        start: filter.start,
        end: filter.end,
      });
    const requests = await query.orderBy('r.cityReceivedAt', 'ASC').addOrderBy('r.id', 'ASC').getMany();
    const answers = await this.answers(requests.map((r) => r.id));
    return requests.map((request) => {
      const answered = isResultState(request.state);
      const answer = answered ? answers.get(request.id) : undefined;
      const due = request.completionDueAt ?? request.cityDueAt;
      return {
        orderNo: request.hotlineOrderNo!,
        requestId: request.id,
        state: request.state,
        stateLabel: REQUEST_STATE_LABELS[request.state],
        result: answer?.note ?? null,
        handlerUnit: request.handlerUnit!.name,
        handlerName: answer?.actorName ?? null,
        repliedAt: answer?.createdAt ?? null,
        late: request.completionLate || isLate(due, answered ? (answer?.createdAt ?? null) : null, now),
      };
    });
  }

  /** The latest result or refusal of each request, with who gave it. */
  private async answers(requestIds: readonly number[]): Promise<Map<number, { note: string | null; actorName: string; createdAt: Date }>> {
    const byRequest = new Map<number, { note: string | null; actorName: string; createdAt: Date }>();
    if (requestIds.length === 0) return byRequest;
    const events = await this.dataSource
      .getRepository(RequestEvent)
      .find({ where: { requestId: In([...requestIds]), action: In([...RESULT_ACTIONS]) }, order: { id: 'ASC' } });
    const people = await this.dataSource
      .getRepository(Person)
      .findBy({ id: In([...new Set(events.flatMap((e) => (e.actorPersonId === null ? [] : [e.actorPersonId])))]) });
    const names = new Map(people.map((p) => [p.id, p.name]));
    for (const event of events)
      byRequest.set(event.requestId, {
        note: event.note,
        actorName: (event.actorPersonId !== null && names.get(event.actorPersonId)) || '',
        createdAt: event.createdAt,
      });
    return byRequest;
  }

  private async town(actor: Actor, townId: number): Promise<OrgUnit> {
    const town = await this.units.findInSpan(townId, actor.spanFor('hotline.orders'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
    return town;
  }

  private async hotlineOffice(actor: Actor, townId: number): Promise<OrgUnit> {
    const town = await this.town(actor, townId);
    const office = (await this.units.findChildren(town.id)).find((unit) => unit.kind === 'hotline_office');
    if (!office) throw new AppError(ErrorCode.NotFound, 'townId', '这个镇还没有设置热线办');
    return office;
  }
}
