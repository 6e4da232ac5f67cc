import type { Capability, HeldRole, Role } from '@gridloop/domain';
import { capabilitySpan } from '@gridloop/domain';

export interface HeldRoleInUnit extends HeldRole {
  unitId: number;
  unitKind: string;
  unitName: string;
}

/**
 * Who is calling, loaded fresh from the database on every request (so a person taken off the
 * roster loses the role on their next request), and passed explicitly to services.
 */
export class Actor {
  constructor(
    readonly personId: number,
    readonly name: string,
    readonly held: readonly HeldRoleInUnit[],
    /** Where they live (their matters land there unless they choose), as of this request. */
    readonly homeUnitId: number | null = null,
    /** Their own number (a matter of theirs without a contact number is called back on it). */
    readonly phone: string | null = null,
  ) {}

  /** Path prefixes in which this person has `capability`; empty when they do not have it. */
  spanFor(capability: Capability): string[] {
    return capabilitySpan(this.held, capability);
  }

  has(role: Role): boolean {
    return this.held.some((h) => h.role === role);
  }
}
