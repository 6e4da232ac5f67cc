/** Settings for the stand-alone fake: flags win over environment variables, which win over defaults. */
export interface CliSettings {
  port: number;
  host: string;
  appid: string;
  secret: string;
  accessTokenTtlSeconds: number;
  codeTtlSeconds: number;
  verbose: boolean;
  help: boolean;
}

export const CLI_USAGE = `Usage: wechat-fake [options]   (node dist/cli.js)
  --port N            port to listen on; 0 picks a free one   [WECHAT_FAKE_PORT, default 9100]
  --host H            address to bind                          [WECHAT_FAKE_HOST, default 127.0.0.1]
  --appid ID          the mini-program's appid                 [WECHAT_FAKE_APPID, default wx0000000000000000]
  --secret S          its appsecret                            [WECHAT_FAKE_SECRET, default fake-secret]
  --token-ttl SEC     access_token lifetime                    [WECHAT_FAKE_TOKEN_TTL, default 7200]
  --code-ttl SEC      login/phone code lifetime                [WECHAT_FAKE_CODE_TTL, default 300]
  --verbose           log each WeChat call to stderr           [WECHAT_FAKE_VERBOSE=1]
  --help              show this text`;

const VALUE_FLAGS = new Set(['port', 'host', 'appid', 'secret', 'token-ttl', 'code-ttl']);
const SWITCHES = new Set(['verbose', 'help']);

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliSettings {
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (name === undefined) throw new Error(`unexpected argument ${arg}`);
    if (SWITCHES.has(name)) {
      flags.set(name, 'true');
    } else if (VALUE_FLAGS.has(name)) {
      const value = match?.[2] ?? argv[index + 1];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      if (match?.[2] === undefined) index += 1;
      flags.set(name, value);
    } else {
      throw new Error(`unknown option --${name}`);
    }
  }
  const pick = (flag: string, variable: string, fallback: string): string =>
    flags.get(flag) ?? (env[variable] !== undefined && env[variable] !== '' ? env[variable] : fallback);
  return {
    port: integer(pick('port', 'WECHAT_FAKE_PORT', '9100'), 'port', 0, 65535),
    host: pick('host', 'WECHAT_FAKE_HOST', '127.0.0.1'),
    appid: pick('appid', 'WECHAT_FAKE_APPID', 'wx0000000000000000'),
    secret: pick('secret', 'WECHAT_FAKE_SECRET', 'fake-secret'),
    accessTokenTtlSeconds: integer(pick('token-ttl', 'WECHAT_FAKE_TOKEN_TTL', '7200'), 'token-ttl', 1, 86400),
    codeTtlSeconds: integer(pick('code-ttl', 'WECHAT_FAKE_CODE_TTL', '300'), 'code-ttl', 1, 86400),
    verbose: flags.has('verbose') || env['WECHAT_FAKE_VERBOSE'] === '1',
    help: flags.has('help'),
  };
}

function integer(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
