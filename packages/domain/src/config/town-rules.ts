/**
 * Rules a town may set for itself (clocks, extensions…): defaults for the county, and per town
 * code what differs from them, e.g. {"default": {...}, "towns": {"SG-TT": {...}}}. Each kind of
 * rule says how one object of it is checked and merged (`merge`); the shape around it is shared.
 */
export interface TownRulesConfig<T> {
  default: T;
  /** By town code (e.g. "SG-TT"): the default with what the town changes. */
  towns: Record<string, T>;
}

/** Merges one input object onto `base`, throwing with `where` in the message when it is wrong. */
export type MergeRules<T> = (base: T, input: Record<string, unknown>, where: string) => T;

/** Checks a configuration of town rules; throws with `source` in the message. */
export function parseTownRules<T>(input: unknown, defaults: T, merge: MergeRules<T>, source: string): TownRulesConfig<T> {
  if (input === undefined || input === null) return { default: defaults, towns: {} };
  if (typeof input !== 'object' || Array.isArray(input)) throw new Error(`${source}: expected an object with "default" and/or "towns"`);
  const { default: base, towns, ...rest } = input as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new Error(`${source}: unknown key(s) ${Object.keys(rest).join(', ')}`);
  const county = base === undefined ? defaults : merge(defaults, objectAt(base, `${source}.default`), `${source}.default`);
  const byTown: Record<string, T> = {};
  if (towns !== undefined) {
    if (typeof towns !== 'object' || towns === null || Array.isArray(towns)) throw new Error(`${source}.towns: expected an object by town code`);
    for (const [code, rules] of Object.entries(towns)) byTown[code] = merge(county, objectAt(rules, `${source}.towns.${code}`), `${source}.towns.${code}`);
  }
  return { default: county, towns: byTown };
}

/** A town's rules: its own, or the county's default. */
export function townRules<T>(config: TownRulesConfig<T>, townCode: string | null): T {
  return (townCode && config.towns[townCode]) || config.default;
}

function objectAt(input: unknown, where: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error(`${where}: expected an object`);
  return input as Record<string, unknown>;
}
