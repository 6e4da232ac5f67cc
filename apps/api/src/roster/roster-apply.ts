import { EntityManager } from 'typeorm';
import { OrgUnit } from '../grid/org-unit.entity';
import type { RosterImportSummary } from './roster-import.entity';
import type { CleanRosterRow, RosterPerson } from './roster-validation';
import { GridRole, KnownPerson, NewAssignment, TownRosterRepository } from './town-roster.repository';
import { CODE_SHAPE, RosterUnitKind, TownTree } from './town-tree';

/** Rows applied per step: one batch of reads and writes, then progress moves. */
const ROWS_PER_STEP = 100;

/** A unit the import will create, with the code it will get. */
interface PlannedUnit {
  planned: true;
  kind: RosterUnitKind;
  name: string;
  code: string;
  parent: OrgUnit | PlannedUnit;
  created?: OrgUnit;
}

type Outcome = 'unchanged' | 'assigned' | 'replaced' | 'ended' | 'none';

export function emptySummary(): RosterImportSummary {
  return {
    villagesCreated: 0,
    largeGridsCreated: 0,
    gridsCreated: 0,
    leadersAssigned: 0,
    leadersReplaced: 0,
    deputiesAssigned: 0,
    deputiesReplaced: 0,
    deputiesEnded: 0,
    unchanged: 0,
    peopleCreated: 0,
    namesUpdated: 0,
    gridsNotInFile: 0,
  };
}

/**
 * Applies checked rows to one town inside the caller's transaction, `ROWS_PER_STEP` rows at a
 * time: find or create the units, find or create the people (by phone), then end and start
 * assignments so each small grid's leader and deputy are the row's. Ended rows keep their history.
 */
export class RosterApplier {
  private readonly summary = emptySummary();
  private readonly people = new Map<string, KnownPerson>();
  private readonly renamed = new Set<number>();

  constructor(
    private readonly manager: EntityManager,
    private readonly roster: TownRosterRepository,
    private readonly tree: TownTree,
    private readonly now: Date,
  ) {}

  async apply(rows: readonly CleanRosterRow[], onProgress: (processed: number) => void): Promise<RosterImportSummary> {
    const gridsBefore = this.tree.rosterGrids().map((g) => g.smallGrid.id);
    const touched = new Set<number>();
    const phones = [...new Set(rows.flatMap((row) => [row.leader.phone, ...(row.deputy ? [row.deputy.phone] : [])]))];
    for (const person of await this.roster.peopleByPhone(this.manager, phones)) this.people.set(person.phone, person);

    for (let start = 0; start < rows.length; start += ROWS_PER_STEP) {
      const step = rows.slice(start, start + ROWS_PER_STEP);
      const grids = await this.gridsFor(step);
      await this.settlePeople(step);
      const ends: number[] = [];
      const starts: NewAssignment[] = [];
      step.forEach((row, i) => {
        const { grid, created } = grids[i]!;
        touched.add(grid.id);
        const leader = this.settle(grid.id, 'grid_leader', row.leader, ends, starts);
        const deputy = this.settle(grid.id, 'deputy_grid_leader', row.deputy, ends, starts);
        this.count(created, leader, deputy);
      });
      await this.roster.endAssignments(this.manager, ends, this.now);
      await this.roster.startAssignments(this.manager, starts);
      onProgress(start + step.length);
    }
    this.summary.gridsNotInFile = gridsBefore.filter((id) => !touched.has(id)).length;
    return this.summary;
  }

  /** The small grid of each row, creating whatever village, large grid and small grid is missing. */
  private async gridsFor(rows: readonly CleanRosterRow[]): Promise<{ grid: OrgUnit; created: boolean }[]> {
    let plan = this.plan(rows);
    // A planned code may be used outside the town (codes are unique county-wide): skip it and plan again.
    while (plan.units.length > 0) {
      const taken = await this.roster.codesTaken(
        this.manager,
        plan.units.map((u) => u.code),
      );
      if (taken.size === 0) break;
      for (const code of taken) this.tree.markCodeTaken(code);
      plan = this.plan(rows);
    }
    for (const unit of plan.units) {
      const parent = isPlanned(unit.parent) ? unit.parent.created! : unit.parent;
      unit.created = await this.roster.createUnit(this.manager, parent, { kind: unit.kind, name: unit.name, code: unit.code });
      this.tree.add(unit.created);
      if (unit.kind === 'village') this.summary.villagesCreated++;
      else if (unit.kind === 'large_grid') this.summary.largeGridsCreated++;
      else this.summary.gridsCreated++;
    }
    return plan.refs.map((ref) => (isPlanned(ref) ? { grid: ref.created!, created: true } : { grid: ref, created: false }));
  }

