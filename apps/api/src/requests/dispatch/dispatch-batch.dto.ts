import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

/** At most this many matters in one batch (a page of the dispatch queue and more). */
export const MAX_DISPATCH_BATCH = 50;

export class DispatchBatchItemDto {
  @ApiProperty({ description: 'The matter to dispatch' })
  @Min(1)
  @IsInt()
  requestId: number;

  @ApiProperty({ description: 'The version the caller saw; a newer one means someone else acted first' })
  @Min(1)
  @IsInt()
  version: number;

  @ApiProperty({
    required: false,
    description: 'The unit to take this matter instead of the batch’s targetUnitId (each of a morning’s orders to its own place)',
  })
  @Min(1)
  @IsInt()
  // Left out means the batch's unit; null is not "left out" (IsOptional would let it through).
  @ValidateIf((_item: DispatchBatchItemDto, value: unknown) => value !== undefined)
  targetUnitId?: number;
}

export class DispatchBatchDto {
  @ApiProperty({ description: 'The small grid, village or town department to take them all (those items without a targetUnitId of their own)' })
  @Min(1)
  @IsInt()
  targetUnitId: number;

  @ApiProperty({ maxLength: 2000, description: 'Why (the transfer note), the same for every matter' })
  @MaxLength(2000)
  @IsString()
  note: string;

  @ApiProperty({ type: [DispatchBatchItemDto], minItems: 1, maxItems: MAX_DISPATCH_BATCH })
  @ValidateNested({ each: true })
  @Type(() => DispatchBatchItemDto)
  @ArrayUnique((item: DispatchBatchItemDto) => item.requestId)
  @ArrayMaxSize(MAX_DISPATCH_BATCH)
  @ArrayMinSize(1)
  @IsArray()
  items: DispatchBatchItemDto[];
}

export class DispatchItemResultDto {
  @ApiProperty()
  requestId: number;

  @ApiProperty({ enum: ['done', 'failed'] })
  outcome: 'done' | 'failed';

  @ApiProperty({ required: false, description: 'done: the matter’s version after the transfer' })
  version?: number;

  @ApiProperty({ required: false, description: 'failed: the stable error code (as a single call would answer)' })
  code?: string;

  @ApiProperty({ required: false, description: 'failed: the Chinese message to show' })
  message?: string;
}

export class DispatchBatchResultDto {
  @ApiProperty({ description: 'How many were dispatched' })
  done: number;

  @ApiProperty({ description: 'How many were not' })
  failed: number;

  @ApiProperty({ type: [DispatchItemResultDto], description: 'Every item, in the order sent' })
  items: DispatchItemResultDto[];
}
