import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_CATEGORIES, type RequestCategory } from '@gridloop/domain';
import { IsInt, Min, ValidateIf } from 'class-validator';

export class CategoryRouteDto {
  @ApiProperty({ enum: REQUEST_CATEGORIES })
  category: RequestCategory;

  @ApiProperty({ example: '劳动保障' })
  categoryLabel: string;

  @ApiProperty({ nullable: true, type: Number, description: 'The town department that takes it; null: the small grid’s leader does' })
  departmentUnitId: number | null;

  @ApiProperty({ nullable: true, type: String })
  departmentName: string | null;
}

export class SetCategoryRouteDto {
  @ApiProperty({ nullable: true, type: Number, description: 'A department of this town, or null to leave the category with the grids' })
  @ValidateIf((_, value) => value !== null)
  @Min(1)
  @IsInt()
  departmentUnitId: number | null;
}
