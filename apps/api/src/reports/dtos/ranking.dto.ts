import { ApiProperty } from '@nestjs/swagger';
import { UNRANKED_REASONS } from '@gridloop/domain';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';
import { RANKING_FIGURES } from '../report.repository';

export const RANKING_LEVELS = ['small_grid', 'large_grid', 'village', 'department'] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

class RankingQueryBase {
  @ApiProperty({ description: 'The town whose board this is; the county’s id ranks the units of the whole county together' })
  @IntFromText()
  @Min(1)
  @IsInt()
  townId: number;

  @ApiProperty({ example: '2026-10', description: 'The month, China time' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  @IsString()
  month: string;
}

export class RankingQuery extends RankingQueryBase {
  @ApiProperty({ enum: RANKING_LEVELS })
  @IsIn(RANKING_LEVELS)
  level: string;
}

/** One unit's month on the public board (办理成绩一月一晾晒). Rates are 0–1, null without data. */
export class RankingRowDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: '1 = best composite; equal scores (as shown, one decimal of 100) share a rank; null when unranked (unrankedReason)',
  })
  rank: number | null;

  @ApiProperty({ description: 'Shares its rank with another unit (并列)' })
  tied: boolean;

  @ApiProperty({
    nullable: true,
    enum: UNRANKED_REASONS,
    description: 'Why unranked: too_few (fewer matters received than minReceived: 件数不足，不排名, figures still shown) or no_data; null when ranked',
  })
  unrankedReason: string | null;

  @ApiProperty()
  unitId: number;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ nullable: true, type: String, description: 'Small grids: the grid leader (网格巷长); the only personal data on the board' })
  leaderName: string | null;

  @ApiProperty() received: number;
  @ApiProperty() contactedOnTime: number;
  @ApiProperty({ description: 'Not contacted yet, first contact not yet due at the moment of reading: out of 响应率 while the month runs' })
  contactPending: number;
  @ApiProperty() resolved: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() closedOnTime: number;
  @ApiProperty() closedLate: number;
  @ApiProperty() openOverdue: number;
  @ApiProperty() satisfied: number;
  @ApiProperty() basicallySatisfied: number;
  @ApiProperty() dissatisfied: number;
  @ApiProperty() rehandled: number;
  @ApiProperty({ description: '未诉先办: patrol findings' }) patrolFound: number;
  @ApiProperty({ description: 'Red hearts lit this month' }) hearts: number;
  @ApiProperty({ description: 'Refused as unreasonable and confirmed at look-back: out of the rates, listed by listExclusions' }) excluded: number;

  @ApiProperty({ nullable: true, type: Number }) responseRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) onTimeRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) resolutionRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) satisfactionRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) rehandleRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) composite: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '环比: the composite against the month before (0.1 = up 10%)' })
  compositeMonthOnMonth: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '同比: the composite against the same month a year before' })
  compositeYearOnYear: number | null;
}

export class RankingDto {
  @ApiProperty({ example: '2026-10' })
  month: string;

  @ApiProperty({ enum: RANKING_LEVELS })
  level: string;

  @ApiProperty({ description: 'Matters a unit must have received in the month to be ranked (RANKING_MIN_RECEIVED): the rule the board states' })
  minReceived: number;

  @ApiProperty({ type: [RankingRowDto], description: 'Ranked units by rank, then those with too few matters, then those without data' })
  rows: RankingRowDto[];
}

export class FigureRequestsQuery extends RankingQueryBase {
  @ApiProperty({ description: 'A unit of the town: a row of the board' })
  @IntFromText()
  @Min(1)
  @IsInt()
  unitId: number;

  @ApiProperty({ enum: RANKING_FIGURES })
  @IsIn(RANKING_FIGURES)
  figure: string;
}

/** A request behind a figure of the public board: nothing about the person. Never a confidential one (FigureRequestsDto.confidentialCount). */
export class FigureRequestDto {
  @ApiProperty()
  requestId: number;

  @ApiProperty({ example: 'environment' })
  category: string;

  @ApiProperty({ example: '已办结' })
  stateLabel: string;

  @ApiProperty({ description: 'When it was received' })
  receivedAt: Date;

  @ApiProperty({ description: 'When the step that counts was taken (the result, the verdict, …)' })
  countedAt: Date;

  @ApiProperty({ description: 'The signed-in caller may open this matter (the same test as reading it); always false for the public' })
  openable: boolean;
}

export class FigureRequestsDto {
  @ApiProperty({ enum: RANKING_FIGURES })
  figure: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ description: 'The figure on the board: the rows below plus confidentialCount' })
  count: number;

  @ApiProperty({ description: 'Confidential (保密) matters behind the figure: counted, never listed (「另有保密事项 n 件」)' })
  confidentialCount: number;

  @ApiProperty({ type: [FigureRequestDto], description: 'Every matter behind the figure but the confidential ones' })
  requests: FigureRequestDto[];
}

export class ExclusionsQuery extends RankingQueryBase {
  @ApiProperty({ description: 'A unit of the town: a row of the board' })
  @IntFromText()
  @Min(1)
  @IsInt()
  unitId: number;
}

export class UnitHistoryQuery extends RankingQueryBase {
  @ApiProperty({ description: 'The unit (small grid, large grid, village or department) whose months these are' })
  @IntFromText()
  @Min(1)
  @IsInt()
  unitId: number;

  @ApiProperty({ required: false, minimum: 1, maximum: 12, default: 6, description: 'How many months, ending with `month`' })
  @IsOptional()
  @IntFromText()
  @Max(12)
  @Min(1)
  @IsInt()
  months?: number;
}

/** One month of a unit, as on that month's board. */
export class UnitMonthDto {
  @ApiProperty({ example: '2026-10' })
  month: string;

  @ApiProperty({ nullable: true, type: Number, description: 'Rank among the town’s units of its level that month, by the board’s rule; null when unranked' })
  rank: number | null;

  @ApiProperty({ description: 'Shared its rank that month (并列)' })
  tied: boolean;

  @ApiProperty({ nullable: true, enum: UNRANKED_REASONS, description: 'Why unranked that month (too_few, no_data); null when ranked' })
  unrankedReason: string | null;

  @ApiProperty({ description: 'Units of its level with a rank that month' })
  rankedCount: number;

  @ApiProperty({ nullable: true, type: Number }) composite: number | null;
  @ApiProperty({ nullable: true, type: Number }) satisfactionRate: number | null;
  @ApiProperty({ description: 'Red hearts lit that month' }) hearts: number;
  @ApiProperty() received: number;
  @ApiProperty() resolved: number;
  @ApiProperty({ description: '未诉先办: patrol findings' }) patrolFound: number;
}

export class UnitHistoryDto {
  @ApiProperty()
  unitId: number;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ enum: RANKING_LEVELS })
  level: string;

  @ApiProperty({ description: 'Matters a unit must have received in a month to be ranked (RANKING_MIN_RECEIVED)' })
  minReceived: number;

  @ApiProperty({ type: [UnitMonthDto], description: 'Oldest first' })
  months: UnitMonthDto[];
}
