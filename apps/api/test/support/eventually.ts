/**
 * Retries `check` (assertions on what is there now: a count on a page, rows in a table) until it
 * passes, or throws its last failure after `timeoutMs`. What arrives later (an API answer, a
 * re-render, another process's work) is asserted through this, never read once or after a fixed wait.
 */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
