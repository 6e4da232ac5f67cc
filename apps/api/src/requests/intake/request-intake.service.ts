import { Injectable } from '@nestjs/common';
import {
  acceptNote,
  contactDueFrom,
  isHomeUnitKind,
  parentPath,
  proposedComplexity,
  refuseTransition,
  REQUEST_SOURCE_RULES,
  requestFacts,
  sourcesEnteredThrough,
  stepChanges,
  textOrNull,
  VOICE_ONLY_DESCRIPTION,
  type IntakeForm,
  type RequestSource,
  type SourceRule,
} from '@gridloop/domain';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { Actor } from '../../auth/actor';
import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';
import { ContentGate } from '../../content-check/content-gate';
import { OrgUnit } from '../../grid/org-unit.entity';
import { OrgUnitRepository } from '../../grid/org-unit.repository';
import { Person } from '../../grid/person.entity';
import { findOrAddPerson } from '../../people/find-or-add-person';
import { voiceNoteUsable } from '../../voice-notes/voice-note.repository';
import { RequestDto } from '../dtos/request.dto';
import { RequestEvent } from '../request-event.entity';
import { applyStep, createRequest } from '../request-steps';
import { RequestEntity } from '../request.entity';
import { RequestRepository } from '../request.repository';
import { RequestsService } from '../requests.service';
import { CategoryRoutesService } from '../routing/category-routes.service';
import { guardStep } from '../step-guard';
import { SubmissionLimit } from '../submission-limit';
import type { IntakeEntry } from './intake-entry';

/** The accept row's note after the method when entering it was the first contact (电话联系：代办登记时已联系群众). */
const ENTRY_CONTACT_NOTE = '代办登记时已联系群众';

/** An entry checked and ready to write: where it lands, as what, and what the content check said. */
interface Checked {
  entry: IntakeEntry;
  unit: OrgUnit;
  source: RequestSource;
  rule: SourceRule;
  contentReview: boolean;
}

/** What one entry wrote. */
interface Written {
  request: RequestEntity;
  submitted: RequestEvent;
  requester: Pick<Person, 'name' | 'phone'>;
  /** Steps after the submit (settled on the spot): the answer then reads the matter back. */
  stepped: boolean;
}

/**
 * The one way a matter is born, whatever its form (docs/requests.md): a retry answered → the
 * landing unit the source's row allows → the hourly limit → the content check → one transaction
 * (requester → request and its first step → steps settled on the spot, guarded as any step) →
 * once more on a unique-key race. Reading and presenting requests is RequestsService's.
 */
