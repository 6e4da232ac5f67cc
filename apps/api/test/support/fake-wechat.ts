import { createFakeWechat, FakeWechat } from '@gridloop/wechat-fake';
import type { WechatConfig } from '../../src/config/app-config';

export const TEST_APPID = 'wx00000000000test1';
export const TEST_SECRET = 'test-secret';

/** The local fake of WeChat's server API, on a free port, and the API settings that point at it. */
export async function startFakeWechat(): Promise<{ fake: FakeWechat; wechat: WechatConfig }> {
  const fake = createFakeWechat({ appid: TEST_APPID, secret: TEST_SECRET });
  // As a released mini-program: its desk sign-in page exists (getwxacodeunlimit checks the page).
  fake.publishPages(['pages/index/index', 'pages/desk-sign-in/index']);
  const apiBase = await fake.listen(0);
  return { fake, wechat: { apiBase, appid: TEST_APPID, secret: TEST_SECRET } };
}
