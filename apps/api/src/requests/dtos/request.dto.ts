import { applyDecorators } from '@nestjs/common';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import {
  actionsWith,
  COMPLEXITIES,
  CONTACT_METHODS,
  MAX_REPLY_DAYS,
  MAX_REQUIREMENT_LENGTH,
  RATINGS,
  REJECT_REASONS,
  RETURN_VISIT_METHODS,
  REQUEST_CATEGORIES,
  REQUEST_SOURCES,
  REQUEST_STATES,
  type Complexity,
  type ContactMethod,
  type DutyType,
  type Rating,
  type RejectReason,
  type RequestCategory,
  type RequestSource,
  type RequestState,
  type ReturnVisitMethod,
} from '@gridloop/domain';
import { IsBoolean, IsDateString, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Max, Min, ValidateIf } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';
import { IsNotBlank } from '../../common/not-blank';
import { PhotoIdsField, PhotoRefDto } from '../../photos/dtos/photo.dto';
import { VoiceNoteRefDto } from '../../voice-notes/dtos/voice-note.dto';

/** Actions taken through actOnRequest (rating has its own operation). */
export const SUPPORTED_ACTIONS = [
  'accept',
  'followUp',
  'resolve',
  'lookBack',
  'close',
  'sendBack',
  'reopen',
  'reject',
  'withdraw',
  'requestTransfer',
  'declineTransfer',
  'transfer',
  'merge',
  'urge',
  'supervise',
  'requestExtension',
  'approveExtension',
  'declineExtension',
  'requestPark',
  'approvePark',
  'declinePark',
  'parkProgress',
  'unpark',
  'lookBackClose',
  'returnVisit',
  'returnToDispatch',
] as const;
export type SupportedAction = (typeof SUPPORTED_ACTIONS)[number];
/** Actions with an operation of their own: rateRequest, disownRequest. */
export const OWN_OPERATION_ACTIONS = ['rate', 'disown'] as const;

/** What a matter is, in words: up to 2,000 characters, not blank. */
export function MatterText(): PropertyDecorator {
  return applyDecorators(MaxLength(2000), IsNotBlank(), IsString(), IsDefined());
}

