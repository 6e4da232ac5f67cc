import { isInSpan } from './spans';

/** Where a person sits in the tree: the units of their current roles, and their home. */
export interface PersonPlaces {
  /** Paths of the units in which they hold a role now (ended roles left out). */
  rolePaths: readonly string[];
  /** Path of the village or small grid they live in; null when they never chose one. */
  homePath: string | null;
}

/**
 * Whether someone working within `span` may change this person (their name, their roles): every
 * role they hold now is in a unit inside it; with no role at all, their home is inside it, or they
 * have none. A person with any role or a home outside belongs (also) to someone else's roster, so
 * moving them is for whoever spans both (the county admin).
 */
export function personWithinSpan(person: PersonPlaces, span: readonly string[]): boolean {
  if (person.rolePaths.length > 0) return person.rolePaths.every((path) => isInSpan(path, span));
  return person.homePath === null || isInSpan(person.homePath, span);
}
