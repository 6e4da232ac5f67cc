/**
 * Possible duplicates (重复诉求): two villagers in one grid often report the same broken lamp.
 * Similarity is the Dice coefficient of the texts' character bigrams, which suits Chinese (no
 * word boundaries) and needs no dictionary. Punctuation, spaces and digits are ignored.
 */
const IGNORED = /[\s\p{P}\p{S}\d]/gu;

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text.replace(IGNORED, '').toLowerCase());
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** 0 (nothing shared) … 1 (same text, ignoring punctuation). */
export function textSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let total = 0;
  for (const n of left.values()) total += n;
  for (const n of right.values()) total += n;
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, n] of left) shared += Math.min(n, right.get(pair) ?? 0);
  return (2 * shared) / total;
}

/** Below this, two matters are not worth showing side by side. */
export const DUPLICATE_THRESHOLD = 0.35;

export interface DuplicateCandidate {
  category: string;
  description: string;
  addressNote: string | null;
}

/** How alike two matters in one grid are: the texts, nudged up when the category and place agree. */
export function duplicateScore(subject: DuplicateCandidate, other: DuplicateCandidate): number {
  const text = textSimilarity(subject.description, other.description);
  const sameCategory = subject.category === other.category ? 0.1 : 0;
  const samePlace = subject.addressNote && other.addressNote ? 0.1 * textSimilarity(subject.addressNote, other.addressNote) : 0;
  return Math.min(1, text + sameCategory + samePlace);
}

/**
 * A confidential (保密) matter is for its requester and those handling or supervising it alone.
 * Merging makes the requesters of one matter follow the other, so a confidential matter is never
 * merged either way, never offered as a duplicate, and never has followers.
 */
export function mayHaveFollowers(request: { confidential: boolean }): boolean {
  return !request.confidential;
}

/** Whether `merged` may be merged into `target` (or offered as its duplicate): neither is confidential. */
export function mayMerge(merged: { confidential: boolean }, target: { confidential: boolean }): boolean {
  return mayHaveFollowers(merged) && mayHaveFollowers(target);
}
