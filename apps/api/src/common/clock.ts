/**
 * Where "now" comes from, everywhere in the API: controllers read it once per call and pass it
 * down, the scheduled jobs and notification delivery read it per run. Production reads the system
 * clock; tests pass a clock they can move forward, so a request left alone can be walked through
 * a weekend in a second. Rules never read the clock themselves: they take `now` as an argument.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told otherwise (tests, benchmarks). */
export class ManualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date): void {
    this.current = new Date(to.getTime());
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
