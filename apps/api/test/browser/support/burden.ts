import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from '@jest/globals';
import type { Locator } from 'playwright-core';

/** Where each flow's count is written (one JSON file a flow), beside the screenshots. */
export const BURDEN_DIR = path.join(process.cwd(), 'test-results', 'taps');

/** What a flow asks of the person doing it: taps (every click, navigation included) and typed fields. */
export interface BurdenCount {
  readonly flow: string;
  readonly taps: number;
  readonly typed: number;
  /** What was tapped or typed, in order (「点：…」 / 「填：…」), for reading a regression. */
  readonly steps: readonly string[];
}

/**
 * Counts a person's effort through one flow (issue 17, "a burden budget"): the test drives the
 * flow through `tap` and `type` only, from the home page to the end state, and `finish` prints the
 * count, writes it to test-results/taps/<flow>.json and fails when it exceeds the flow's ceiling.
 * Waiting and reading the page are free; only what a finger does is counted.
 */
export class Burden {
  private taps = 0;
  private typed = 0;
  private readonly steps: string[] = [];

  constructor(readonly flow: string) {}

  /** One tap on `target` (`what` names it in the steps). */
  async tap(target: Locator, what: string): Promise<void> {
    await target.click();
    this.taps += 1;
    this.steps.push(`点：${what}`);
  }

  /** One typed field: `text` into `field` (the tap that focuses it is part of typing). */
  async type(field: Locator, text: string, what: string): Promise<void> {
    await field.fill(text);
    this.typed += 1;
    this.steps.push(`填：${what}`);
  }

  count(): BurdenCount {
    return { flow: this.flow, taps: this.taps, typed: this.typed, steps: [...this.steps] };
  }

  /** Prints and records the count, then asserts it stays within `ceiling` (a regression adding taps fails). */
  finish(ceiling: { taps: number; typed: number }): BurdenCount {
    const count = this.count();
    fs.mkdirSync(BURDEN_DIR, { recursive: true });
    fs.writeFileSync(path.join(BURDEN_DIR, `${this.flow}.json`), `${JSON.stringify({ ...count, ceiling }, null, 2)}\n`);
    process.stdout.write(
      `taps: ${this.flow}: ${count.taps} taps + ${count.typed} typed fields (ceiling ${ceiling.taps} + ${ceiling.typed}): ${count.steps.join(' → ')}\n`,
    );
    expect(count.taps).toBeLessThanOrEqual(ceiling.taps);
    expect(count.typed).toBeLessThanOrEqual(ceiling.typed);
    return count;
  }
}
