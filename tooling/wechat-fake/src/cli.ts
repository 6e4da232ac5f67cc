#!/usr/bin/env node
// Runs the WeChat fake on its own (for the demo and manual runs): point the API's WECHAT_API_BASE at it.
import { CLI_USAGE, parseCliArgs, type CliSettings } from './cli-args';
import { createFakeWechat } from './fake-wechat';

async function main(): Promise<void> {
  let settings: CliSettings;
  try {
    settings = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${CLI_USAGE}\n`);
    process.exit(2);
  }
  if (settings.help) {
    process.stdout.write(`${CLI_USAGE}\n`);
    return;
  }
  const fake = createFakeWechat({
    appid: settings.appid,
    secret: settings.secret,
    accessTokenTtlSeconds: settings.accessTokenTtlSeconds,
    codeTtlSeconds: settings.codeTtlSeconds,
    onCall: settings.verbose
      ? (call) => {
          const outcome = call.errcode === undefined ? `HTTP ${call.status}` : `errcode ${call.errcode}`;
          const injected = call.fault === undefined ? '' : ' (injected fault)';
          process.stderr.write(`${new Date().toISOString()} ${call.method} ${call.path} -> ${outcome}${injected}\n`);
        }
      : undefined,
  });
  const url = await fake.listen(settings.port, settings.host);
  process.stdout.write(`WeChat fake listening on ${url} (appid ${settings.appid})\n`);

  const stop = (): void => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`wechat-fake failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
