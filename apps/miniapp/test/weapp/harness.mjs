// Loads a page of the real weapp build (dist/weapp) the way WeChat would, in Node: WeChat's own
// WXML compiler (wcc, via miniprogram-simulate's `compiler: 'official'`), WeChat's component
// framework (exparser, via j-component), the build's app.js, taro.js and the page's own chunks.
// Only the things WeChat's client provides around them are stand-ins: App/Page/getApp/
// getCurrentPages, storage (in memory), wx.request (an in-memory fake of the API, per test) and
// the navigation calls (recorded). Layout and styles are not computed.
//
// Module state (Taro's runtime, React, simulate's registry) is global: boot ONE page per process.
// `node --test` runs each test file in its own process.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The weapp build under test (WEAPP_DIR overrides; relative paths are from apps/miniapp). */
export const weappDir = path.resolve(appDir, process.env.WEAPP_DIR ?? 'dist/weapp');

/** The base URL the build talks to (API_BASE_URL at build time): read from the fake's requests. */
const API_PATH = /^[a-z]+:\/\/[^/]+(\/api\/.*)$/;

/** The page list from the build's app.json: main package first, then each subpackage's pages. */
export function weappPages(dir = weappDir) {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'));
  const subPackages = app.subPackages ?? app.subpackages ?? [];
  return [
    ...app.pages.map((page) => ({ page, packageName: 'main' })),
    ...subPackages.flatMap((sub) => sub.pages.map((page) => ({ page: `${sub.root.replace(/\/$/, '')}/${page}`, packageName: sub.root }))),
  ];
}

/** Fails the test early with a clear reason when the weapp build is missing. */
export function requireWeappBuild() {
  if (!fs.existsSync(path.join(weappDir, 'app.json'))) {
    throw new Error(`No weapp build at ${weappDir}: run \`pnpm --filter @gridloop/miniapp build:weapp\` first`);
  }
}

let booted = false;

/**
 * Boots the app and one page.
 * - `storage`: what the phone has stored before (e.g. the session), by key;
 * - `api`: `{ 'METHOD /api/path': (request) => ({ status, body }) }`, the fake API behind
 *   wx.request; a call to a route not listed answers 404 and is kept in `unexpected`;
 * - `query`: the page's query string values (onLoad options);
 * - `subscribeAnswers`: what WeChat's subscribe sheet answers per template id ('accept',
 *   'reject'); the calls are kept in `subscribeCalls`.
 * - `launch`: how WeChat opened the app (onLaunch/onShow options), e.g. `{ scene: 1044,
 *   shareTicket }` from a card in a group chat; scene 1001 (the list of mini-programs) by default.
 * - `groupEnterInfo`: what wx.getGroupEnterInfo and wx.getShareInfo answer (`{ encryptedData, iv }`);
 *   without it both fail, as outside a group.
 * wx.login answers a new code each call (`wx-code-1`, `wx-code-2`, …), kept in `loginCodes`.
 * wx.makePhoneCall (the system dialer) answers ok; the numbers it was given are kept in `phoneCalls`.
 */
