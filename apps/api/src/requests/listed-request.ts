import {
  RESULT_ACTIONS,
  RESULT_STATES,
  type Complexity,
  type DutyType,
  type Rating,
  type RequestCategory,
  type RequestSource,
  type RequestState,
} from '@gridloop/domain';
import { rawDate } from '../common/raw-date';
import type { OrgUnit } from '../grid/org-unit.entity';
import type { Requester } from './requester';
import type { RequestEntity } from './request.entity';

/** What a list item (viewListItem) shows of a request, and what deciding the caller's relations to it needs. */
export type ListedRequest = Pick<
  RequestEntity,
  | 'id'
  | 'state'
  | 'version'
  | 'source'
  | 'category'
  | 'dutyType'
  | 'description'
  | 'addressNote'
  | 'contactPhone'
  | 'confidential'
  | 'contentReview'
  | 'unitId'
  | 'handlerUnitId'
  | 'requesterPersonId'
  | 'enteredByPersonId'
  | 'enteredName'
  | 'complexity'
  | 'contactDueAt'
  | 'completionDueAt'
  | 'contactedAt'
  | 'resolvedAt'
  | 'contactLate'
  | 'completionLate'
  | 'rating'
  | 'ratedAt'
  | 'rehandleCount'
  | 'hotlineOrderNo'
  | 'cityDueAt'
  | 'transferRequested'
  | 'escalationRung'
  | 'supervisedAt'
  | 'mergedIntoId'
  | 'createdAt'
> & { unit?: Pick<OrgUnit, 'name' | 'path'>; handlerUnit?: Pick<OrgUnit, 'name' | 'kind'> };

/** A list row read with plain SQL: the request, its two units' names, its requester, and what a list needs besides. */
export interface ListedRow {
  request: ListedRequest;
  requester: Requester;
  /** Whether the caller follows it (a matter of theirs was merged into it). */
  followed: boolean;
  /** The note of its latest result or refusal step, if any. */
  resultNote: string | null;
}

/** The joins of a list row's select list: `FROM request r ${LISTED_JOINS}`. */
export const LISTED_JOINS = 'JOIN org_unit u ON u.id = r.unitId JOIN org_unit h ON h.id = r.handlerUnitId JOIN person p ON p.id = r.requesterPersonId';

/**
 * The select list of a list row; its one parameter is the caller's person id (do they follow it?).
 * The result note is looked up only where a list shows it (a result state): half the read's time else.
 */
export const LISTED_COLUMNS = `r.id, r.state, r.version, r.source, r.category, r.dutyType, r.description, r.addressNote, r.contactPhone, r.confidential,
  r.contentReview, r.unitId, r.handlerUnitId, r.requesterPersonId, r.enteredByPersonId, r.enteredName, r.complexity, r.contactDueAt, r.completionDueAt, r.contactedAt,
  r.resolvedAt, r.contactLate, r.completionLate, r.rating, r.ratedAt, r.rehandleCount, r.hotlineOrderNo, r.cityDueAt, r.transferRequested,
  r.escalationRung, r.supervisedAt, r.mergedIntoId, r.createdAt, u.name AS unitName, u.path AS unitPath, h.name AS handlerUnitName, h.kind AS handlerUnitKind,
  p.name AS requesterName, p.phone AS requesterPhone,
  EXISTS (SELECT 1 FROM request_follower f WHERE f.requestId = r.id AND f.personId = ?) AS followed,
  CASE WHEN r.state IN (${RESULT_STATES.map((state) => `'${state}'`).join(', ')})
    THEN (SELECT e.note FROM request_event e WHERE e.requestId = r.id AND e.action IN (${RESULT_ACTIONS.map((action) => `'${action}'`).join(', ')}) ORDER BY e.id DESC LIMIT 1) END AS resultNote`;

type Raw = Record<string, unknown>;

/** Both dialects' raw values as the entity has them: MySQL gives Dates and 0/1, SQLite UTC text and 0/1. */
export function listedRow(raw: Raw): ListedRow {
  const date = (key: string) => rawDate(raw[key] as Date | string);
  const dateOrNull = (key: string) => (raw[key] === null ? null : date(key));
  // A column typed with a domain union holds only its values: the entity writes nothing else.
  const text = <T extends string = string>(key: string) => raw[key] as T;
  const textOrNull = <T extends string = string>(key: string) => (raw[key] ?? null) as T | null;
  const int = (key: string) => Number(raw[key]);
  const intOrNull = (key: string) => (raw[key] === null ? null : Number(raw[key]));
  const bool = (key: string) => Number(raw[key]) === 1;
  return {
    request: {
      id: int('id'),
      state: text<RequestState>('state'),
      version: int('version'),
      source: text<RequestSource>('source'),
      category: text<RequestCategory>('category'),
      dutyType: textOrNull<DutyType>('dutyType'),
      description: text('description'),
      addressNote: textOrNull('addressNote'),
      contactPhone: textOrNull('contactPhone'),
      confidential: bool('confidential'),
      contentReview: bool('contentReview'),
      unitId: int('unitId'),
      handlerUnitId: int('handlerUnitId'),
      requesterPersonId: int('requesterPersonId'),
      enteredByPersonId: intOrNull('enteredByPersonId'),
      enteredName: textOrNull('enteredName'),
      complexity: textOrNull<Complexity>('complexity'),
      contactDueAt: date('contactDueAt'),
      completionDueAt: dateOrNull('completionDueAt'),
      contactedAt: dateOrNull('contactedAt'),
      resolvedAt: dateOrNull('resolvedAt'),
      contactLate: bool('contactLate'),
      completionLate: bool('completionLate'),
      rating: textOrNull<Rating>('rating'),
      ratedAt: dateOrNull('ratedAt'),
      rehandleCount: int('rehandleCount'),
      hotlineOrderNo: textOrNull('hotlineOrderNo'),
      cityDueAt: dateOrNull('cityDueAt'),
      transferRequested: bool('transferRequested'),
      escalationRung: int('escalationRung'),
      supervisedAt: dateOrNull('supervisedAt'),
      mergedIntoId: intOrNull('mergedIntoId'),
      createdAt: date('createdAt'),
      unit: { name: text('unitName'), path: text('unitPath') },
      handlerUnit: { name: text('handlerUnitName'), kind: text('handlerUnitKind') as OrgUnit['kind'] },
    },
    requester: { name: text('requesterName'), phone: textOrNull('requesterPhone') },
    followed: bool('followed'),
    resultNote: textOrNull('resultNote'),
  };
}
