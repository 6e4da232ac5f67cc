import { Injectable } from '@nestjs/common';
import { pathIdAt, REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, type RequestCategory } from '@gridloop/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../auth/actor';
import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';
import { OrgUnit } from '../../grid/org-unit.entity';
import { OrgUnitRepository } from '../../grid/org-unit.repository';
import { CategoryRoute } from './category-route.entity';
import { CategoryRouteDto } from './category-routes.dto';

/**
 * Where a new matter goes first (分派): to the leaders of the grid it belongs to, unless the town
 * sends its category straight to a department (e.g. unpaid wages to 劳动保障所).
 */
@Injectable()
export class CategoryRoutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrgUnitRepository,
  ) {}

  /** The unit that handles a new matter of `category` belonging to `unit`. */
  async handlerFor(unit: OrgUnit, category: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const townUnitId = pathIdAt(unit.path, 1);
    if (townUnitId === null) return unit.id;
    // Plain SQL: read for every new matter.
    const routes: { departmentUnitId: number | string }[] = await manager.query(
      'SELECT departmentUnitId FROM category_route WHERE townUnitId = ? AND category = ?',
      [townUnitId, category],
    );
    return routes[0] ? Number(routes[0].departmentUnitId) : unit.id;
  }

  async list(actor: Actor, townId: number): Promise<CategoryRouteDto[]> {
    const town = await this.townInSpan(actor, townId);
    const routes = await this.dataSource.getRepository(CategoryRoute).findBy({ townUnitId: town.id });
    const departments = new Map((await this.units.findChildren(town.id)).map((u) => [u.id, u.name]));
    return REQUEST_CATEGORIES.map((category) => {
      const departmentUnitId = routes.find((r) => r.category === category)?.departmentUnitId ?? null;
      return {
        category,
        categoryLabel: REQUEST_CATEGORY_LABELS[category],
        departmentUnitId,
        departmentName: departmentUnitId ? (departments.get(departmentUnitId) ?? null) : null,
      };
    });
  }

  async set(actor: Actor, townId: number, category: RequestCategory, departmentUnitId: number | null, now: Date): Promise<CategoryRouteDto[]> {
    const town = await this.townInSpan(actor, townId);
    const routes = this.dataSource.getRepository(CategoryRoute);
    if (departmentUnitId === null) {
      await routes.delete({ townUnitId: town.id, category });
    } else {
      const department = await this.units.findById(departmentUnitId);
      if (!department || department.kind !== 'department' || department.parentId !== town.id) {
        throw new AppError(ErrorCode.ValidationFailed, 'departmentUnitId', '请选择本镇的一个镇直部门');
      }
      await routes.upsert({ townUnitId: town.id, category, departmentUnitId, updatedByPersonId: actor.personId, updatedAt: now }, ['townUnitId', 'category']);
    }
    return this.list(actor, town.id);
  }

  private async townInSpan(actor: Actor, townId: number): Promise<OrgUnit> {
    const town = await this.units.findInSpan(townId, actor.spanFor('routing.manage'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
    return town;
  }
}
