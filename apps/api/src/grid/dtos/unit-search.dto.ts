import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SearchUnitsQuery {
  @ApiProperty({ description: 'Part of a unit name (e.g. 北孙, 第三网格, 农业)', example: '北孙' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  q: string;
}

/** A unit found by name: public names only, and where it lies so two 第一网格 can be told apart. */
export class UnitMatchDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ example: '第一网格' })
  name: string;

  @ApiProperty({ example: 'small_grid' })
  kind: string;

  @ApiProperty({
    description: 'The units between the one searched under and this one, by name (e.g. 北孙村 · 第一大网格); empty when directly under it',
    example: '北孙村 · 第一大网格',
  })
  within: string;
}
