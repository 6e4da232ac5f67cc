import { OrgUnit } from '../grid/org-unit.entity';
import type { RosterSheetRow } from './roster-workbook';
import type { GridHolder, GridRole, TownSnapshot } from './town-roster.repository';

/** The letter and zero-padding of a new unit's code under its parent: SG-TT-V07, -L2, -S15. */
export const CODE_SHAPE = {
  village: { letter: 'V', pad: 2 },
  large_grid: { letter: 'L', pad: 1 },
  small_grid: { letter: 'S', pad: 2 },
} as const;
export type RosterUnitKind = keyof typeof CODE_SHAPE;

/**
 * One town's tree and the current holders of its small grids, indexed in memory so an import of
 * hundreds of rows reads the database twice instead of once per row. Units are matched by name
 * under their parent (the oldest wins if a name repeats).
 */
export class TownTree {
  private readonly byName = new Map<string, OrgUnit>();
  private readonly units = new Map<number, OrgUnit>();
  private readonly holders = new Map<string, GridHolder[]>();
  /** Codes known to be in use: the subtree's, plus any found taken elsewhere. */
  private readonly codes = new Set<string>();

  constructor(
    readonly town: OrgUnit,
    snapshot: TownSnapshot,
  ) {
    this.units.set(town.id, town);
    this.codes.add(town.code);
    for (const unit of snapshot.units) this.add(unit);
    for (const holder of snapshot.holders) {
      const key = holderKey(holder.unitId, holder.role);
      this.holders.set(key, [...(this.holders.get(key) ?? []), holder]);
    }
  }

  add(unit: OrgUnit): void {
    this.units.set(unit.id, unit);
    this.codes.add(unit.code);
    const key = nameKey(unit.parentId, unit.kind, unit.name);
    if (!this.byName.has(key)) this.byName.set(key, unit);
  }

  child(parentId: number, kind: RosterUnitKind, name: string): OrgUnit | undefined {
    return this.byName.get(nameKey(parentId, kind, name));
  }

  /** Current holders of `role` in a small grid, oldest first. */
  holdersOf(gridId: number, role: GridRole): readonly GridHolder[] {
    return this.holders.get(holderKey(gridId, role)) ?? [];
  }

  isCodeKnown(code: string): boolean {
    return this.codes.has(code);
  }

  markCodeTaken(code: string): void {
    this.codes.add(code);
  }

  /** The largest N of the parent's known `${parent.code}-<letter>N` codes, 0 if none. */
  highestChildNumber(parentCode: string, kind: RosterUnitKind): number {
    const prefix = `${parentCode}-${CODE_SHAPE[kind].letter}`;
    let highest = 0;
    for (const code of this.codes) {
      if (!code.startsWith(prefix)) continue;
      const rest = code.slice(prefix.length);
      if (/^\d+$/.test(rest)) highest = Math.max(highest, Number(rest));
    }
    return highest;
  }

  /** Small grids laid out as town → village → large grid → small grid, in tree order. */
  rosterGrids(): { village: OrgUnit; largeGrid: OrgUnit; smallGrid: OrgUnit }[] {
    const grids: { village: OrgUnit; largeGrid: OrgUnit; smallGrid: OrgUnit }[] = [];
    for (const smallGrid of this.units.values()) {
      if (smallGrid.kind !== 'small_grid') continue;
      const largeGrid = this.units.get(smallGrid.parentId ?? -1);
      const village = this.units.get(largeGrid?.parentId ?? -1);
      if (largeGrid?.kind !== 'large_grid' || village?.kind !== 'village' || village.parentId !== this.town.id) continue;
      grids.push({ village, largeGrid, smallGrid });
    }
    return grids.sort((a, b) => a.village.id - b.village.id || a.largeGrid.id - b.largeGrid.id || a.smallGrid.id - b.smallGrid.id);
  }

  /** Each large grid name in the town and the villages it sits under (for the validator). */
  largeGridVillages(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const unit of this.units.values()) {
      if (unit.kind !== 'large_grid') continue;
      const village = this.units.get(unit.parentId ?? -1);
      if (village?.kind !== 'village' || village.parentId !== this.town.id) continue;
      const villages = result.get(unit.name) ?? [];
      if (!villages.includes(village.name)) villages.push(village.name);
      result.set(unit.name, villages);
    }
    return result;
  }

  /** Whose phone numbers sheetRows() shows. */
  shownPeople(): number[] {
    return this.rosterGrids().flatMap(({ smallGrid }) =>
      [this.holdersOf(smallGrid.id, 'grid_leader')[0], this.holdersOf(smallGrid.id, 'deputy_grid_leader')[0]].flatMap((h) => (h?.phone ? [h.personId] : [])),
    );
  }

  /** The roster as the export writes it: current leader and deputy of each small grid, full phones. */
  sheetRows(): RosterSheetRow[] {
    return this.rosterGrids().map(({ village, largeGrid, smallGrid }) => {
      const leader = this.holdersOf(smallGrid.id, 'grid_leader')[0];
      const deputy = this.holdersOf(smallGrid.id, 'deputy_grid_leader')[0];
      return {
        town: this.town.name,
        village: village.name,
        largeGrid: largeGrid.name,
        smallGrid: smallGrid.name,
        leader: leader ? { name: leader.name, phone: leader.phone ?? '' } : null,
        deputy: deputy ? { name: deputy.name, phone: deputy.phone ?? '' } : null,
      };
    });
  }
}

function nameKey(parentId: number | null, kind: string, name: string): string {
  return `${parentId ?? 0}\u0000${kind}\u0000${name}`;
}

function holderKey(unitId: number, role: GridRole): string {
  return `${unitId}\u0000${role}`;
}
