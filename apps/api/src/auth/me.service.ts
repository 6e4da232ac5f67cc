import { Injectable } from '@nestjs/common';
import { isHomeUnitKind, maskPhone, ROLE_LABELS } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { OrgUnit } from '../grid/org-unit.entity';
import { Person } from '../grid/person.entity';
import { Actor } from './actor';
import { MeDto } from './dtos/auth.dto';

@Injectable()
export class MeService {
  constructor(private readonly dataSource: DataSource) {}

  async describe(actor: Actor): Promise<MeDto> {
    const person = await this.dataSource.getRepository(Person).findOneOrFail({ where: { id: actor.personId }, relations: { homeUnit: true } });
    return {
      id: person.id,
      name: person.name,
      phoneMasked: maskPhone(person.phone),
      roles: actor.held.map((h) => ({
        role: h.role,
        roleLabel: ROLE_LABELS[h.role],
        unit: { id: h.unitId, name: h.unitName, kind: h.unitKind },
      })),
      homeUnit: person.homeUnit ? { id: person.homeUnit.id, name: person.homeUnit.name, kind: person.homeUnit.kind } : null,
    };
  }

  /** A villager says where they live: any village or small grid of the county tree. */
  async setHomeUnit(actor: Actor, unitId: number): Promise<MeDto> {
    const unit = await this.dataSource.getRepository(OrgUnit).findOneBy({ id: unitId });
    if (!unit) throw new AppError(ErrorCode.NotFound, 'unitId');
    if (!isHomeUnitKind(unit.kind)) throw new AppError(ErrorCode.UnitNotSelectable, 'unitId');
    await this.dataSource.getRepository(Person).update({ id: actor.personId }, { homeUnitId: unit.id });
    return this.describe(actor);
  }
}
