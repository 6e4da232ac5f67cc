// Runs WeChat's miniprogram-ci over the weapp build, offline, and prints one line
// `RESULT <json>`: the compiled files (getCompiledResult with es6, minify and minifyWXML on: it
// fails on JS and WXML errors), the code-quality checks (checkCodeQuality: package size limits)
// and the per-file sizes (analyseCode). Run by ci.test.mjs in a process of its own because
// miniprogram-ci leaves a file watcher and a compiler process running: this script exits itself.
//
// Offline: the Project's `attr()` (the app's settings from WeChat's servers) is replaced by
// miniprogram-ci's defaults, and its HTTP proxy is pointed at a closed local port, so the one
// other call it makes (the file-extension whitelist) fails at once and it uses its built-in list.
// The signing key is a throwaway RSA key made here: nothing is uploaded.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { weappDir } from './harness.mjs';

const require = createRequire(import.meta.url);
const ci = require('miniprogram-ci');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-wxci-'));
try {
  const { privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const keyPath = path.join(work, 'private.key');
  fs.writeFileSync(keyPath, privateKey);

  ci.proxy('http://127.0.0.1:9');
  const project = new ci.Project({ appid: 'wx0000000000000000', type: 'miniProgram', projectPath: weappDir, privateKeyPath: keyPath, ignores: ['**/*.map'] });
  project.attr = async () => ci.DefaultProjectAttr;

  const compiled = await ci.getCompiledResult(
    { project, setting: { es6: true, minify: true, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true }, onProgressUpdate: () => {} },
    path.join(work, 'compiled'),
  );
  const quality = await ci.checkCodeQuality(project);
  const analysed = await ci.analyseCode(project, { silent: true });

  const result = {
    compiled: Object.entries(compiled).map(([file, content]) => ({ file, size: Buffer.byteLength(content) })),
    quality: quality.map(({ name, success, text, detail }) => ({ name, success, text, detail })),
    files: analysed.files.map(({ path: file, size, subPackage }) => ({ file, size, subPackage })),
  };
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`, () => process.exit(0));
} catch (error) {
  console.error(error);
  process.exit(1);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
