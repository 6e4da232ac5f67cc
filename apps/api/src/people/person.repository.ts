import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { spanCondition } from '../access/span-where';
import { Person } from '../grid/person.entity';
import { PhoneViewLog } from './phone-view-log.entity';

@Injectable()
export class PersonRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The person, if they belong to `span`: they hold a current role in a unit there, or live there.
   * Otherwise null, as if they did not exist.
   */
  findInSpan(id: number, span: readonly string[]): Promise<Person | null> {
    const roleUnit = spanCondition('ru.path', span, 'roleSpan');
    const home = spanCondition('home.path', span, 'homeSpan');
    return this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .leftJoin('p.homeUnit', 'home')
      .where('p.id = :id', { id })
      .andWhere(
        `(EXISTS (SELECT 1 FROM role_assignment r INNER JOIN org_unit ru ON ru.id = r.unitId
                   WHERE r.personId = p.id AND r.endedAt IS NULL AND ${roleUnit.sql})
          OR (home.id IS NOT NULL AND ${home.sql}))`,
        { ...roleUnit.params, ...home.params },
      )
      .getOne();
  }

  /** One row per view of a full number (with the request it was seen for, if any); nothing ever updates or deletes these. */
  async logPhoneView(viewerPersonId: number, subjectPersonId: number, requestId: number | null = null): Promise<void> {
    await this.dataSource.getRepository(PhoneViewLog).insert({ viewerPersonId, subjectPersonId, requestId });
  }

  countPhoneViews(subjectPersonId: number): Promise<number> {
    return this.dataSource.getRepository(PhoneViewLog).countBy({ subjectPersonId });
  }
}
