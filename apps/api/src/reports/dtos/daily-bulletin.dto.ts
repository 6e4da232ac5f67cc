import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';

export class DailyBulletinQuery {
  @ApiProperty()
  @IntFromText()
  @Min(1)
  @IsInt()
  townId: number;

  @ApiProperty({ example: '2026-10-20', description: 'The day, China time' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsString()
  day: string;
}

export class CountByKeyDto {
  @ApiProperty({ description: 'A source, a category, or a unit id as text' })
  key: string;

  @ApiProperty({ example: '北孙村' })
  label: string;

  @ApiProperty()
  count: number;
}

export class OverdueItemDto {
  @ApiProperty()
  requestId: number;

  @ApiProperty({ description: 'The unit holding it at the end of the day' })
  unitName: string;

  @ApiProperty({ enum: ['contact', 'completion'] })
  clock: string;

  @ApiProperty()
  dueAt: Date;
}

/** 受理情况一天一通报: what the town received and did in one day, and what was open and overdue at its end. */
export class DailyBulletinDto {
  @ApiProperty({ example: '2026-10-20' })
  day: string;

  @ApiProperty({ example: '台头镇' })
  townName: string;

  @ApiProperty()
  received: number;

  @ApiProperty({ type: [CountByKeyDto], description: 'villager, patrol, hotline_12345, staff, proxy' })
  bySource: CountByKeyDto[];

  @ApiProperty({ type: [CountByKeyDto] })
  byVillage: CountByKeyDto[];

  @ApiProperty({ type: [CountByKeyDto] })
  byCategory: CountByKeyDto[];

  @ApiProperty({ description: 'First contacts made that day by their deadline' })
  contactsOnTime: number;

  @ApiProperty()
  contactsLate: number;

  @ApiProperty({ description: 'Results given that day' })
  resolved: number;

  @ApiProperty({ description: 'Open at the end of the day' })
  open: number;

  @ApiProperty({ type: [OverdueItemDto], description: 'Open at the end of the day and past their deadline, with the unit responsible' })
  overdue: OverdueItemDto[];
}

export const BULLETIN_FIGURES = ['received', 'bySource', 'byVillage', 'byCategory', 'contactsOnTime', 'contactsLate', 'resolved', 'open', 'overdue'] as const;
export type BulletinFigure = (typeof BULLETIN_FIGURES)[number];

export class BulletinFigureQuery extends DailyBulletinQuery {
  @ApiProperty({ enum: BULLETIN_FIGURES })
  @IsIn(BULLETIN_FIGURES)
  figure: string;

  @ApiProperty({ required: false, description: 'For bySource / byVillage / byCategory: the line’s key as the bulletin gives it' })
  @IsOptional()
  @MaxLength(32)
  @IsString()
  key?: string;
}

/** One request behind a figure: enough to find and check it, nothing personal. */
export class ReportRequestItemDto {
  @ApiProperty()
  requestId: number;

  @ApiProperty({ example: '环境卫生', description: '保密事项 for a confidential matter' })
  categoryLabel: string;

  @ApiProperty({ example: '办理中' })
  stateLabel: string;

  @ApiProperty({ description: 'The unit handling it now' })
  unitName: string;

  @ApiProperty()
  receivedAt: Date;
}

export class ReportRequestsDto {
  @ApiProperty()
  count: number;

  @ApiProperty({ type: [ReportRequestItemDto] })
  requests: ReportRequestItemDto[];
}
