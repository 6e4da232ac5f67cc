import { ApiProperty } from '@nestjs/swagger';

/**
 * What waits for the caller, as counts for the home page. A count is null when none of the
 * caller's roles does that work (no tile is shown); each equals the length of the list it opens:
 * 待办, 已超时, 即将超时, 今日到期 and 今日新收 are the sizes of 诉求检索 under the domain's workSearch
 * filters (the console's cards open those searches), the others the lengths of their queues.
 */
export class WorkSummaryDto {
  @ApiProperty({ example: '2026-11-26', description: 'The China calendar day the counts were taken on: the day of 今日到期 and 今日新收 (workSearch)' })
  day: string;

  @ApiProperty({ nullable: true, type: Number, description: '待办: matters being worked on by the units I handle for (searchRequests with handling=true)' })
  handling: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Of those, 即将超时: reminded and not yet late (urgencyAt; handling=true&dueSoon=true)' })
  dueSoon: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Of those, 已超时 (isOverdueAt; handling=true&overdue=true)' })
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
    description: '今日到期: open matters I may see whose running deadline falls on `day` (passed or not; runningDueOn=day)',
  })
  dueToday: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '今日新收: matters I may see that arrived on `day` (receivedFrom=day&receivedTo=day)' })
  receivedToday: number | null;
}
