// Every page of the weapp build (main package and subpackages, from dist/weapp/app.json) through
// WeChat's own WXML compiler, `wcc` from the miniprogram-compiler package: the page, its custom
// components (usingComponents) and everything they import, include or load as wxs. A page wcc
// rejects fails with wcc's own "file:line:column: message"; an import of a missing file fails too.
// The compiled page is then instantiated (WeChat's generated render function, empty page data).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { requireWeappBuild, weappDir, weappPages } from './harness.mjs';

const require = createRequire(import.meta.url);
const { wxmlToJs } = require('miniprogram-compiler');

requireWeappBuild();

/** The .wxml and .wxs files a page needs, relative to the build root, page first. */
function closure(page) {
  const wxml = [];
  const wxs = [];
  const visit = (file, from) => {
    const list = file.endsWith('.wxs') ? wxs : wxml;
    if (list.includes(file)) return;
    if (!fs.existsSync(path.join(weappDir, file))) throw new Error(`${from} refers to ${file}, which is not in the build`);
    list.push(file);
    if (file.endsWith('.wxs')) return;
    const text = fs.readFileSync(path.join(weappDir, file), 'utf8');
    for (const [, src] of text.matchAll(/<(?:import|include|wxs)\b[^>]*\bsrc=["']([^"']+)["']/g)) {
      visit(path.posix.normalize(src.startsWith('/') ? src.slice(1) : path.posix.join(path.posix.dirname(file), src)), file);
    }
    const json = path.join(weappDir, file.replace(/\.wxml$/, '.json'));
    if (fs.existsSync(json)) {
      for (const component of Object.values(JSON.parse(fs.readFileSync(json, 'utf8')).usingComponents ?? {})) {
        const target = component.startsWith('/') ? component.slice(1) : path.posix.join(path.posix.dirname(file), component);
        visit(`${path.posix.normalize(target)}.wxml`, file);
      }
    }
  };
  visit(`${page}.wxml`, 'app.json');
  return { wxml, wxs };
}

const pages = weappPages();

test('the build has pages in the main package and in subpackages', () => {
  assert.ok(pages.some((p) => p.packageName === 'main'));
  assert.ok(pages.some((p) => p.packageName !== 'main'));
});

for (const { page, packageName } of pages) {
  test(`wcc compiles ${page} (${packageName})`, () => {
    const { wxml, wxs } = closure(page);
    // Throws "编译 .wxml 文件错误：<file>:<line>:<column>: <message>" when wcc rejects a file.
    const compiled = wxmlToJs(weappDir, { wxmlList: wxml, wxsList: wxs });
    const sandbox = { console };
    sandbox.window = sandbox;
    vm.createContext(sandbox);
    const $gwx = vm.runInContext(`(function () { ${compiled} })()`, sandbox);
    const render = $gwx(`${page}.wxml`);
    assert.equal(typeof render, 'function', `wcc produced no render function for ${page}.wxml`);
    const tree = render({ root: { cn: [] } }, {}, {});
    assert.equal(tree.tag, 'wx-page');
  });
}
