import { unixSeconds } from '../clock';
import { parseJsonObject } from '../json';
import type { FakeState } from '../state/fake-state';
import { wechatError } from './errors';
import { replyOk, type WechatReply, type WechatRequest } from './wechat-request';
import { drawWxaCode } from './wxa-code-image';

/** WeChat's rule for scene: at most 32 visible characters from digits, letters and !#$&'()*+,/:;=?@-._~ */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;
const MAX_SCENE = 32;
const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);
const MIN_WIDTH = 280;
const MAX_WIDTH = 1280;
const DEFAULT_WIDTH = 430;
const HOME_PAGE = 'pages/index/index';

/**
 * POST /wxa/getwxacodeunlimit?access_token (getUnlimitedQRCode); the token is checked before.
 * Success is the picture itself (image/jpeg); failure is WeChat's JSON error, HTTP 200 as ever.
 * With check_path (true unless false is given) the page must be one the fake counts as published.
 */
export function handleWxaCodeUnlimit(state: FakeState, request: WechatRequest): WechatReply {
  const now = unixSeconds(state.clock);
  const body = parseJsonObject(request.rawBody);
  if (body === undefined) return replyOk(wechatError(47001, now));
  const scene = body['scene'];
  if (typeof scene !== 'string' || scene === '' || scene.length > MAX_SCENE) return replyOk(wechatError(40169, now));
  if (!SCENE_CHARS.test(scene)) return replyOk(wechatError(40129, now));
  const page = body['page'] ?? HOME_PAGE;
  const envVersion = body['env_version'] ?? 'release';
  if (typeof envVersion !== 'string' || !ENV_VERSIONS.has(envVersion)) return replyOk(wechatError(40097, now));
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return replyOk(wechatError(41030, now));
  if (page.includes('scancode_time')) return replyOk(wechatError(85096, now));
  const checkPath = body['check_path'] !== false;
  if (checkPath && !state.publishedPages.has(page)) return replyOk(wechatError(41030, now));
  const width = body['width'] ?? DEFAULT_WIDTH;
  if (typeof width !== 'number' || !Number.isFinite(width)) return replyOk(wechatError(47001, now));
  // WeChat draws out-of-range widths at its nearest limit rather than refusing them.
  const size = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
  state.wxaCodes.push({ scene, page, envVersion, width: size });
  return { status: 200, image: { contentType: 'image/jpeg', data: drawWxaCode({ scene, page, envVersion, width: size }) } };
}
