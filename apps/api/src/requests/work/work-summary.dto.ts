import { ApiProperty } from '@nestjs/swagger';

/**
 * What waits for the caller, as counts for the home page. A count is null when none of the
 * caller's roles does that work (no tile is shown); each of the first six equals the length of the
 * list it opens. 今日到期 and 今日新收 (the desk console's 工作台) count within what the caller may see.
 */
export class WorkSummaryDto {
  @ApiProperty({ nullable: true, type: Number, description: '待办: matters being worked on by the units I handle for' })
  handling: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Of those, 即将超时: reminded and not yet late (urgencyAt)' })
  dueSoon: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Of those, 已超时 (isOverdueAt)' })
  overdue: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '待派单: the dispatch queue (at most the queue’s 200)' })
  dispatch: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '待回看: the look-back queue (at most the queue’s 200)' })
  lookBack: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '超时督办: overdue matters in my area (at most the board’s 200)' })
  supervision: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: '今日到期: open matters in my span whose running deadline falls on today’s China calendar day (passed or not)',
  })
  dueToday: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '今日新收: matters in my span that arrived on today’s China calendar day' })
  receivedToday: number | null;
}
