import * as fs from 'node:fs';
import * as path from 'node:path';

const API_PACKAGE = '@gridloop/api';

/**
 * The apps/api folder, found from the working directory (the repo root, apps/api or below).
 * Not derived from __dirname: the same source runs compiled (CommonJS) and under Jest (ESM).
 */
export function findApiRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const candidate of [dir, path.join(dir, 'apps', 'api')]) {
      if (readPackageName(candidate) === API_PACKAGE) return candidate;
    }
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

export function readApiVersion(apiRoot: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(apiRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function readPackageName(dir: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
