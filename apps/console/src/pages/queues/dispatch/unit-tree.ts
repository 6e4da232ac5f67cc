// Deep imports: the package index also pulls in the holiday calendar, which the console does not need.
import { roleNameGrants } from '@gridloop/domain/dist/access/capabilities';
import { UNIT_KIND_LABELS, type UnitKind } from '@gridloop/domain/dist/grid/org';
import { IN_TOWN_TRANSFER_KINDS } from '@gridloop/domain/dist/requests/transfer-scope';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { components } from '../../../api/schema';
import type { Me } from '../../../auth/session-store';

export type UnitRef = components['schemas']['UnitRefDto'];

/** A unit in the dispatch tree: a village, a large grid (opened, not chosen), a small grid, or a town department. */
export interface UnitNode {
  value: number;
  title: string;
  /** Where it lies, for the chosen value: 北孙村 · 第一大网格 · 第2小网格. */
  path: string;
  kind: string;
  selectable: boolean;
  children?: UnitNode[];
}

/** 派单 goes to a village, a small grid or a department of the town (the domain's, as the mini-program's picker). */
const CHOSEN = IN_TOWN_TRANSFER_KINDS;
/** Opened to show what is under them. */
const OPENED: readonly string[] = ['village', 'large_grid'];
const PARALLEL = 6;

const childUnits = (unitId: number): Promise<UnitRef[]> => unwrap(api.GET('/api/public/units/{unitId}/children', { params: { path: { unitId } } }));

export const kindLabel = (kind: string): string => UNIT_KIND_LABELS[kind as UnitKind] ?? '';

/**
 * The towns this person dispatches for (routing.manage): every town for a county role, else the
 * town each role's unit (the hotline office, the town itself) lies in, as the API says (getUnitTown).
 */
export async function dispatchTowns(me: Me): Promise<UnitRef[]> {
  const units = me.roles.filter((held) => roleNameGrants(held.role, 'routing.manage')).map((held) => held.unit);
  if (units.some((unit) => unit.kind === 'county')) {
    const towns = await unwrap(api.GET('/api/public/towns', { params: { query: { limit: 50 } } }));
    return towns.map((town) => ({ id: town.id, name: town.name, kind: 'town' }));
  }
  const towns = await Promise.all(
    units.map((unit) =>
      unit.kind === 'town' ? Promise.resolve(unit) : unwrap(api.GET('/api/public/units/{unitId}/town', { params: { path: { unitId: unit.id } } })),
    ),
  );
  return [...new Map(towns.map((town) => [town.id, town])).values()];
}

/**
 * The whole tree of a town a matter can be sent to, loaded once (the grid endpoints the
 * mini-program's 转办 picker walks, level by level, a few at a time) so that search finds any
 * small grid by name: villages → large grids → small grids, then the town's departments.
 */
export async function loadUnitTree(town: UnitRef): Promise<UnitNode[]> {
  const top = (await childUnits(town.id)).filter((unit) => CHOSEN.includes(unit.kind) || OPENED.includes(unit.kind));
  const nodes = top.map((unit) => nodeOf(unit, ''));
  let level = nodes.filter((node) => OPENED.includes(node.kind));
  while (level.length > 0) {
    const next: UnitNode[] = [];
    await inPool(level, PARALLEL, async (parent) => {
      const under = (await childUnits(parent.value)).filter((unit) => CHOSEN.includes(unit.kind) || OPENED.includes(unit.kind));
      parent.children = under.map((unit) => nodeOf(unit, parent.path));
      next.push(...parent.children.filter((node) => OPENED.includes(node.kind)));
    });
    level = next;
  }
  // Villages first, in the town's order, then the departments.
  return [...nodes.filter((node) => node.kind !== 'department'), ...nodes.filter((node) => node.kind === 'department')];
}

function nodeOf(unit: UnitRef, above: string): UnitNode {
  return { value: unit.id, title: unit.name, path: above ? `${above} · ${unit.name}` : unit.name, kind: unit.kind, selectable: CHOSEN.includes(unit.kind) };
}

async function inPool<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** The node with this id, anywhere in the tree. */
export function findNode(nodes: readonly UnitNode[], id: number): UnitNode | null {
  for (const node of nodes) {
    if (node.value === id) return node;
    const below = node.children ? findNode(node.children, id) : null;
    if (below) return below;
  }
  return null;
}
