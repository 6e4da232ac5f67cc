import { ApiProperty } from '@nestjs/swagger';

/** A town leader's home: the town's month so far, as the board counts it (the ranking's counts, rolled up to the town). */
export class TownMonthDto {
  @ApiProperty({ example: '台头镇' })
  townName: string;

  @ApiProperty({ example: '2026-12', description: 'This month, China time' })
  month: string;

  @ApiProperty({ description: '受理: matters received this month (as the board counts them)' })
  received: number;

  @ApiProperty({ description: '办结: of those, with a result by now' })
  resolved: number;

  @ApiProperty({ description: '超期: open now past their deadline (超期未办结)' })
  openOverdue: number;

  @ApiProperty({ nullable: true, type: Number, description: '满意率 (0–1) of this month’s verdicts; null without any' })
  satisfactionRate: number | null;
}