@Injectable()
export class RequestIntake {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly views: RequestsService,
    private readonly units: OrgUnitRepository,
    private readonly routes: CategoryRoutesService,
    private readonly content: ContentGate,
    private readonly limit: SubmissionLimit,
  ) {}

  /**
   * One matter, answered as the caller sees it. The same clientRequestId again from the same
   * person through the same form returns the same request, so a retry over a weak network never
   * makes two.
   */
  async enter(actor: Actor, entry: IntakeEntry, now: Date): Promise<RequestDto> {
    // A retry is the caller's own entry again, whatever their span has become since.
    const retried = await this.retryAnswer(actor, sourcesEnteredThrough(entry.form), entry.clientRequestId, now);
    if (retried) return retried;
    return this.commit(actor, await this.check(actor, entry, now), now);
  }

  /**
   * Several matters in one transaction (a 12345 import): one already there (by its order number,
   * else as the caller's retry) changes nothing and answers with its request.
   */
  async enterAll(actor: Actor, entries: readonly IntakeEntry[], now: Date): Promise<{ requestId: number; created: boolean }[]> {
    // Many entries land in few units (a batch of orders: one office): each is looked up once.
    const landed = new Map<number, Promise<OrgUnit>>();
    const checked: Checked[] = [];
    for (const entry of entries) checked.push(await this.check(actor, entry, now, landed));
    const run = () =>
      this.dataSource.transaction(async (manager) => {
        const results: { requestId: number; created: boolean }[] = [];
        for (const [index, one] of checked.entries()) {
          const known = await this.known(manager, actor, one, index);
          results.push(
            known !== null ? { requestId: known, created: false } : { requestId: (await this.write(manager, actor, one, now)).request.id, created: true },
          );
        }
        return results;
      });
    try {
      return await run();
    } catch (error) {
      // Another import of the same entries committed first (a unique key): now they are there.
      if (!(error instanceof QueryFailedError)) throw error;
      return run();
    }
  }

  /**
   * The answer to a retry: the request `actor` already sent through one of `sources` with this
   * clientRequestId, read as any request is (span-checked), or null when there is none. One they
   * can no longer see is ALREADY_SUBMITTED, with nothing of it.
   */
  private async retryAnswer(actor: Actor, sources: readonly RequestSource[], clientRequestId: string, now: Date): Promise<RequestDto | null> {
    const id = await this.requests.retryOf(actor.personId, sources, clientRequestId);
    if (id === null) return null;
    const request = await this.requests.findVisible(id, actor.personId, actor.spanFor('request.view'));
    if (!request) throw new AppError(ErrorCode.AlreadySubmitted, 'clientRequestId');
    return this.views.view(actor, request, now);
  }

  /** Everything decided before the transaction: a refusal writes nothing. */
  private async check(actor: Actor, entry: IntakeEntry, now: Date, landed = new Map<number, Promise<OrgUnit>>()): Promise<Checked> {
    if (entry.unitId === undefined) throw new AppError(ErrorCode.UnitNotChosen, 'unitId');
    if (!landed.has(entry.unitId)) landed.set(entry.unitId, this.landingUnit(actor, entry.form, entry.unitId));
    const unit = await landed.get(entry.unitId)!;
    const source = this.sourceOf(entry, unit);
    const rule = REQUEST_SOURCE_RULES[source];
    if (entry.settled !== undefined && !rule.settlesOnSpot) throw new Error(`a ${source} matter cannot be settled on the spot`);
    if (entry.cityOrder !== undefined && !rule.cityDeadline) throw new Error(`a ${source} matter carries no city order`);
    if ((rule.requester === 'phone') !== (entry.requester !== undefined)) throw new Error(`a ${source} matter's requester is found by ${rule.requester}`);
    // A voice note that cannot go with this matter is refused before anything else (the attach in
    // the transaction still decides, should it be used meanwhile).
    const voiceNoteId = entry.media?.voiceNoteId;
    if (voiceNoteId !== undefined && !(await voiceNoteUsable(this.dataSource, voiceNoteId, actor.personId)))
      throw new AppError(ErrorCode.VoiceNoteNotUsable, 'voiceNoteId');
    const result = textOrNull(entry.settled?.result);
    if (entry.settled !== undefined && !result) throw new AppError(ErrorCode.ValidationFailed, 'result', '现场处置请填写处置结果');
    await this.limit.assertRoom(actor.personId, source, now);
    // A network call: never inside the transaction.
    const contentReview = rule.contentChecked
      ? await this.content.needsReview(actor, { description: entry.description, addressNote: entry.addressNote, result })
      : false;
    return { entry, unit, source, rule, contentReview };
  }

  /** A unit of the kinds the form's sources land in, within the span their row names (else anywhere). */
  private async landingUnit(actor: Actor, form: IntakeForm, unitId: number): Promise<OrgUnit> {
    // The form's sources land alike (the domain's table test holds them to it): any row says where.
    const { landsIn, landsWithin } = REQUEST_SOURCE_RULES[sourcesEnteredThrough(form)[0]!];
    const unit = landsWithin === null ? await this.units.findById(unitId) : await this.units.findInSpan(unitId, actor.spanFor(landsWithin));
    if (!unit) throw new AppError(ErrorCode.NotFound, 'unitId');
    if (!landsIn.includes(unit.kind)) throw new AppError(ErrorCode.UnitNotSelectable, 'unitId');
    return unit;
  }

  private sourceOf(entry: IntakeEntry, unit: OrgUnit): RequestSource {
    const sources = sourcesEnteredThrough(entry.form);
    if (sources.length === 1) return sources[0]!;
    const source = entry.sourceAt?.(unit);
    if (source === undefined || !sources.includes(source)) throw new Error(`a ${entry.form} entry must say which of ${sources.join(', ')} it is`);
    return source;
  }

  /** Writes one checked entry and answers with it; a unique-key race goes once more (see below). */
  private async commit(actor: Actor, checked: Checked, now: Date, again = false): Promise<RequestDto> {
    const found: { requesterPersonId: number | null } = { requesterPersonId: null };
    try {
      const written = await this.dataSource.transaction((manager) => this.write(manager, actor, checked, now, found));
      if (written.stepped) return this.views.get(actor, written.request.id, now);
      return this.views.viewCreated(actor, written, checked.entry.media ?? {}, now);
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error;
      // A racing entry added the same new person first (unique phone): now they exist, go again.
      if (found.requesterPersonId === null) {
        if (again) throw error;
        return this.commit(actor, checked, now, true);
      }
      // Two retries raced past the lookup: the unique (submitter, source, clientRequestId) let one in.
      const winner = await this.retryAnswer(actor, [checked.source], checked.entry.clientRequestId, now);
      if (winner === null) throw error;
      return winner;
    }
  }

  /** Inside the caller's transaction: the requester, the request with its first step, and the steps settled on the spot. */
  private async write(
    manager: EntityManager,
    actor: Actor,
    checked: Checked,
    now: Date,
    found = { requesterPersonId: null as number | null },
  ): Promise<Written> {
    const { entry, unit, source, rule, contentReview } = checked;
    const requester = await this.requesterOf(manager, actor, checked);
    found.requesterPersonId = requester.id;
    const byPhone = entry.requester !== undefined;
    const created = await createRequest(
      manager,
      unit,
      {
        // Settled on the spot, it is the reporter's grid's; passed on, it is routed like any matter.
        handlerUnitId: rule.routedByCategory && entry.settled === undefined ? await this.routes.handlerFor(unit, entry.category, manager) : unit.id,
        requesterPersonId: requester.id,
        submitterPersonId: actor.personId,
        source,
        clientRequestId: entry.clientRequestId,
        category: entry.category,
        description: textOrNull(entry.description) ?? VOICE_ONLY_DESCRIPTION,
        addressNote: textOrNull(entry.addressNote),
        contactPhone: entry.contactPhone ?? entry.requester?.phone ?? null,
        confidential: entry.confidential ?? false,
        dutyType: entry.dutyType ?? null,
        contactDueAt: contactDueFrom(now),
        contentReview,
        // Entered for someone found by phone: who entered it, and the only name it shows.
        enteredByPersonId: byPhone ? actor.personId : null,
        enteredName: byPhone ? entry.requester!.name.trim() : null,
        hotlineOrderNo: entry.cityOrder?.orderNo ?? null,
        cityReceivedAt: entry.cityOrder?.receivedAt ?? null,
        cityDueAt: entry.cityOrder?.dueAt ?? null,
      },
      actor.personId,
      now,
      entry.media,
    );
    const request =
      entry.settled !== undefined
        ? await this.settle(manager, actor, created.request, entry.settled, now)
        : await this.contactedAtEntry(manager, actor, created.request, checked, now);
    return { ...created, request, requester, stepped: request !== created.request };
  }

  /**
   * Entering it was the first contact (the source's row says so, the form says how, and the one
   * entering it handles it: a 代办 in his own grid): accepted now, as the category proposes, with
   * the method at the head of the accept row's note. Otherwise the matter waits for its handler.
   */
  private async contactedAtEntry(manager: EntityManager, actor: Actor, request: RequestEntity, { entry, rule }: Checked, now: Date): Promise<RequestEntity> {
    if (!rule.entryIsFirstContact || entry.contactMethod === undefined) return request;
    // Routed to a department by its category: its handler has still to reach the requester.
    if (refuseTransition('accept', request.state, this.views.relations(actor, request), requestFacts(request)) !== null) return request;
    return applyStep(
      manager,
      actor.personId,
      request,
      {
        action: 'accept',
        changes: stepChanges(request, 'accept', now, proposedComplexity(request.category)),
        note: acceptNote(entry.contactMethod, ENTRY_CONTACT_NOTE),
      },
      now,
    );
  }

  /** The caller; or the person with the phone entered, found or added (living where it lands, when that is a home). */
  private requesterOf(manager: EntityManager, actor: Actor, { entry, unit }: Checked): Promise<Pick<Person, 'id' | 'name' | 'phone'>> {
    if (entry.requester === undefined) return Promise.resolve({ id: actor.personId, name: actor.name, phone: actor.phone });
    return findOrAddPerson(manager, entry.requester.name.trim(), entry.requester.phone, isHomeUnitKind(unit.kind) ? unit.id : null);
  }

  /** 现场处置: the one who entered it accepts (a simple matter) and resolves it, through the same guard as any step. */
  private async settle(
    manager: EntityManager,
    actor: Actor,
    request: RequestEntity,
    settled: NonNullable<IntakeEntry['settled']>,
    now: Date,
  ): Promise<RequestEntity> {
    guardStep('accept', request, this.views.relations(actor, request));
    const accepted = await applyStep(
      manager,
      actor.personId,
      request,
      { action: 'accept', changes: stepChanges(request, 'accept', now, 'simple'), note: settled.acceptNote },
      now,
    );
    guardStep('resolve', accepted, this.views.relations(actor, accepted));
    return applyStep(
      manager,
      actor.personId,
      accepted,
      { action: 'resolve', changes: stepChanges(accepted, 'resolve', now), note: settled.result.trim() },
      now,
    );
  }

  /** An entry of a batch already there: a city order by its number, anything else as the caller's retry. */
  /** The request an entry already made, if any. `index`: the entry's place in its batch (enterAll: the 12345 orders). */
  private async known(manager: EntityManager, actor: Actor, one: Checked, index = 0): Promise<number | null> {
    const { entry } = one;
    if (entry.cityOrder !== undefined) return this.knownOrder(manager, one, entry.cityOrder.orderNo, index);
    const where = { submitterPersonId: actor.personId, source: In(sourcesEnteredThrough(entry.form)), clientRequestId: entry.clientRequestId };
    return (await manager.findOneBy(RequestEntity, where))?.id ?? null;
  }

  /**
   * A 12345 order number is entered once, by one town: again by the town that holds it, it is the
   * same request; by another town it is refused, naming the holder (answering "unchanged" would
   * point that town to a request it cannot open). The city moving an order is a transfer.
   */
  private async knownOrder(manager: EntityManager, { unit, source }: Checked, orderNo: string, index: number): Promise<number | null> {
    const held = await manager.findOne(RequestEntity, { where: { source, hotlineOrderNo: orderNo }, relations: { unit: true } });
    if (!held) return null;
    // The entry lands in a town's hotline office: its parent is the importing town.
    if (held.unit!.path.startsWith(parentPath(unit.path))) return held.id;
    const ancestors = held.unit!.path.split('/').filter(Boolean).map(Number);
    const holder = await manager.findOneBy(OrgUnit, { id: In(ancestors), kind: 'town' });
    throw new AppError(
      ErrorCode.HotlineOrderHeldElsewhere,
      `orders.${index}.orderNo`,
      `工单 ${orderNo} 已由${holder?.name ?? '其他镇'}导入办理，不能再导入本镇；如需改由本镇办理，请联系县里转办`,
    );
  }
}
