import {
  DUTY_TYPE_LABELS,
  isInSpan,
  spanOf,
  type ContactMethod,
  type DutyType,
  type IntakeForm,
  type RequestCategory,
  type RequestSource,
} from '@gridloop/domain';
import type { Actor } from '../../auth/actor';
import type { OrgUnit } from '../../grid/org-unit.entity';
import type { HotlineOrderDto } from '../../hotline/hotline.dto';
import type { PatrolReportDto } from '../dtos/patrol.dto';
import type { SubmitOnBehalfDto, SubmitRequestDto } from '../dtos/request.dto';
import type { SubmittedMedia } from '../request-steps';

/**
 * A new matter as any form hands it to RequestIntake; what the form cannot say (where it may land,
 * who the requester is, the limit, the checks) the source's row in REQUEST_SOURCE_RULES decides.
 */
export interface IntakeEntry {
  form: IntakeForm;
  /** Which of the form's sources it is, known once it is known where it lands (forms with more than one). */
  sourceAt?: (unit: OrgUnit) => RequestSource;
  /** The client's id for this submission: a retry sends the same one. */
  clientRequestId: string;
  /** The chosen unit; undefined: none chosen (UNIT_NOT_CHOSEN). */
  unitId: number | undefined;
  /** Where the requester is found by phone: the name typed (the matter goes by it) and the number. */
  requester?: { name: string; phone: string };
  category: RequestCategory;
  /** Left out with a voice note (语音留言 then stands in for the text). */
  description?: string;
  addressNote?: string;
  /** The number to call back on; defaults to the requester's when found by phone. */
  contactPhone?: string;
  confidential?: boolean;
  dutyType?: DutyType;
  media?: SubmittedMedia;
  /** How the one entering it reached the requester: the first contact, where the source's row says entering is one. */
  contactMethod?: ContactMethod;
  /** Settled on the spot (where the source may be): the accept step's note and the result. */
  settled?: { acceptNote: string; result: string };
  /** A 12345 order: the city's number (an order is entered once), when it took the call and its deadline. */
  cityOrder?: { orderNo: string; receivedAt: Date; dueAt: Date };
}

/** A villager's own matter: in the unit they chose, else their home. */
export function ownEntry(actor: Actor, input: SubmitRequestDto): IntakeEntry {
  return { form: 'own', ...matterOf(input), unitId: input.unitId ?? actor.homeUnitId ?? undefined };
}

/** Entered for a villager: a call taken by hotline staff where it lands, else 代办. */
export function onBehalfEntry(actor: Actor, input: SubmitOnBehalfDto): IntakeEntry {
  return {
    form: 'on_behalf',
    ...matterOf(input),
    unitId: input.unitId,
    requester: { name: input.requesterName, phone: input.requesterPhone },
    contactMethod: input.contactMethod,
    sourceAt: (unit) => (actor.held.some((h) => h.role === 'hotline_staff' && isInSpan(unit.path, spanOf([h]))) ? 'staff' : 'proxy'),
  };
}

/** 未诉先办: what a patrol found in a small grid, under one of the six hats; maybe settled on the spot. */
export function patrolEntry(input: PatrolReportDto): IntakeEntry {
  return {
    form: 'patrol',
    clientRequestId: input.clientRequestId,
    unitId: input.unitId,
    category: input.category,
    description: input.description,
    addressNote: input.addressNote,
    dutyType: input.dutyType,
    // The photos show what was found: they go with the report itself (its submit step).
    media: { photoIds: input.photoIds },
    settled: input.settledOnSpot ? { acceptNote: `现场处置（${DUTY_TYPE_LABELS[input.dutyType]}）`, result: input.result ?? '' } : undefined,
  };
}

/** A 12345 order, into the town's hotline office; idempotent by its order number, not by this id. */
export function cityOrderEntry(office: OrgUnit, order: HotlineOrderDto): IntakeEntry {
  return {
    form: 'city_order',
    clientRequestId: `12345-${order.orderNo}`,
    unitId: office.id,
    requester: { name: order.callerName, phone: order.callerPhone },
    category: order.category ?? 'other',
    description: order.content,
    confidential: order.confidential,
    cityOrder: { orderNo: order.orderNo, receivedAt: new Date(order.receivedAt), dueAt: new Date(order.cityDueAt) },
  };
}

function matterOf(input: SubmitRequestDto | SubmitOnBehalfDto): Omit<IntakeEntry, 'form' | 'unitId'> {
  return {
    clientRequestId: input.clientRequestId,
    category: input.category,
    description: input.description,
    addressNote: input.addressNote,
    contactPhone: input.contactPhone,
    confidential: input.confidential,
    media: { photoIds: input.photoIds, voiceNoteId: input.voiceNoteId },
  };
}
