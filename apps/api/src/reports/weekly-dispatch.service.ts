import { Injectable } from '@nestjs/common';
import { isOverdueAt, pathIdAt, REQUEST_STATE_LABELS, runningClock, WORKING_STATES } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { OrgUnit } from '../grid/org-unit.entity';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { RequestEntity } from '../requests/request.entity';
import { DispatchUnitDto, WeeklyDispatchDto } from './dtos/weekly-dispatch.dto';

const DAY_MS = 24 * 3600_000;

/** 办理进度一周一调度: the town's open matters now, grouped by the unit handling each, for the weekly meeting. */
@Injectable()
export class WeeklyDispatchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrgUnitRepository,
  ) {}

  async dispatch(actor: Actor, townId: number, now: Date): Promise<WeeklyDispatchDto> {
    const town = await this.units.findInSpan(townId, actor.spanFor('reports.view'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
    const open = await this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.handlerUnit', 'h')
      .where('h.path LIKE :path', { path: `${town.path}%` })
      .andWhere('r.state IN (:...states)', { states: WORKING_STATES })
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    const villages = new Map((await this.dataSource.getRepository(OrgUnit).findBy({ parentId: town.id, kind: 'village' })).map((v) => [v.id, v.name]));
    const byUnit = new Map<number, DispatchUnitDto>();
    for (const request of open) {
      const unit = request.handlerUnit!;
      const group = byUnit.get(unit.id) ?? {
        unitId: unit.id,
        unitName: unit.name,
        unitKind: unit.kind,
        villageName: villages.get(pathIdAt(unit.path, 2) ?? 0) ?? null,
        open: 0,
        overdue: 0,
        requests: [],
      };
      const dueAt = runningClock(request)?.dueAt ?? request.contactDueAt;
      const overdue = isOverdueAt(request, now);
      group.open++;
      if (overdue) group.overdue++;
      group.requests.push({
        requestId: request.id,
        category: request.category,
        stateLabel: REQUEST_STATE_LABELS[request.state],
        receivedAt: request.createdAt,
        ageDays: Math.floor((now.getTime() - request.createdAt.getTime()) / DAY_MS),
        dueAt,
        overdue,
        escalationRung: request.escalationRung,
      });
      byUnit.set(unit.id, group);
    }
    const units = [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unitId - b.unitId);
    return { townName: town.name, asOf: now, open: open.length, overdue: units.reduce((sum, u) => sum + u.overdue, 0), units };
  }
}
