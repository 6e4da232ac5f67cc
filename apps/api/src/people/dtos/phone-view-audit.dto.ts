import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';

export const PHONE_VIEWS_PAGE_MAX = 100;

/** Which views of full numbers to read: by viewer, by the person whose number it was, by China days (inclusive). */
export class PhoneViewFilterQuery {
  @ApiProperty({ required: false, description: 'Only views by this person (someone within the caller’s span)' })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @IsInt()
  viewerPersonId?: number;

  @ApiProperty({ required: false, description: 'Only views of this person’s number (someone within the caller’s span)' })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @IsInt()
  subjectPersonId?: number;

  @ApiProperty({ required: false, example: '2026-12-01', description: 'From this day, China time' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsString()
  from?: string;

  @ApiProperty({ required: false, example: '2026-12-07', description: 'To this day, China time (inclusive)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsString()
  to?: string;
}

export class PhoneViewPageQuery extends PhoneViewFilterQuery {
  @ApiProperty({ required: false, minimum: 1, default: 1 })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @Max(1_000_000)
  @IsInt()
  page?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: PHONE_VIEWS_PAGE_MAX, default: 50 })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @Max(PHONE_VIEWS_PAGE_MAX)
  @IsInt()
  pageSize?: number;
}

/** One view of a full number: who saw whose, when, and for which matter when it was seen from one. */
export class PhoneViewDto {
  @ApiProperty()
  id: number;

  @ApiProperty()
  viewedAt: Date;

  @ApiProperty()
  viewerPersonId: number;

  @ApiProperty({ example: '王建国' })
  viewerName: string;

  @ApiProperty()
  subjectPersonId: number;

  @ApiProperty({ example: '李秀英', description: 'In full: the auditor must know whose number it was (docs/privacy.md)' })
  subjectName: string;

  @ApiProperty({ example: '138****1234', nullable: true, type: String, description: 'Masked: the audit never shows the number again' })
  subjectPhoneMasked: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'The request it was seen for, when it was seen from one' })
  requestId: number | null;
}

export class PhoneViewPageDto {
  @ApiProperty({ description: 'Views matching the filters, all pages' })
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;

  @ApiProperty({ type: [PhoneViewDto], description: 'Newest first' })
  items: PhoneViewDto[];
}