export async function bootPage(page, { storage = {}, api = {}, query = {}, subscribeAnswers = {}, launch: launchOptions = {}, groupEnterInfo = null } = {}) {
  if (booted) throw new Error('one page boot per process: put this test in a file of its own');
  booted = true;
  requireWeappBuild();

  // A DOM for j-component's mirror. Node 20's own Event/CustomEvent/EventTarget differ from
  // jsdom's and break j-component: use jsdom's everywhere.
  require('global-jsdom')(undefined, { url: 'https://servicewechat.com/' });
  for (const name of ['Event', 'CustomEvent', 'EventTarget']) {
    Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
  }

  // WeChat's WXML runtime reports a node it has no template for (and then draws nothing for it)
  // on the console: keep those reports.
  const wxmlErrors = [];
  for (const level of ['warn', 'error', 'log']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      const text = args.map(String).join(' ');
      if (text.includes('WXMLRT')) wxmlErrors.push(text);
      else original(...args);
    };
  }

  const simulate = require('miniprogram-simulate'); // defines global Component and a mock `wx`
  const exparser = require('miniprogram-exparser');

  const stored = new Map(Object.entries(storage).map(([key, value]) => [key, structuredClone(value)]));
  const requests = [];
  const unexpected = [];
  const navigations = [];
  const toasts = [];
  const wx = globalThis.wx;

  // WeChat keeps the privacy agreement itself: a new user has not agreed until the sheet's 同意.
  let privacyAgreed = false;
  const subscribeCalls = [];
  const loginCodes = [];
  const phoneCalls = [];
  /** WeChat's answer shape: `<api>:ok` in errMsg, success then complete, a tick later. */
  const answer = (options, name, result) =>
    setTimeout(() => {
      const res = { ...result, errMsg: `${name}:ok` };
      options.success?.(res);
      options.complete?.(res);
    }, 0);
  const refuse = (options, name) =>
    setTimeout(() => {
      const res = { errMsg: `${name}:fail no group` };
      options.fail?.(res);
      options.complete?.(res);
    }, 0);
  Object.assign(wx, {
    login: (options = {}) => {
      const code = `wx-code-${loginCodes.length + 1}`;
      loginCodes.push(code);
      answer(options, 'login', { code });
    },
    makePhoneCall: (options = {}) => {
      phoneCalls.push(options.phoneNumber);
      answer(options, 'makePhoneCall', {});
    },
    getGroupEnterInfo: (options = {}) => (groupEnterInfo ? answer(options, 'getGroupEnterInfo', groupEnterInfo) : refuse(options, 'getGroupEnterInfo')),
    getShareInfo: (options = {}) => (groupEnterInfo && options.shareTicket ? answer(options, 'getShareInfo', groupEnterInfo) : refuse(options, 'getShareInfo')),
    // WeChat's own sheet, answered per template as the test says (WeChat's result shape).
    requestSubscribeMessage: (options = {}) => {
      subscribeCalls.push([...options.tmplIds]);
      const result = { errMsg: 'requestSubscribeMessage:ok' };
      for (const id of options.tmplIds) result[id] = subscribeAnswers[id] ?? 'reject';
      setTimeout(() => options.success?.(result), 0);
    },
    getPrivacySetting: (options = {}) =>
      setTimeout(
        () => options.success?.({ needAuthorization: !privacyAgreed, privacyContractName: '《网格通隐私保护指引》', errMsg: 'getPrivacySetting:ok' }),
        0,
      ),
    requirePrivacyAuthorize: (options = {}) => {
      privacyAgreed = true;
      setTimeout(() => options.success?.({ errMsg: 'requirePrivacyAuthorize:ok' }), 0);
    },
    getStorageSync: (key) => (stored.has(key) ? structuredClone(stored.get(key)) : ''),
    setStorageSync: (key, value) => void stored.set(key, structuredClone(value)),
    removeStorageSync: (key) => void stored.delete(key),
    request(options) {
      const url = String(options.url);
      const route = API_PATH.exec(url)?.[1] ?? url;
      const pathname = route.split('?')[0];
      const method = (options.method ?? 'GET').toUpperCase();
      const body = typeof options.data === 'string' && options.data !== '' ? JSON.parse(options.data) : options.data;
      const entry = { method, url, path: pathname, query: new URLSearchParams(route.split('?')[1] ?? ''), header: options.header ?? {}, body };
      requests.push(entry);
      const handler = api[`${method} ${pathname}`];
      let answer;
      if (handler) {
        answer = handler(entry);
      } else {
        unexpected.push(`${method} ${pathname}`);
        answer = { status: 404, body: { code: 'NOT_FOUND', message: `没有这个接口：${method} ${pathname}`, requestId: 'fake' } };
      }
      let aborted = false;
      setTimeout(() => {
        if (aborted) return;
        const res = {
          statusCode: answer.status,
          header: { 'content-type': 'application/json; charset=utf-8' },
          data: answer.body === undefined ? '' : JSON.stringify(answer.body),
          errMsg: 'request:ok',
        };
        options.success?.(res);
        options.complete?.(res);
      }, 0);
      return {
        abort: () => {
          aborted = true;
        },
        onHeadersReceived() {},
        offHeadersReceived() {},
        onChunkReceived() {},
        offChunkReceived() {},
      };
    },
  });
  for (const name of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack']) {
    wx[name] = (options = {}) => {
      navigations.push({ kind: name, url: options.url });
      const res = { errMsg: `${name}:ok` };
      setTimeout(() => {
        options.success?.(res);
        options.complete?.(res);
      }, 0);
    };
  }
  for (const name of ['showToast', 'showModal', 'showLoading']) {
    const original = wx[name];
    wx[name] = (options = {}) => {
      toasts.push({ kind: name, title: options.title, content: options.content });
      return original(options);
    };
  }

  // The App and Page constructors of WeChat's client, enough for Taro's runtime.
  let app = null;
  let pageDefinition = null;
  let pageInstance = null;
  globalThis.App = (config) => {
    app = config;
  };
  globalThis.getApp = () => app;
  globalThis.getCurrentPages = () => (pageInstance ? [pageInstance] : []);
  globalThis.Page = (options) => {
    pageDefinition = options;
    const methods = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
    globalThis.Component({ data: options.data ?? {}, methods });
  };

  require(path.join(weappDir, 'app.js'));
  if (!app) throw new Error('app.js did not call App()');
  const launch = { path: page, query, scene: 1001, ...launchOptions };
  app.onLaunch?.call(app, launch);
  app.onShow?.call(app, launch);

  const id = simulate.load(path.join(weappDir, page), { compiler: 'official', rootPath: weappDir });
  const root = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  document.body.appendChild(parent);
  root.attach(parent);
  pageInstance = root.instance;
  for (const [key, value] of Object.entries(pageDefinition)) if (typeof value !== 'function' && !(key in pageInstance)) pageInstance[key] = value;
  pageInstance.route = page;
  pageInstance.__route__ = page;
  pageInstance.options = query;

  pageInstance.onLoad?.(query);
  pageInstance.onShow?.();
  pageInstance.onReady?.();
  await settle();

  /** Every element whose own text (its text children) is exactly `text` (a string) or matches it (a RegExp). */
  const byText = (text) => [...root.dom.querySelectorAll('*')].filter((el) => (typeof text === 'string' ? ownText(el) === text : text.test(ownText(el))));
  const one = (text) => {
    const found = byText(text);
    if (found.length !== 1) throw new Error(`expected one element reading 「${text}」, found ${found.length}. The page reads:\n${pageText()}`);
    return found[0];
  };
  const pageText = () => visibleText(root.dom);

  function fire(el, type, detail = {}) {
    const target = el.__wxElement;
    if (!target) throw new Error(`<${el.tagName.toLowerCase()}> is not a rendered WXML element`);
    exparser.Event.dispatchEvent(target, exparser.Event.create(type, detail, { bubbles: true, composed: true }));
  }

  return {
    root,
    dom: root.dom,
    page: pageInstance,
    requests,
    unexpected,
    navigations,
    toasts,
    subscribeCalls,
    loginCodes,
    phoneCalls,
    storage: stored,
    wxmlErrors,
    pageText,
    /**
     * What WeChat would not draw: nodes named in "Template `tmpl_<depth>_<name>` not found" that
     * are not inside a hidden (`display: none`) element. Each as `<name> .class-list`.
     */
    undrawn: () => undrawnNodes(pageInstance.data.root, wxmlErrors),
    byText,
    one,
    /** Elements whose class list has `className` (j-component renders classes as `<tag>--<class>`). */
    byClass: (className) => [...root.dom.querySelectorAll('*')].filter((el) => [...el.classList].some((c) => c === className || c.endsWith(`--${className}`))),
    /** A tap, bubbling from `el` through the real bindtap wiring, then lets the page settle. */
    async tap(el) {
      fire(el, 'tap', { x: 0, y: 0 });
      await settle();
    },
    /** Typing into an <input>/<textarea>: WeChat's input event with the whole new value. */
    async type(el, value) {
      fire(el, 'input', { value, cursor: value.length, keyCode: 0 });
      await settle();
    },
    settle,
    /**
     * Closes the page as WeChat does when it is left (onHide, onUnload: Taro unmounts React, so
     * intervals such as a countdown stop) and the DOM, so the test process can end.
     */
    async close() {
      pageInstance.onHide?.();
      pageInstance.onUnload?.();
      await settle();
      root.detach?.();
      window.close();
    },
    /**
     * Waits until `check()` is truthy (the page rendered what was expected), or fails with the
     * page's text. Assert on what arrives after a tap, a request or a timer only through this:
     * `tap` and `type` let the page run for a moment, which a busy machine may not be enough for.
     */
    async until(check, what, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}. The page reads:\n${pageText()}`);
        await settle();
      }
    },
  };
}

/** Lets timers, promises, React's commit and Taro's setData run. */
export async function settle(ms = 30) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

function undrawnNodes(root, wxmlErrors) {
  const missing = new Set(wxmlErrors.map((text) => /Template `tmpl_\d+_([^`]+)` not found/.exec(text)?.[1]).filter(Boolean));
  const found = [];
  const walk = (node, hidden) => {
    if (!node || typeof node !== 'object') return;
    const hiddenHere = hidden || /display:\s*none/.test(node.st ?? '');
    if (missing.has(node.nn) && !hiddenHere) found.push(`<${node.nn}> ${String(node.cl ?? '').trim()}`);
    for (const child of node.cn ?? []) walk(child, hiddenHere);
  };
  walk(root, false);
  return found;
}

function ownText(el) {
  return [...el.childNodes]
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent)
    .join('')
    .trim();
}

function visibleText(el) {
  return [...el.querySelectorAll('*')].map(ownText).filter(Boolean).join(' | ');
}