export class SubmitRequestDto {
  @ApiProperty({ description: 'Made by the client once per submission; a retry sends the same one' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  @IsString()
  clientRequestId: string;

  @ApiProperty({ enum: REQUEST_CATEGORIES })
  @IsIn(REQUEST_CATEGORIES)
  category: RequestCategory;

  @ApiProperty({
    required: false,
    maxLength: 2000,
    description: 'What the matter is. May be left out with a voiceNoteId (语音留言 then stands in for the text)',
  })
  @ValidateIf((o: SubmitRequestDto) => o.voiceNoteId === undefined || o.description !== undefined)
  @MatterText()
  description?: string;

  @ApiProperty({ required: false, description: 'A voice note from uploadVoiceNote (the caller’s own, not used yet), instead of or beside the text' })
  @IsOptional()
  @Min(1)
  @IsInt()
  voiceNoteId?: number;

  @ApiProperty({ required: false, maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  addressNote?: string;

  @ApiProperty({ required: false, description: 'Mainland mobile to call back on' })
  @IsOptional()
  @Matches(/^1[3-9]\d{9}$/)
  @IsString()
  contactPhone?: string;

  @ApiProperty({ required: false, default: false })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @ApiProperty({ required: false, description: 'A village or small grid; defaults to the requester’s home' })
  @IsOptional()
  @Min(1)
  @IsInt()
  unitId?: number;

  @PhotoIdsField('Up to 9 photos from uploadPhoto (the caller’s own, not used yet)')
  photoIds?: number[];
}

/** A matter entered for a villager by a grid leader (代办) or hotline staff (a phone call). */
export class SubmitOnBehalfDto extends OmitType(SubmitRequestDto, ['unitId'] as const) {
  @ApiProperty({ description: 'The village or small grid the matter belongs to (within the caller’s area)' })
  @Min(1)
  @IsInt()
  unitId: number;

  @ApiProperty({ maxLength: 32, description: 'The villager’s name' })
  @MaxLength(32)
  @IsNotBlank()
  @IsString()
  requesterName: string;

  @ApiProperty({ description: 'The villager’s mainland mobile: finds them, or adds them as a person' })
  @Matches(/^1[3-9]\d{9}$/)
  @IsString()
  requesterPhone: string;

  @ApiProperty({
    required: false,
    enum: CONTACT_METHODS,
    description:
      '代办: how the one entering it reached the villager. Where entering is the first contact (the source’s entryIsFirstContact, and the caller handles the matter) the matter is accepted at once with it; ignored otherwise',
  })
  @IsOptional()
  @IsIn(CONTACT_METHODS)
  contactMethod?: ContactMethod;
}

export class RequestActionDto {
  @ApiProperty({ description: 'The version the caller saw; a newer one means someone else acted first' })
  @Min(1)
  @IsInt()
  version: number;

  @ApiProperty({
    required: false,
    maxLength: 2000,
    description: `Required for ${actionsWith('noteRequired').join(', ')} (the noteRequired column of the workflow table)`,
  })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  note?: string;

  @ApiProperty({ required: false, enum: CONTACT_METHODS, description: 'accept: how the requester was contacted' })
  @IsOptional()
  @IsIn(CONTACT_METHODS)
  contactMethod?: ContactMethod;

  @ApiProperty({ required: false, enum: COMPLEXITIES, description: 'accept: simple (1 working day) or complex (3)' })
  @IsOptional()
  @IsIn(COMPLEXITIES)
  complexity?: Complexity;

  @PhotoIdsField('accept, followUp, resolve: up to 9 photos from uploadPhoto (the caller’s own, not used yet); refused on other actions')
  photoIds?: number[];

  @ApiProperty({ required: false, description: 'transfer: the small grid, village or town department to take it' })
  @IsOptional()
  @Min(1)
  @IsInt()
  targetUnitId?: number;

  @ApiProperty({
    required: false,
    minimum: 1,
    description: 'requestExtension: the working days wanted (1 to the town’s maxDays); approveExtension: the days granted, at most those asked (default: all)',
  })
  @IsOptional()
  @Min(1)
  @IsInt()
  extensionDays?: number;

  @ApiProperty({
    required: false,
    example: '2027-03-31',
    description:
      'requestPark: the plan date (计划办结日期, YYYY-MM-DD, China; today or later, within the town’s maxPlanDays); approvePark: another plan date (default: the one asked)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'parkUntil must be a date as YYYY-MM-DD' })
  @IsString()
  parkUntil?: string;

  @ApiProperty({ required: false, description: 'merge: the open request that carries on for both' })
  @IsOptional()
  @Min(1)
  @IsInt()
  targetRequestId?: number;

  @ApiProperty({ required: false, enum: RETURN_VISIT_METHODS, description: 'lookBackClose, returnVisit: how the requester was visited (none: not called)' })
  @IsOptional()
  @IsIn(RETURN_VISIT_METHODS)
  visitMethod?: ReturnVisitMethod;

  @ApiProperty({ required: false, description: 'lookBackClose, returnVisit: the requester was reached' })
  @IsOptional()
  @IsBoolean()
  visitReached?: boolean;

  @ApiProperty({
    required: false,
    enum: RATINGS,
    description: 'lookBackClose, returnVisit: what the requester said, when reached; dissatisfied sends the matter back to work',
  })
  @IsOptional()
  @IsIn(RATINGS)
  visitHeard?: Rating;

  @ApiProperty({ required: false, enum: REJECT_REASONS, description: 'reject: why (required; one of the town’s REFUSAL_RULES rejectReasons)' })
  @IsOptional()
  @IsIn(REJECT_REASONS)
  rejectReason?: RejectReason;

  @ApiProperty({
    required: false,
    maxLength: 100,
    description: 'reject with not_ours: where the requester should go instead (法院, 劳动仲裁, a city department…); required then, refused with other reasons',
  })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  referTo?: string;

  @ApiProperty({
    required: false,
    maxLength: MAX_REQUIREMENT_LENGTH,
    description: 'urge, supervise: what the printed notice requires of the unit (blank: the kind’s standard wording)',
  })
  @IsOptional()
  @MaxLength(MAX_REQUIREMENT_LENGTH)
  @IsString()
  requirement?: string;

  @ApiProperty({
    required: false,
    minimum: 1,
    maximum: MAX_REPLY_DAYS,
    description: 'urge, supervise: working days the unit has to reply on the printed notice (default: 2 for urge, 3 for supervise)',
  })
  @IsOptional()
  @Max(MAX_REPLY_DAYS)
  @Min(1)
  @IsInt()
  replyDays?: number;
}

export class RateRequestDto {
  @ApiProperty({ description: 'The version the caller saw' })
  @Min(1)
  @IsInt()
  version: number;

  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  rating: Rating;

  @ApiProperty({ required: false, maxLength: 500 })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  comment?: string;
}

/** 这不是我的诉求: the person a matter was entered for says it is not theirs. */
export class DisownRequestDto {
  @ApiProperty({ description: 'The version the caller saw' })
  @Min(1)
  @IsInt()
  version: number;

  @ApiProperty({ required: false, maxLength: 500, description: 'What the person adds (who they think entered it, …)' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  note?: string;
}

export class RequestEventDto {
  @ApiProperty()
  id: number;

  @ApiProperty()
  action: string;

  @ApiProperty({ enum: REQUEST_STATES })
  toState: RequestState;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty()
  public: boolean;

  @ApiProperty({ description: 'Who took the step: staff by name, the requester as the requester is shown to the caller, 系统 for the clocks' })
  actorName: string;

  @ApiProperty({ type: [PhotoRefDto], description: 'Photos this step came with (fetch each url with the same sign-in)' })
  photos: PhotoRefDto[];

  @ApiProperty({ nullable: true, type: Date, description: 'The deadline running after this step (批准延期: the new completion deadline)' })
  dueAt: Date | null;

  @ApiProperty()
  createdAt: Date;
}

/** A request as lists show it (inbox, mine, queues): everything but the timeline. */
export class RequestListItemDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ enum: REQUEST_STATES })
  state: RequestState;

  @ApiProperty({ example: '已受理' })
  stateLabel: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ enum: REQUEST_SOURCES })
  source: RequestSource;

  @ApiProperty({ enum: REQUEST_CATEGORIES })
  category: RequestCategory;

  @ApiProperty({ nullable: true, type: String, description: 'Patrol reports: the grid leader hat that found it' })
  dutyType: DutyType | null;

  @ApiProperty()
  description: string;

  @ApiProperty({ nullable: true, type: String })
  addressNote: string | null;

  @ApiProperty({
    description:
      'The number given with the matter, else the requester’s own: full only for the requester, masked for those handling or supervising it (the full number through callRequester), null for others (PERSONAL_FIELDS)',
    nullable: true,
    type: String,
  })
  contactPhone: string | null;

  @ApiProperty({
    description:
      'Full only for the requester, masked for those handling, supervising or following it, empty for anyone else (PERSONAL_FIELDS). A matter entered for someone shows the name it was entered under, never the account’s own',
  })
  requesterName: string;

  @ApiProperty({ description: '拨打: the caller handles or supervises it and there is a number: callRequester answers it in full (the view logged)' })
  canCall: boolean;

  @ApiProperty()
  confidential: boolean;

  @ApiProperty({ required: false, description: 'Only for those handling it: the content check asked for a person to review some of its text' })
  contentReview?: boolean;

  @ApiProperty()
  unitId: number;

  @ApiProperty()
  handlerUnitId: number;

  @ApiProperty({ nullable: true, enum: COMPLEXITIES, type: String })
  complexity: Complexity | null;

  @ApiProperty()
  contactDueAt: Date;

  @ApiProperty({ nullable: true, type: Date })
  completionDueAt: Date | null;

  @ApiProperty()
  contactLate: boolean;

  @ApiProperty()
  completionLate: boolean;

  @ApiProperty({ nullable: true, enum: RATINGS, type: String })
  rating: Rating | null;

  @ApiProperty({ description: 'Red hearts the latest verdict lit' })
  hearts: number;

  @ApiProperty({ description: 'Times it went back to work after a result (重办)' })
  rehandleCount: number;

  @ApiProperty({ nullable: true, type: String, description: '12345 orders: the city platform’s order number' })
  hotlineOrderNo: string | null;

  @ApiProperty({ nullable: true, type: Date, description: '12345 orders: the city’s deadline (the earlier of it and the town’s governs)' })
  cityDueAt: Date | null;

  @ApiProperty({ description: 'The handler asked for a transfer and the dispatchers have not answered' })
  transferRequested: boolean;

  @ApiProperty({ description: 'How far up the escalation ladder its overdue clock has climbed (0: not overdue)' })
  escalationRung: number;

  @ApiProperty({ description: '督办: under formal supervision by the hotline office' })
  supervised: boolean;

  @ApiProperty({ nullable: true, type: Number, description: 'State merged: the request that carries on' })
  mergedIntoId: number | null;

  @ApiProperty({
    description: 'Entered by someone else for the requester (代办, a hotline call, a 12345 order): the requester may say it is not theirs (disown)',
  })
  enteredForRequester: boolean;

  @ApiProperty({
    description: '派单: waits for the dispatchers (held by a hotline office, or its handler asked to transfer it); else the page says who holds it',
  })
  awaitsDispatch: boolean;

  @ApiProperty({ description: 'What the caller may do now', type: [String] })
  actions: string[];

  @ApiProperty({ nullable: true, type: String, description: 'The latest result (办结) or refusal given, while it stands' })
  resultNote: string | null;

  @ApiProperty({
    nullable: true,
    type: Date,
    description: 'When that result came (resolvedAt; for a refusal, decided at the contact: contactedAt), while it stands; the 回看 queue is in this order',
  })
  readyAt: Date | null;

  @ApiProperty({ description: 'The village or small grid it belongs to', example: '北孙村第3小网格' })
  unitName: string;

  @ApiProperty({ description: 'Who handles it now: the grid, a department, the hotline office', example: '劳动保障所' })
  handlerUnitName: string;

  @ApiProperty()
  createdAt: Date;
}

/** One request with its timeline and what the caller may do now. */
export class RequestDto extends RequestListItemDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who entered it for the requester (a grid leader, hotline staff), by name; null when the requester raised it',
  })
  enteredByName: string | null;

