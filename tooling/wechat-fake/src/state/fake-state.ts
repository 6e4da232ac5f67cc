import type { Clock } from '../clock';
import { CallCounter } from './call-counter';
import { DEFAULT_CONTENT_WORDS, type ContentWords } from './content-words';
import { FaultQueue } from './fault-queue';
import { LoginStore } from './login-store';
import { PhoneStore } from './phone-store';
import { SubscribeStore } from './subscribe-store';
import { AccessTokenStore } from './token-store';
import type { WxaCodeContent } from '../wechat/wxa-code-image';

/** Pages a published mini-program has, for getwxacodeunlimit's check_path (the fake starts with the home page). */
export const DEFAULT_PUBLISHED_PAGES = ['pages/index/index'];

export interface FakeStateConfig {
  appid: string;
  secret: string;
  clock: Clock;
  accessTokenTtlMs: number;
  codeTtlMs: number;
  /** Paths faults may target: the faked WeChat endpoints. */
  wechatPaths: ReadonlySet<string>;
}

/** Everything the fake remembers between calls; one instance per fake server. */
export class FakeState {
  readonly appid: string;
  readonly secret: string;
  readonly clock: Clock;
  readonly logins: LoginStore;
  readonly phones: PhoneStore;
  readonly tokens: AccessTokenStore;
  readonly subscriptions = new SubscribeStore();
  readonly faults: FaultQueue;
  readonly calls = new CallCounter();
  contentWords: ContentWords = copyWords(DEFAULT_CONTENT_WORDS);
  publishedPages = new Set(DEFAULT_PUBLISHED_PAGES);
  /** Every mini-program code drawn, oldest first. */
  readonly wxaCodes: WxaCodeContent[] = [];

  constructor(config: FakeStateConfig) {
    this.appid = config.appid;
    this.secret = config.secret;
    this.clock = config.clock;
    this.logins = new LoginStore(config.clock, config.codeTtlMs);
    this.phones = new PhoneStore(config.clock, config.codeTtlMs);
    this.tokens = new AccessTokenStore(config.clock, config.accessTokenTtlMs);
    this.faults = new FaultQueue(config.wechatPaths);
  }

  reset(): void {
    this.logins.reset();
    this.phones.reset();
    this.tokens.reset();
    this.subscriptions.reset();
    this.faults.clear();
    this.calls.reset();
    this.contentWords = copyWords(DEFAULT_CONTENT_WORDS);
    this.publishedPages = new Set(DEFAULT_PUBLISHED_PAGES);
    this.wxaCodes.length = 0;
  }
}

export function copyWords(words: Readonly<ContentWords>): ContentWords {
  return { risky: [...words.risky], review: [...words.review] };
}
