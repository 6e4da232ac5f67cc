import { Injectable } from '@nestjs/common';
import { CONTACT_MINUTES, contactDeadline, HANDLER_ROLES, relationsTo, REQUEST_STATES, type Relation } from '@gridloop/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { Person } from '../grid/person.entity';
import { RequestDto, SubmitRequestDto } from './dtos/request.dto';
import { createRequest } from './request-steps';
import { RequestRepository } from './request.repository';
import { viewRequest } from './request-view';
import { RequestEntity } from './request.entity';

/** Where a villager's matter can land: their village, or a small grid in it. */
const LANDING_KINDS = ['village', 'small_grid'];
const OPEN_STATES = REQUEST_STATES.filter((s) => !['closed', 'withdrawn', 'merged'].includes(s));
const LIST_LIMIT = 100;

@Injectable()
export class RequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly units: OrgUnitRepository,
  ) {}

  /**
   * A villager raises a matter. It lands in the chosen (or home) village or small grid and goes to
   * the people there; the first-contact clock starts. The same clientRequestId again returns the
   * same request, so a retry over a weak network never makes two.
   */
  async submit(actor: Actor, input: SubmitRequestDto, now: Date): Promise<RequestDto> {
    const existing = await this.requests.findByClientId(actor.personId, input.clientRequestId);
    if (existing) return this.view(actor, existing, now);
    const unitId = input.unitId ?? (await this.dataSource.getRepository(Person).findOneByOrFail({ id: actor.personId })).homeUnitId;
    if (!unitId) throw new AppError(ErrorCode.UnitNotChosen, 'unitId');
    const unit = await this.units.findById(unitId);
    if (!unit) throw new AppError(ErrorCode.NotFound, 'unitId');
    if (!LANDING_KINDS.includes(unit.kind)) throw new AppError(ErrorCode.UnitNotSelectable, 'unitId');
    try {
      const created = await this.dataSource.transaction((manager) =>
        createRequest(
          manager,
          {
            unitId: unit.id,
            handlerUnitId: unit.id,
            requesterPersonId: actor.personId,
            source: 'villager',
            clientRequestId: input.clientRequestId,
            category: input.category,
            description: input.description.trim(),
            addressNote: input.addressNote?.trim() || null,
            contactPhone: input.contactPhone ?? null,
            confidential: input.confidential ?? false,
            dutyType: null,
            contactDueAt: contactDeadline(now, CONTACT_MINUTES),
          },
          actor.personId,
          now,
        ),
      );
      return this.get(actor, created.id, now);
    } catch (error) {
      // Two retries raced past the lookup: the unique (requester, clientRequestId) let one in.
      if (!(error instanceof QueryFailedError)) throw error;
      const winner = await this.requests.findByClientId(actor.personId, input.clientRequestId);
      if (!winner) throw error;
      return this.view(actor, winner, now);
    }
  }

  async get(actor: Actor, id: number, now: Date): Promise<RequestDto> {
    const request = await this.requests.findVisible(id, actor.personId, actor.spanFor('request.view'));
    if (!request) throw new AppError(ErrorCode.NotFound, 'requestId');
    return this.view(actor, request, now);
  }

  async listMine(actor: Actor, now: Date): Promise<RequestDto[]> {
    const mine = await this.requests.listMine(actor.personId, LIST_LIMIT);
    return Promise.all(mine.map((request) => this.view(actor, request, now)));
  }

  /** What the caller must handle: open requests of the units where they hold a handling role. */
  async inbox(actor: Actor, now: Date): Promise<RequestDto[]> {
    const units = actor.held.filter((h) => HANDLER_ROLES.includes(h.role)).map((h) => h.unitId);
    const open = await this.requests.inbox(units, OPEN_STATES, LIST_LIMIT);
    return Promise.all(open.map((request) => this.view(actor, request, now)));
  }

  relations(actor: Actor, request: RequestEntity): Relation[] {
    const unitPath = request.unit?.path;
    if (!unitPath) throw new Error('request loaded without its unit');
    return relationsTo(actor.personId, actor.held, { requesterPersonId: request.requesterPersonId, handlerUnitId: request.handlerUnitId, unitPath });
  }

  async view(actor: Actor, request: RequestEntity, now: Date): Promise<RequestDto> {
    const loaded = request.unit ? request : await this.dataSource.getRepository(RequestEntity).findOneOrFail({ where: { id: request.id }, relations: { unit: true } });
    const relations = this.relations(actor, loaded);
    const staffOnIt = relations.includes('handler') || relations.includes('supervisor');
    const requester = await this.dataSource.getRepository(Person).findOneByOrFail({ id: loaded.requesterPersonId });
    return viewRequest(loaded, requester.name, relations, await this.requests.timeline(loaded.id, staffOnIt), now);
  }
}
