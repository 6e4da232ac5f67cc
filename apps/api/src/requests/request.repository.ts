import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { spanCondition } from '../access/span-where';
import { RequestEvent } from './request-event.entity';
import { RequestEntity } from './request.entity';

/** Reads and writes of requests. Every read for a caller goes through a span or their own id. */
@Injectable()
export class RequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The request, if the caller raised it or it lies (by its unit or its handler) within `span`. */
  findVisible(id: number, personId: number, span: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<RequestEntity | null> {
    const unit = spanCondition('u.path', span, 'unitSpan');
    const handler = spanCondition('h.path', span, 'handlerSpan');
    return manager
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.unit', 'u')
      .innerJoinAndSelect('r.handlerUnit', 'h')
      .where('r.id = :id', { id })
      .andWhere(`(r.requesterPersonId = :personId OR ${unit.sql} OR ${handler.sql})`, { personId, ...unit.params, ...handler.params })
      .getOne();
  }

  findByClientId(requesterPersonId: number, clientRequestId: string): Promise<RequestEntity | null> {
    return this.dataSource.getRepository(RequestEntity).findOneBy({ requesterPersonId, clientRequestId });
  }

  listMine(personId: number, limit: number): Promise<RequestEntity[]> {
    return this.dataSource.getRepository(RequestEntity).find({
      where: { requesterPersonId: personId },
      relations: { unit: true, handlerUnit: true },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /** Open requests handled by `handlerUnitIds`, the soonest due first. */
  inbox(handlerUnitIds: readonly number[], openStates: readonly string[], limit: number): Promise<RequestEntity[]> {
    if (handlerUnitIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.unit', 'u')
      .innerJoinAndSelect('r.handlerUnit', 'h')
      .where('r.handlerUnitId IN (:...handlerUnitIds)', { handlerUnitIds })
      .andWhere('r.state IN (:...openStates)', { openStates })
      // Accepted matters race the completion clock, new ones the contact clock.
      .addSelect('COALESCE(r.completionDueAt, r.contactDueAt)', 'due_at')
      .orderBy('due_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  timeline(requestId: number, includeInternal: boolean): Promise<RequestEvent[]> {
    return this.dataSource.getRepository(RequestEvent).find({
      where: includeInternal ? { requestId } : { requestId, public: true },
      order: { id: 'ASC' },
    });
  }
}