  @ApiProperty({ nullable: true, type: Number, description: '延期申请 waiting for a decision: the working days asked (null: none waits)' })
  extensionAskedDays: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2027-03-31',
    description: '挂账 asked and waiting for a decision: the plan date asked (null: none waits)',
  })
  parkAskedDate: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2027-03-31',
    description: '挂账: the plan date the matter is parked until, off the escalation ladder (null: not parked); shown to the requester as 挂账',
  })
  parkPlanDate: string | null;

  @ApiProperty({
    nullable: true,
    type: Date,
    description: '挂账: when the next progress note (挂账进展) is owed (null: not parked; staff only, null for others)',
  })
  parkProgressDueAt: Date | null;

  @ApiProperty({ type: [RequestEventDto], description: 'Public steps for the requester; all steps for those handling it' })
  timeline: RequestEventDto[];

  @ApiProperty({
    type: VoiceNoteRefDto,
    nullable: true,
    description: 'The voice note the matter was raised with (语音留言), heard by whoever may see the request',
  })
  voiceNote: VoiceNoteRefDto | null;
}

/** 拨打: the requester's full number, answered by the logged action callRequester. */
export class RequesterPhoneDto {
  @ApiProperty({ example: '13812341234' })
  phone: string;
}

/** An open matter in the same grid that looks like the one being handled. */
export class DuplicateCandidateDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ enum: REQUEST_STATES })
  state: RequestState;

  @ApiProperty()
  stateLabel: string;

  @ApiProperty({ enum: REQUEST_CATEGORIES })
  category: RequestCategory;

  @ApiProperty()
  description: string;

  @ApiProperty({ nullable: true, type: String })
  addressNote: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ description: 'How alike, 0–1 (shared wording, same category and place)' })
  score: number;
}

/** A page of the inbox: the most urgent first; the next page starts after the last row's due time and id. */
export class InboxQuery {
  @ApiProperty({ required: false, minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @Max(100)
  @IsInt()
  limit?: number;

  @ApiProperty({
    required: false,
    description: 'The last row of the previous page: its due time (completionDueAt, else contactDueAt)…',
    example: '2026-11-25T09:30:00.000Z',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  afterDueAt?: string;

  @ApiProperty({ required: false, description: '…and its id' })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @IsInt()
  afterId?: number;
}
