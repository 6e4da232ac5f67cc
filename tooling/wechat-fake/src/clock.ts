/** Milliseconds since the epoch; injectable so tests can move time instead of waiting. */
export type Clock = () => number;

export function unixSeconds(clock: Clock): number {
  return Math.floor(clock() / 1000);
}
