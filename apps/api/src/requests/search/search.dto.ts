import { ApiProperty } from '@nestjs/swagger';
import {
  REQUEST_CATEGORIES,
  REQUEST_SOURCES,
  REQUEST_STATES,
  UNIT_KINDS,
  type RequestCategory,
  type RequestSource,
  type RequestState,
  type UnitKind,
} from '@gridloop/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';
import { RequestListItemDto } from '../dtos/request.dto';
import { SEARCH_ORDERS, SEARCH_SORTS, type SearchOrder, type SearchSort } from './search-cursor';

export const SEARCH_PAGE_MAX = 100;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A list in a query string: repeated (`state=a&state=b`) or comma-separated; anything else left for IsArray to refuse. */
function ListFromText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value === 'string') return value.split(',').filter((v) => v !== '');
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.flatMap((v: string) => v.split(',')).filter((v) => v !== '');
    return value;
  });
}

/** `true` / `false` in a query string; anything else left for IsBoolean to refuse. */
function BoolFromText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}

/** The filter of 诉求检索 and of its export: every field narrows; none given is every matter in the caller's span. */
export class SearchFilterQuery {
  @ApiProperty({ required: false, enum: REQUEST_STATES, isArray: true, description: 'Any of these states' })
  @IsOptional()
  @ListFromText()
  @IsIn(REQUEST_STATES, { each: true })
  @ArrayMaxSize(REQUEST_STATES.length)
  @IsArray()
  state?: RequestState[];

  @ApiProperty({ required: false, enum: REQUEST_SOURCES, isArray: true, description: 'Any of these sources' })
  @IsOptional()
  @ListFromText()
  @IsIn(REQUEST_SOURCES, { each: true })
  @ArrayMaxSize(REQUEST_SOURCES.length)
  @IsArray()
  source?: RequestSource[];

  @ApiProperty({ required: false, enum: REQUEST_CATEGORIES, isArray: true, description: 'Any of these categories' })
  @IsOptional()
  @ListFromText()
  @IsIn(REQUEST_CATEGORIES, { each: true })
  @ArrayMaxSize(REQUEST_CATEGORIES.length)
  @IsArray()
  category?: RequestCategory[];

  @ApiProperty({ required: false, description: 'A town, village, large grid or small grid (listSearchPlaces): the matters of it and of everything under it' })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @IsInt()
  unitId?: number;

  @ApiProperty({ required: false, description: 'Received on or after this day, YYYY-MM-DD (China time)', example: '2026-11-01' })
  @IsOptional()
  @Matches(DAY)
  @IsString()
  receivedFrom?: string;

  @ApiProperty({ required: false, description: 'Received on or before this day (inclusive)', example: '2026-11-30' })
  @IsOptional()
  @Matches(DAY)
  @IsString()
  receivedTo?: string;

  @ApiProperty({ required: false, description: 'Due (completionDueAt, else contactDueAt) on or after this day, YYYY-MM-DD (China time)' })
  @IsOptional()
  @Matches(DAY)
  @IsString()
  dueFrom?: string;

  @ApiProperty({ required: false, description: 'Due on or before this day (inclusive)' })
  @IsOptional()
  @Matches(DAY)
  @IsString()
  dueTo?: string;

  @ApiProperty({ required: false, description: 'true: only matters overdue now (isOverdueAt); false: only those that are not' })
  @IsOptional()
  @BoolFromText()
  @IsBoolean()
  overdue?: boolean;

  @ApiProperty({
    required: false,
    type: Boolean,
    enum: [true],
    description: 'true: only matters being worked on by the units I handle for (待办, as 工作台 counts them)',
  })
  @IsOptional()
  @BoolFromText()
  @IsIn([true])
  handling?: true;

  @ApiProperty({
    required: false,
    type: Boolean,
    enum: [true],
    description: 'true: only 即将超时 matters: reminded and not yet late (urgencyAt, with each town’s clock rules)',
  })
  @IsOptional()
  @BoolFromText()
  @IsIn([true])
  dueSoon?: true;

  @ApiProperty({
    required: false,
    description:
      'Open matters whose running clock (runningClock: contact, then completion, a 12345 order’s earlier city deadline governing) ends on this day, passed or not; YYYY-MM-DD (China time)',
    example: '2026-11-26',
  })
  @IsOptional()
  @Matches(DAY)
  @IsString()
  runningDueOn?: string;

  @ApiProperty({ required: false, description: 'true: only supervised (督办) matters; false: only the others' })
  @IsOptional()
  @BoolFromText()
  @IsBoolean()
  supervised?: boolean;

  @ApiProperty({ required: false, description: 'true: only confidential (保密) matters; false: only the others' })
  @IsOptional()
  @BoolFromText()
  @IsBoolean()
  confidential?: boolean;

  @ApiProperty({ required: false, maxLength: 100, description: 'Words in the text, split at spaces, each required (at most 5)' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  @ApiProperty({
    required: false,
    enum: SEARCH_SORTS,
    default: 'receivedAt',
    description: 'receivedAt: when it arrived; dueAt: completionDueAt, else contactDueAt',
  })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: SearchSort;

  @ApiProperty({ required: false, enum: SEARCH_ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(SEARCH_ORDERS)
  order?: SearchOrder;
}

export class SearchRequestsQuery extends SearchFilterQuery {
  @ApiProperty({ required: false, minimum: 1, maximum: SEARCH_PAGE_MAX, default: 50 })
  @IsOptional()
  @IntFromText()
  @Min(1)
  @Max(SEARCH_PAGE_MAX)
  @IsInt()
  limit?: number;

  @ApiProperty({ required: false, maxLength: 200, description: 'nextCursor of the previous page, under the same sort and order' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  cursor?: string;
}

export class SearchPageDto {
  @ApiProperty({ type: [RequestListItemDto], description: 'Personal fields as PERSONAL_FIELDS shows them; phones masked' })
  items: RequestListItemDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

/** A place to filter by, for the tree picker: a unit of the grid tree within the caller's span. */
export class SearchPlaceDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Its parent, when that is listed too' })
  parentId: number | null;

  @ApiProperty({ enum: UNIT_KINDS })
  kind: UnitKind;

  @ApiProperty()
  name: string;
}
