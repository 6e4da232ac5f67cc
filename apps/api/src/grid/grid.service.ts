import { Injectable } from '@nestjs/common';
import { UnitRefDto } from '../auth/dtos/auth.dto';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { ListTownsQuery, TownSummaryDto } from './dtos/town-summary.dto';
import { OrgUnitRepository } from './org-unit.repository';

@Injectable()
export class GridService {
  constructor(private readonly units: OrgUnitRepository) {}

  async listTowns(query: ListTownsQuery): Promise<TownSummaryDto[]> {
    const towns = await this.units.findByKind('town', query.limit ?? 50, query.offset ?? 0);
    return Promise.all(
      towns.map(async (town) => {
        const counts = new Map((await this.units.countKindsUnder(town)).map((c) => [c.kind, c.count]));
        return {
          id: town.id,
          code: town.code,
          name: town.name,
          villages: counts.get('village') ?? 0,
          largeGrids: counts.get('large_grid') ?? 0,
          smallGrids: counts.get('small_grid') ?? 0,
        };
      }),
    );
  }

  async listChildren(unitId: number): Promise<UnitRefDto[]> {
    if (!(await this.units.findById(unitId))) throw new AppError(ErrorCode.NotFound, 'unitId');
    const children = await this.units.findChildren(unitId);
    return children.map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind }));
  }
}
