import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_CATEGORIES, type RequestCategory } from '@gridloop/domain';
import { Type } from 'class-transformer';
import { IntFromText } from '../common/int-from-text';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank } from '../common/not-blank';

export const MAX_ORDERS_PER_IMPORT = 500;

/** One work order as the city's 12345 platform hands it down. */
export class HotlineOrderDto {
  @ApiProperty({ description: 'The city platform’s order number (工单编号)', example: 'SG20261125000123' })
  @Matches(/^[A-Za-z0-9-]{4,40}$/)
  @IsString()
  orderNo: string;

  @ApiProperty({ description: 'When the city took the call (ISO 8601 with offset)', example: '2026-11-25T09:12:00+08:00' })
  @IsDateString({ strict: true })
  receivedAt: string;

  @ApiProperty({ maxLength: 32 })
  @MaxLength(32)
  @IsNotBlank()
  @IsString()
  callerName: string;

  @ApiProperty({ description: 'Mainland mobile of the caller' })
  @Matches(/^1[3-9]\d{9}$/)
  @IsString()
  callerPhone: string;

  @ApiProperty({ maxLength: 2000 })
  @MaxLength(2000)
  @IsNotBlank()
  @IsString()
  content: string;

  @ApiProperty({ required: false, enum: REQUEST_CATEGORIES, description: 'Defaults to other' })
  @IsOptional()
  @IsIn(REQUEST_CATEGORIES)
  category?: RequestCategory;

  @ApiProperty({ description: 'The city’s deadline (办理时限, ISO 8601 with offset)', example: '2026-11-30T17:30:00+08:00' })
  @IsDateString({ strict: true })
  cityDueAt: string;

  @ApiProperty({ required: false, default: false, description: 'The caller asked for confidentiality (保密)' })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
}

export class ImportHotlineOrdersDto {
  @ApiProperty({ description: 'The town whose hotline office receives the orders' })
  @Min(1)
  @IsInt()
  townId: number;

  @ApiProperty({ type: [HotlineOrderDto], minItems: 1, maxItems: MAX_ORDERS_PER_IMPORT })
  @ValidateNested({ each: true })
  @Type(() => HotlineOrderDto)
  @ArrayMaxSize(MAX_ORDERS_PER_IMPORT)
  @ArrayMinSize(1)
  @IsArray()
  orders: HotlineOrderDto[];
}

export class ImportHotlineOrdersFormDto {
  @ApiProperty()
  @IntFromText()
  @Min(1)
  @IsInt()
  townId: number;
}

export class ImportedOrderDto {
  @ApiProperty()
  orderNo: string;

  @ApiProperty()
  requestId: number;

  @ApiProperty({ description: 'false: it was imported before, and nothing changed' })
  created: boolean;
}

export class HotlineImportResultDto {
  @ApiProperty()
  created: number;

  @ApiProperty()
  unchanged: number;

  @ApiProperty({ type: [ImportedOrderDto] })
  orders: ImportedOrderDto[];
}

/** What goes back to the city platform for one order (回复): no personal data of the caller. */
export class HotlineReplyDto {
  @ApiProperty()
  orderNo: string;

  @ApiProperty()
  requestId: number;

  @ApiProperty()
  state: string;

  @ApiProperty({ example: '已办结' })
  stateLabel: string;

  @ApiProperty({ nullable: true, type: String, description: 'The handler’s result, or the reason for not taking it' })
  result: string | null;

  @ApiProperty({ description: 'The unit handling it now', example: '劳动保障所' })
  handlerUnit: string;

  @ApiProperty({ nullable: true, type: String, description: 'Who gave the result' })
  handlerName: string | null;

  @ApiProperty({ nullable: true, type: Date, description: 'When the result was given' })
  repliedAt: Date | null;

  @ApiProperty({ description: 'Done after the governing deadline, or still open past it' })
  late: boolean;
}

export class ExportRepliesQuery {
  @ApiProperty()
  @IntFromText()
  @Min(1)
  @IsInt()
  townId: number;

  @ApiProperty({ description: 'First day of orders received, YYYY-MM-DD (China time)', example: '2026-11-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsString()
  from: string;

  @ApiProperty({ description: 'Last day, inclusive', example: '2026-11-30' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsString()
  to: string;
}
