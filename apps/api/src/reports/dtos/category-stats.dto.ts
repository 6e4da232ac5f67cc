import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_CATEGORIES, type RequestCategory } from '@gridloop/domain';
import { IsInt, IsString, Matches, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';

export class CategoryStatsQuery {
  @ApiProperty()
  @IntFromText()
  @Min(1)
  @IsInt()
  townId: number;

  @ApiProperty({ example: '2026-01', description: 'First month, China time' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  @IsString()
  from: string;

  @ApiProperty({ example: '2026-05', description: 'Last month, inclusive' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  @IsString()
  to: string;
}

export class CategoryStatDto {
  @ApiProperty({ enum: REQUEST_CATEGORIES })
  category: RequestCategory;

  @ApiProperty({ example: '矛盾纠纷' })
  label: string;

  @ApiProperty({ description: 'Matters received in the months' })
  received: number;

  @ApiProperty({ description: 'The same months a year before' })
  receivedLastYear: number;

  @ApiProperty({ nullable: true, type: Number, description: '同比 (−0.67 = down 67%); null when last year had none' })
  receivedYearOnYear: number | null;

  @ApiProperty({ description: 'Results given in the months (e.g. disputes settled)' })
  resolved: number;

  @ApiProperty()
  resolvedLastYear: number;

  @ApiProperty({ nullable: true, type: Number })
  resolvedYearOnYear: number | null;
}

/** Period statistics by category with 同比, as the town reports them ("disputes settled Jan–May: 327"). */
export class CategoryStatsDto {
  @ApiProperty({ example: '2026-01' })
  from: string;

  @ApiProperty({ example: '2026-05' })
  to: string;

  @ApiProperty({ type: [CategoryStatDto] })
  categories: CategoryStatDto[];
}
