/** What every bench script shares: printing, reading its knobs, and running its main. */

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A knob from the environment as a positive whole number, `fallback` when unset. */
export function whole(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive whole number: ${value}`);
  return n;
}

/** Runs a bench's main; a failure prints its stack and sets a failing exit code. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
