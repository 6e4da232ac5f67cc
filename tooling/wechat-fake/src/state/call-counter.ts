/** Calls per WeChat path, failed ones included: lets tests assert on caching and retries. */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  record(path: string): void {
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}
