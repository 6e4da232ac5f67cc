import { describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The built server (dist/main.js) as an operator starts it: `npm test` builds it first. */
const MAIN = path.join(process.cwd(), 'dist', 'main.js');

interface Exit {
  code: number | null;
  stderr: string;
}

function runToExit(env: Record<string, string>, timeoutMs = 20_000): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Starts the server and resolves with its URL once it says it is running. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', ...env } });
    let stdout = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /running: (http:\/\/\S+)/.exec(stdout);
      if (match) resolve({ child, url: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was running`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('starting the server', () => {
  it.each([
    ['an unreachable MySQL host', 'mysql://grid:topsecret@127.0.0.1:1/taitou', /cannot open mysql database "taitou" on 127\.0\.0\.1:1: .*ECONNREFUSED/],
    ['an unsupported scheme', 'postgres://grid:topsecret@db/taitou', /DATABASE_URL: unsupported scheme "postgres"/],
    ['a URL with no database', 'mysql://grid:topsecret@127.0.0.1:3306', /names no database/],
  ])('with %s exits non-zero with one clear line and no password', async (_what, url, expected) => {
    const { code, stderr } = await runToExit({ DATABASE_URL: url });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(stderr).not.toContain('topsecret');
  });

  it('on an empty SQLite file migrates, seeds once, and reuses the data on the next start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-boot-'));
    const env = { DATABASE_URL: path.join(dir, 'demo.sqlite'), SEED_DEMO: '1' };
    try {
      const towns: unknown[] = [];
      for (let run = 0; run < 2; run++) {
        const { child, url } = await startServer(env);
        try {
          towns.push(await (await fetch(`${url}api/public/towns`)).json());
        } finally {
          await stop(child);
        }
      }
      expect(towns[0]).toEqual(towns[1]);
      expect(towns[0]).toContainEqual({ id: expect.any(Number), code: 'SG-TT', name: '台头镇', villages: 41, largeGrids: 46, smallGrids: 662 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
