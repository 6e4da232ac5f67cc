// @gridloop/wechat-fake: a local fake of WeChat's server API (real paths, bodies and error codes) with a
// test-only control surface, for the API's tests and the offline demo. See docs/wechat-fake.md.
export { createFakeWechat, type FakeWechat, type FakeWechatCall, type FakeWechatOptions } from './fake-wechat';
export type { FakeWechatControlSurface } from './control/controls';
export { CONTROL_PREFIX } from './control/control-routes';
export { decryptWechatPayload, encryptWechatPayload, type EncryptedPayload } from './payload-crypto';
export { WECHAT_ERRMSG, type WechatErrcode, type WechatErrorBody } from './wechat/errors';
export { WECHAT_PATHS } from './wechat/routes';
export { ControlInputError } from './state/control-input-error';
export type { LoginCodeGrant, LoginInput } from './state/login-store';
export type { FaultSpec } from './state/fault-queue';
export type { SentSubscribeMessage, SubscribeGrantInput } from './state/subscribe-store';
export { DEFAULT_CONTENT_WORDS, type ContentWords, type ContentSuggest } from './state/content-words';
export type { JsonObject, JsonValue } from './json';
export { readWxaCode, type WxaCodeContent } from './wechat/wxa-code-image';
