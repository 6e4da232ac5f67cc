import { ApiProperty } from '@nestjs/swagger';
import { COMPLEXITIES, RATINGS, REQUEST_STATES } from '@gridloop/domain';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export const REQUEST_CATEGORIES = ['environment', 'infrastructure', 'dispute', 'labour', 'safety', 'social', 'other'] as const;
export const CONTACT_METHODS = ['call', 'visit', 'message'] as const;
/** Actions this API takes so far; transfer and merge come with routing. */
export const SUPPORTED_ACTIONS = ['accept', 'followUp', 'resolve', 'lookBack', 'close', 'sendBack', 'reopen', 'reject', 'withdraw'] as const;
export type SupportedAction = (typeof SUPPORTED_ACTIONS)[number];

export class SubmitRequestDto {
  @ApiProperty({ description: 'Made by the client once per submission; a retry sends the same one' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  @IsString()
  clientRequestId: string;

  @ApiProperty({ enum: REQUEST_CATEGORIES })
  @IsIn(REQUEST_CATEGORIES)
  category: string;

  @ApiProperty({ maxLength: 2000 })
  @MaxLength(2000)
  @IsNotEmpty()
  @IsString()
  description: string;

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
}

export class RequestActionDto {
  @ApiProperty({ description: 'The version the caller saw; a newer one means someone else acted first' })
  @Min(1)
  @IsInt()
  version: number;

  @ApiProperty({ required: false, maxLength: 2000, description: 'Required for followUp, resolve (the result), sendBack, reopen, reject (the reason)' })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  note?: string;

  @ApiProperty({ required: false, enum: CONTACT_METHODS, description: 'accept: how the requester was contacted' })
  @IsOptional()
  @IsIn(CONTACT_METHODS)
  contactMethod?: string;

  @ApiProperty({ required: false, enum: COMPLEXITIES, description: 'accept: simple (1 working day) or complex (3)' })
  @IsOptional()
  @IsIn(COMPLEXITIES)
  complexity?: string;
}

export class RateRequestDto {
  @ApiProperty({ description: 'The version the caller saw' })
  @Min(1)
  @IsInt()
  version: number;

  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  rating: string;

  @ApiProperty({ required: false, maxLength: 500 })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  comment?: string;
}

export class RequestEventDto {
  @ApiProperty()
  id: number;

  @ApiProperty()
  action: string;

  @ApiProperty({ enum: REQUEST_STATES })
  toState: string;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty()
  public: boolean;

  @ApiProperty()
  createdAt: Date;
}

export class RequestDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ enum: REQUEST_STATES })
  state: string;

  @ApiProperty({ example: '已受理' })
  stateLabel: string;

  @ApiProperty()
  version: number;

  @ApiProperty()
  source: string;

  @ApiProperty({ enum: REQUEST_CATEGORIES })
  category: string;

  @ApiProperty({ nullable: true, type: String, description: 'Patrol reports: the grid leader hat that found it' })
  dutyType: string | null;

  @ApiProperty()
  description: string;

  @ApiProperty({ nullable: true, type: String })
  addressNote: string | null;

  @ApiProperty({ description: 'Full for those handling it and the requester, masked for others', nullable: true, type: String })
  contactPhone: string | null;

  @ApiProperty({ description: 'Masked unless the caller handles the case or is the requester' })
  requesterName: string;

  @ApiProperty()
  confidential: boolean;

  @ApiProperty()
  unitId: number;

  @ApiProperty()
  handlerUnitId: number;

  @ApiProperty({ nullable: true, enum: COMPLEXITIES, type: String })
  complexity: string | null;

  @ApiProperty()
  contactDueAt: Date;

  @ApiProperty({ nullable: true, type: Date })
  completionDueAt: Date | null;

  @ApiProperty()
  contactLate: boolean;

  @ApiProperty()
  completionLate: boolean;

  @ApiProperty({ nullable: true, enum: RATINGS, type: String })
  rating: string | null;

  @ApiProperty({ description: 'Red hearts the latest verdict lit' })
  hearts: number;

  @ApiProperty({ description: 'Times it went back to work after a result (重办)' })
  rehandleCount: number;

  @ApiProperty({ description: 'What the caller may do now', type: [String] })
  actions: string[];

  @ApiProperty({ type: [RequestEventDto], description: 'Public steps for the requester; all steps for those handling it' })
  timeline: RequestEventDto[];

  @ApiProperty()
  createdAt: Date;
}
