import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_SOURCES, type RequestSource } from '@gridloop/domain';

export class IntakeSeriesDto {
  @ApiProperty({ enum: REQUEST_SOURCES })
  source: RequestSource;

  @ApiProperty({ type: [Number], description: 'Matters received each day, one number per entry of days' })
  counts: number[];
}

/** The last 30 days' intake by source (the desk console's 工作台 chart). */
export class IntakeByDayDto {
  @ApiProperty({ type: [String], description: 'The 30 China calendar days (YYYY-MM-DD), oldest first, today last' })
  days: string[];

  @ApiProperty({ type: [IntakeSeriesDto], description: 'One series per source, in the sources table’s order, zeros included' })
  series: IntakeSeriesDto[];
}
