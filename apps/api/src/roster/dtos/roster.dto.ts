import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';
import { ROSTER_COLUMNS } from '../roster-format';
import { ROSTER_IMPORT_STATES, type RosterImportState } from '../roster-import.entity';

/** The text fields of the multipart upload (the file itself is the `file` part). */
export class StartRosterImportDto {
  @ApiProperty({ description: 'The town (镇) the roster is for' })
  @IntFromText()
  @Min(1)
  @IsInt()
  townId: number;
}

export class ExportRosterQuery {
  @ApiProperty({ description: 'The town (镇) whose roster to export' })
  @Type(() => Number)
  @Min(1)
  @IsInt()
  townId: number;
}

export class RosterRowErrorDto {
  @ApiProperty({ description: 'Row number as Excel shows it (the header is row 1)', example: 12 })
  row: number;

  @ApiProperty({ enum: ROSTER_COLUMNS, example: '巷长手机号' })
  column: string;

  @ApiProperty({ example: '第12行“巷长手机号”不是有效的手机号：“1381234”（应为11位，以13-19开头）' })
  message: string;
}

export class RosterImportSummaryDto {
  @ApiProperty() villagesCreated: number;
  @ApiProperty() largeGridsCreated: number;
  @ApiProperty({ description: 'Small grids created' }) gridsCreated: number;
  @ApiProperty({ description: 'Grids that had no current leader and got one (new grids included)' }) leadersAssigned: number;
  @ApiProperty({ description: 'Grids whose leader moved to another person (the old assignment ended)' }) leadersReplaced: number;
  @ApiProperty({ description: 'Grids that had no deputy and got one' }) deputiesAssigned: number;
  @ApiProperty({ description: 'Grids whose deputy moved to another person' }) deputiesReplaced: number;
  @ApiProperty({ description: 'Grids whose deputy ended because the row names none' }) deputiesEnded: number;
  @ApiProperty({ description: 'Rows whose grid existed and whose leader and deputy stayed the same' }) unchanged: number;
  @ApiProperty() peopleCreated: number;
  @ApiProperty({ description: 'People (matched by phone) whose name the roster gave differently' }) namesUpdated: number;
  @ApiProperty({ description: 'Small grids of the town not in the file: left as they were' }) gridsNotInFile: number;
}

export class RosterImportDto {
  @ApiProperty()
  id: number;

  @ApiProperty()
  townId: number;

  @ApiProperty({ example: '台头镇网格花名册.xlsx' })
  fileName: string;

  @ApiProperty({
    enum: ROSTER_IMPORT_STATES,
    description: 'validating → rejected (nothing written) | applying → done | failed (nothing written)',
  })
  state: RosterImportState;

  @ApiProperty({ description: 'Data rows in the file' })
  total: number;

  @ApiProperty({ description: 'Rows checked (while validating) or applied (while applying)' })
  processed: number;

  @ApiProperty({ description: 'How many row errors there were (errors lists at most 200)' })
  errorCount: number;

  @ApiProperty({ type: [RosterRowErrorDto] })
  errors: RosterRowErrorDto[];

  @ApiProperty({ type: RosterImportSummaryDto, nullable: true, description: 'Set when done' })
  summary: RosterImportSummaryDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was rejected or failed, in Chinese' })
  message: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  finishedAt: Date | null;
}
