import { ApiProperty } from '@nestjs/swagger';
import { DUTY_TYPES, REQUEST_CATEGORIES } from '@gridloop/domain';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '../../common/not-blank';
import { PhotoIdsField } from '../../photos/dtos/photo.dto';

/** A grid leader's patrol report: what and where, under which hat; settled on the spot or passed on. */
export class PatrolReportDto {
  @ApiProperty({ description: 'Made by the client once per report; a retry sends the same one' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  @IsString()
  clientRequestId: string;

  @ApiProperty({ enum: DUTY_TYPES })
  @IsIn(DUTY_TYPES)
  dutyType: string;

  @ApiProperty({ enum: REQUEST_CATEGORIES })
  @IsIn(REQUEST_CATEGORIES)
  category: string;

  @ApiProperty({ maxLength: 2000 })
  @MaxLength(2000)
  @IsNotBlank()
  @IsString()
  description: string;

  @ApiProperty({ required: false, maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  addressNote?: string;

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
