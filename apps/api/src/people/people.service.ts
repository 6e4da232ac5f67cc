import { Injectable } from '@nestjs/common';
import { maskPhone } from '@gridloop/domain';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { FullPhoneDto, RosterGridDto, RosterPersonDto } from './dtos/people.dto';
import { PersonRepository } from './person.repository';
import { RosterPerson, RosterRepository } from './roster.repository';

@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PersonRepository,
    private readonly units: OrgUnitRepository,
    private readonly roster: RosterRepository,
  ) {}

  /** The full number, for someone whose span holds that person. Every view is logged. */
  async viewFullPhone(actor: Actor, personId: number): Promise<FullPhoneDto> {
    const person = await this.people.findInSpan(personId, actor.spanFor('phone.viewFull'));
    if (!person) throw new AppError(ErrorCode.NotFound, 'personId');
    if (!person.phone) throw new AppError(ErrorCode.NotFound, 'phone');
    await this.people.logPhoneView(actor.personId, person.id);
    return { personId: person.id, phone: person.phone };
  }

  /** The small grids under a unit with their leaders: names shown, phones masked. */
  async rosterOf(actor: Actor, unitId: number): Promise<RosterGridDto[]> {
    const unit = await this.units.findInSpan(unitId, actor.spanFor('roster.view'));
    if (!unit) throw new AppError(ErrorCode.NotFound, 'unitId');
    const rows = await this.roster.leadersUnder(unit);
    return rows.map((row) => ({
      smallGridId: row.gridId,
      smallGridName: row.gridName,
      leader: masked(row.leader),
      deputy: masked(row.deputy),
    }));
  }
}

function masked(person: RosterPerson | null): RosterPersonDto | null {
  return person && { personId: person.personId, name: person.name, phoneMasked: maskPhone(person.phone) };
}
