import { Injectable } from '@nestjs/common';
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
          code: town.code,
          name: town.name,
          villages: counts.get('village') ?? 0,
          largeGrids: counts.get('large_grid') ?? 0,
          smallGrids: counts.get('small_grid') ?? 0,
        };
      }),
    );
  }
}
