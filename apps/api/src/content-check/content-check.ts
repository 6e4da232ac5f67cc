/** What a content check says about a text: fine, for a person to look at, or not to be published. */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/**
 * The check every user text goes through before it is saved (docs/requests.md, "Photos and the
 * content check"). WechatContentCheck when WeChat is configured, PassThroughContentCheck otherwise.
 */
export interface ContentCheck {
  check(text: string, who: { personId: number }): Promise<ContentVerdict>;
}

export const CONTENT_CHECK = Symbol('CONTENT_CHECK');

/** Without WeChat there is no checker to ask: everything passes. */
export class PassThroughContentCheck implements ContentCheck {
  async check(): Promise<ContentVerdict> {
    return 'pass';
  }
}
