import { Injectable } from '@nestjs/common';
import { pathIdAt } from '@gridloop/domain';
import { UnitRefDto } from '../auth/dtos/auth.dto';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { ListTownsQuery, TownSummaryDto } from './dtos/town-summary.dto';
import { OrgUnitRepository } from './org-unit.repository';
import { UnitMatchDto } from './dtos/unit-search.dto';

/** Matches a name search answers at most: enough to pick from on a phone; a longer list asks for more of the name. */
const SEARCH_LIMIT = 30;

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

  /** Units under `unitId` whose name contains `text`, each with the units between (names), for choosing one by name (转办). */
  async searchUnder(unitId: number, text: string): Promise<UnitMatchDto[]> {
    const root = await this.units.findById(unitId);
    if (!root) throw new AppError(ErrorCode.NotFound, 'unitId');
    const found = await this.units.findByNameUnder(root, text.trim(), SEARCH_LIMIT);
    const between = (path: string) => path.slice(root.path.length).split('/').filter(Boolean).map(Number).slice(0, -1);
    const names = new Map((await this.units.findByIds([...new Set(found.flatMap((u) => between(u.path)))])).map((u) => [u.id, u.name]));
    return found.map((unit) => ({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      within: between(unit.path)
        .map((id) => names.get(id) ?? '')
        .join(' · '),
    }));
  }

  /** The town a unit lies in (itself, for a town). */
  async townOf(unitId: number): Promise<UnitRefDto> {
    const unit = await this.units.findById(unitId);
    const townId = unit ? pathIdAt(unit.path, 1) : null;
    const town = townId === null ? null : townId === unit?.id ? unit : await this.units.findById(townId);
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'unitId');
    return { id: town.id, name: town.name, kind: town.kind };
  }

  async listChildren(unitId: number): Promise<UnitRefDto[]> {
    if (!(await this.units.findById(unitId))) throw new AppError(ErrorCode.NotFound, 'unitId');
    const children = await this.units.findChildren(unitId);
    return children.map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind }));
  }
}
