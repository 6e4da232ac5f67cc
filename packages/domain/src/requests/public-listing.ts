/**
 * What anyone (not signed in) may see of the matters behind a public figure (红心榜's 一数一查): a
 * confidential (保密) matter is not listed at all, neither its number nor its times, place or
 * state, only counted.
 */
export function publicListing<T extends { confidential: boolean }>(items: readonly T[]): { listed: T[]; confidentialCount: number } {
  const listed = items.filter((item) => !item.confidential);
  return { listed, confidentialCount: items.length - listed.length };
}

/** The line that stands for the confidential matters left out of a public list; null when there are none. */
export function confidentialCountText(count: number): string | null {
  return count > 0 ? `另有保密事项 ${count} 件` : null;
}
