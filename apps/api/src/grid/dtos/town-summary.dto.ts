import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListTownsQuery {
  @ApiProperty({ required: false, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(200)
  @IsInt() // checked first: class-validator runs the decorator nearest the property first
  limit?: number;

  @ApiProperty({ required: false, minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @Min(0)
  @IsInt()
  offset?: number;
}

/** Public facts about a town's grid: names and counts only, nothing personal. */
export class TownSummaryDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ example: 'SG-TT' })
  code: string;

  @ApiProperty({ example: '台头镇' })
  name: string;

  @ApiProperty({ example: 41 })
  villages: number;

  @ApiProperty({ example: 46 })
  largeGrids: number;

  @ApiProperty({ example: 662 })
  smallGrids: number;
}