  /** Pure: which units the rows need that the tree lacks, parents first, with their codes. */
  private plan(rows: readonly CleanRosterRow[]): { units: PlannedUnit[]; refs: (OrgUnit | PlannedUnit)[] } {
    const units: PlannedUnit[] = [];
    const plannedByKey = new Map<string, PlannedUnit>();
    const nextNumber = new Map<string, number>();
    const find = (parent: OrgUnit | PlannedUnit, kind: RosterUnitKind, name: string): OrgUnit | PlannedUnit => {
      if (!isPlanned(parent)) {
        const existing = this.tree.child(parent.id, kind, name);
        if (existing) return existing;
      }
      const key = JSON.stringify([parent.code, kind, name]);
      const known = plannedByKey.get(key);
      if (known) return known;
      const counter = `${parent.code}\u0000${kind}`;
      let n = nextNumber.get(counter) ?? this.tree.highestChildNumber(parent.code, kind);
      let code: string;
      do {
        n++;
        code = `${parent.code}-${CODE_SHAPE[kind].letter}${String(n).padStart(CODE_SHAPE[kind].pad, '0')}`;
      } while (this.tree.isCodeKnown(code));
      nextNumber.set(counter, n);
      const unit: PlannedUnit = { planned: true, kind, name, code, parent };
      plannedByKey.set(key, unit);
      units.push(unit);
      return unit;
    };
    const refs = rows.map((row) => {
      const village = find(this.tree.town, 'village', row.village);
      const largeGrid = find(village, 'large_grid', row.largeGrid);
      return find(largeGrid, 'small_grid', row.smallGrid);
    });
    return { units, refs };
  }

  /** Creates people the roster names for the first time; takes the roster's name for known phones. */
  private async settlePeople(rows: readonly CleanRosterRow[]): Promise<void> {
    const named = rows.flatMap((row) => [row.leader, ...(row.deputy ? [row.deputy] : [])]);
    const missing = new Map<string, RosterPerson>();
    for (const person of named) if (!this.people.has(person.phone) && !missing.has(person.phone)) missing.set(person.phone, person);
    if (missing.size > 0) {
      for (const person of await this.roster.insertPeople(this.manager, [...missing.values()])) this.people.set(person.phone, person);
      this.summary.peopleCreated += missing.size;
    }
    for (const person of named) {
      const known = this.people.get(person.phone)!;
      if (known.name === person.name || this.renamed.has(known.id)) continue;
      await this.roster.rename(this.manager, known.id, person.name);
      this.people.set(person.phone, { ...known, name: person.name });
      this.renamed.add(known.id);
      this.summary.namesUpdated++;
    }
  }

  /** Makes `person` the only current holder of `role` in the grid (or nobody, for a missing deputy). */
  private settle(gridId: number, role: GridRole, person: RosterPerson | null, ends: number[], starts: NewAssignment[]): Outcome {
    const holders = this.tree.holdersOf(gridId, role);
    const personId = person ? this.people.get(person.phone)!.id : null;
    const others = holders.filter((h) => h.personId !== personId);
    ends.push(...others.map((h) => h.assignmentId));
    if (personId === null) return others.length > 0 ? 'ended' : 'none';
    const stays = others.length < holders.length;
    if (!stays) starts.push({ personId, role, unitId: gridId });
    if (stays && others.length === 0) return 'unchanged';
    return holders.length === 0 ? 'assigned' : 'replaced';
  }

  private count(created: boolean, leader: Outcome, deputy: Outcome): void {
    const s = this.summary;
    if (leader === 'assigned') s.leadersAssigned++;
    if (leader === 'replaced') s.leadersReplaced++;
    if (deputy === 'assigned') s.deputiesAssigned++;
    if (deputy === 'replaced') s.deputiesReplaced++;
    if (deputy === 'ended') s.deputiesEnded++;
    if (!created && leader === 'unchanged' && (deputy === 'unchanged' || deputy === 'none')) s.unchanged++;
  }
}

function isPlanned(ref: OrgUnit | PlannedUnit): ref is PlannedUnit {
  return 'planned' in ref;
}
