import { afterAll, beforeAll } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import type { ManualClock } from '../../src/common/clock';
import type { WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from './fake-wechat';
import { useAppUnderTest, type AppUnderTest } from './test-app';

/**
 * For a describe block of the office practices' end-to-end tests: the app on a manual clock, its
 * villagers signing in through the fake WeChat (wechatVillager), its staff by the demo sign-in,
 * the demo county seeded. `fake()` is the fake, once the block's beforeAll has started it.
 */
export function useWechatAppOnClock(clock: ManualClock): { under: AppUnderTest; fake(): FakeWechat } {
  let fake: FakeWechat | undefined;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({ wechat, clock, demoLogin: true }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));
  return {
    under,
    fake() {
      if (!fake) throw new Error('the fake WeChat starts in beforeAll');
      return fake;
    },
  };
}
