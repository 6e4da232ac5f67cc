import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';

export class WeeklyDispatchQuery {
  @ApiProperty()
  @IntFromText()
  @Min(1)
  @IsInt()
  townId: number;
}

export class DispatchItemDto {
  @ApiProperty()
  requestId: number;

  @ApiProperty()
  category: string;

  @ApiProperty({ example: '办理中' })
  stateLabel: string;

  @ApiProperty()
  receivedAt: Date;

  @ApiProperty({ description: 'Whole days since it was received' })
  ageDays: number;

  @ApiProperty({ description: 'The running deadline: first contact while new, completion after' })
  dueAt: Date;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ description: 'How far up the escalation ladder it has climbed (0: not overdue)' })
  escalationRung: number;
}

export class DispatchUnitDto {
  @ApiProperty()
  unitId: number;

  @ApiProperty({ example: '北孙村第3小网格' })
  unitName: string;

  @ApiProperty({ example: 'small_grid' })
  unitKind: string;

  @ApiProperty({ nullable: true, type: String, description: 'The village it is in (none for town departments and the hotline office)' })
  villageName: string | null;

  @ApiProperty()
  open: number;

  @ApiProperty()
  overdue: number;

  @ApiProperty({ type: [DispatchItemDto], description: 'Oldest first' })
  requests: DispatchItemDto[];
}

/** 办理进度一周一调度: every open matter of the town by the unit handling it, the overdue first. */
export class WeeklyDispatchDto {
  @ApiProperty({ example: '台头镇' })
  townName: string;

  @ApiProperty()
  asOf: Date;

  @ApiProperty()
  open: number;

  @ApiProperty()
  overdue: number;

  @ApiProperty({ type: [DispatchUnitDto], description: 'Units with the most overdue first' })
  units: DispatchUnitDto[];
}
