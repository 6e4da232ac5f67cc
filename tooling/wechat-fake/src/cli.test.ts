import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { parseCliArgs } from './cli-args';

describe('the command line', () => {
  it('parses flags over environment variables over defaults', () => {
    assert.deepEqual(parseCliArgs([], {}), {
      port: 9100,
      host: '127.0.0.1',
      appid: 'wx0000000000000000',
      secret: 'fake-secret',
      accessTokenTtlSeconds: 7200,
      codeTtlSeconds: 300,
      verbose: false,
      help: false,
    });
    const settings = parseCliArgs(['--port', '0', '--appid=wxfromflag', '--verbose'], {
      WECHAT_FAKE_PORT: '9200',
      WECHAT_FAKE_APPID: 'wxfromenv',
      WECHAT_FAKE_SECRET: 'env-secret',
    });
    assert.equal(settings.port, 0);
    assert.equal(settings.appid, 'wxfromflag');
    assert.equal(settings.secret, 'env-secret');
    assert.equal(settings.verbose, true);
    assert.throws(() => parseCliArgs(['--port', 'x'], {}), /port/);
    assert.throws(() => parseCliArgs(['--colour'], {}), /unknown option/);
    assert.throws(() => parseCliArgs(['--secret'], {}), /needs a value/);
  });

  it('starts, prints its one line with the URL, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--port', '0', '--appid', 'wxclitest0000000'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      const line = chunk.toString('utf8').trim();
      const match = /^WeChat fake listening on (http:\/\/127\.0\.0\.1:\d+) \(appid wxclitest0000000\)$/.exec(line);
      assert.ok(match, `unexpected line: ${line}`);
      const health = await fetch(`${match[1]}/__fake/health`);
      assert.deepEqual(await health.json(), { ok: true, appid: 'wxclitest0000000' });
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });
});
