import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';
import { RequestListItemDto } from '../dtos/request.dto';

export class ReturnVisitSampleQueryDto {
  @ApiProperty({ required: false, example: '2026-11-30', description: 'The Monday of the week sampled (default: the week before this one, China time)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  week?: string;
}

export class ReturnVisitSampleDto {
  @ApiProperty({ example: '2026-11-30', description: 'The Monday of the week whose closed matters were sampled' })
  week: string;

  @ApiProperty()
  start: Date;

  @ApiProperty({ description: 'The end of the week (exclusive); visits from then on count for the sample' })
  end: Date;

  @ApiProperty({ description: 'Matters drawn within my area' })
  drawn: number;

  @ApiProperty({ description: 'Of those, visited since the week ended' })
  visited: number;

  @ApiProperty({ type: [RequestListItemDto], description: 'Drawn and not yet visited, by number' })
  items: RequestListItemDto[];
}

export class RatingAgreementQueryDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 52, default: 8, description: 'How many sampled weeks, up to the one sampled now' })
  @IsOptional()
  @IntFromText()
  @Max(52)
  @Min(1)
  @IsInt()
  weeks?: number;
}

export class UnitAgreementDto {
  @ApiProperty()
  unitId: number;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ description: 'Sampled matters whose requester said something on the visit' })
  heard: number;

  @ApiProperty({ description: 'Of those, with an in-app verdict too: the pairs compared' })
  paired: number;

  @ApiProperty({ description: 'Pairs where the visit heard the very verdict given in the app' })
  agreed: number;

  @ApiProperty({ nullable: true, type: Number })
  agreementRate: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Satisfaction rate of the pairs’ in-app verdicts (基本满意 counts 0.9)' })
  appSatisfaction: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'The same rate of what the visits heard' })
  heardSatisfaction: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'appSatisfaction − heardSatisfaction' })
  gap: number | null;

  @ApiProperty({ description: 'The gap is beyond the town’s margin (RETURN_VISIT_RULES), with enough pairs' })
  flagged: boolean;
}

export class RatingAgreementDto {
  @ApiProperty()
  from: Date;

  @ApiProperty()
  to: Date;

  @ApiProperty({ type: [UnitAgreementDto] })
  units: UnitAgreementDto[];
}
