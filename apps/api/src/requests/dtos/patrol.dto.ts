import { ApiProperty, PickType } from '@nestjs/swagger';
import { DUTY_TYPES, type DutyType } from '@gridloop/domain';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PhotoIdsField } from '../../photos/dtos/photo.dto';
import { MatterText, SubmitRequestDto } from './request.dto';

/** A grid leader's patrol report: what and where (as any matter), under which hat; settled on the spot or passed on. */
export class PatrolReportDto extends PickType(SubmitRequestDto, ['clientRequestId', 'category', 'addressNote'] as const) {
  @ApiProperty({ maxLength: 2000 })
  @MatterText()
  description: string;

  @ApiProperty({ enum: DUTY_TYPES })
  @IsIn(DUTY_TYPES)
  dutyType: DutyType;

  @ApiProperty({ description: 'The small grid where it was found (within the reporter’s span)' })
  @Min(1)
  @IsInt()
  unitId: number;

  @ApiProperty({ description: 'Settled on the spot: resolved now with `result`, still looked back at' })
  @IsBoolean()
  settledOnSpot: boolean;

  @ApiProperty({ required: false, maxLength: 2000, description: 'What was done, when settled on the spot' })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  result?: string;

  @PhotoIdsField('Up to 9 photos of what was found, from uploadPhoto (the reporter’s own, not used yet)')
  photoIds?: number[];
}
