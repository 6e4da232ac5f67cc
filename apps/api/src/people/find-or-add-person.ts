import { EntityManager } from 'typeorm';
import { Person } from '../grid/person.entity';

/**
 * The person with this mainland mobile, or a new one with this name living in `homeUnitId` (a
 * villager entered by a grid leader or a hotline caller). A known person keeps their own name.
 * Call in the caller's transaction; a racing insert of the same phone fails its unique index.
 */
export async function findOrAddPerson(
  manager: EntityManager,
  name: string,
  phone: string,
  homeUnitId: number | null,
): Promise<Pick<Person, 'id' | 'name' | 'phone'>> {
  const people = manager.getRepository(Person);
  const known = await people.findOneBy({ phone });
  if (known) return known;
  const inserted = await people.insert({ name, phone, homeUnitId });
  return { id: Number(inserted.identifiers[0]?.id), name, phone };
}
