import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Jest runs from apps/api (as test/support does).
const SRC = join(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The OpenAPI document names each body and answer schema after its class, so two classes of one
 * name silently become one schema and one of the two apps gets the other's fields (two
 * DispatchItemDto did exactly that to the weekly dispatch page). One name per class, across src/.
 */
describe('class names of the OpenAPI document', () => {
  it('are unique, so no two schemas of the OpenAPI document share a name', () => {
    const seen = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      // The classes the document is made of: those described for Swagger.
      if (!text.includes("from '@nestjs/swagger'")) continue;
      for (const match of text.matchAll(/^export (?:abstract )?class (\w+)/gm)) {
        const name = match[1] ?? '';
        seen.set(name, [...(seen.get(name) ?? []), file.slice(SRC.length + 1)]);
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    expect([...seen].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
