/**
 * The units a text names (a 12345 order's 「北孙村南头的排水沟堵了」 names 北孙村): each unit whose
 * full name occurs in the text, the longest names first, leaving out a name found only inside a
 * longer one that matched (「北孙村东片」 over 「北孙村」). Offered (and, when there is just one,
 * proposed) as where to 转办 an order, instead of walking the picker from the town down.
 */
export function unitsNamedIn<T extends { name: string }>(text: string, units: readonly T[]): T[] {
  const found: T[] = [];
  const taken: [number, number][] = [];
  for (const unit of [...units].sort((a, b) => b.name.length - a.name.length)) {
    const name = unit.name.trim();
    if (name.length < 2) continue;
    let at = text.indexOf(name);
    let free = false;
    while (at >= 0 && !free) {
      const end = at + name.length;
      free = !taken.some(([from, to]) => at >= from && end <= to);
      if (free) taken.push([at, end]);
      else at = text.indexOf(name, at + 1);
    }
    if (free) found.push(unit);
  }
  return found;
}
