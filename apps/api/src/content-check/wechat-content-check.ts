import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WechatAccount } from '../auth/wechat-account.entity';
import { CLOCK, type Clock } from '../common/clock';
import { WechatApiClient } from '../wechat/wechat-api.client';
import { WechatTokenService } from '../wechat/wechat-token.service';
import type { ContentCheck, ContentVerdict } from './content-check';

/** msgSecCheck's scene for user text that others will read (1 profile, 2 comment, 3 forum, 4 social log). */
const SCENE_COMMENT = 2;

/**
 * WeChat's msgSecCheck 2.0 (POST /wxa/msg_sec_check, version 2), as the platform expects for
 * user-generated text in a mini-program. It needs the author's openid:
 * - a person with no WeChat account (demo sign-in, someone the hotline typed in) has none, and
 *   their text passes unchecked (WeChat's check is about what WeChat users post);
 * - when WeChat cannot answer (network, timeout, system busy after a retry, any other error),
 *   the text is kept and marked for review ("fail to review"): a villager's matter is never lost
 *   to a WeChat outage, and staff see the flag. Token refresh on 40001/42001 is WechatTokenService's.
 */
@Injectable()
export class WechatContentCheck implements ContentCheck {
  private readonly logger = new Logger('ContentCheck');

  constructor(
    private readonly dataSource: DataSource,
    private readonly wechat: WechatApiClient,
    private readonly tokens: WechatTokenService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(text: string, who: { personId: number }): Promise<ContentVerdict> {
    const openid = await this.openidOf(who.personId);
    if (!openid) return 'pass';
    try {
      return await this.tokens.withAccessToken((token) => this.wechat.msgSecCheck(token, { content: text, openid, scene: SCENE_COMMENT }), this.clock.now());
    } catch (error) {
      this.logger.warn({ personId: who.personId, reason: String((error as Error)?.message ?? error) }, 'content check unavailable: kept for review');
      return 'review';
    }
  }

  /** The person's most recent WeChat identity. */
  private async openidOf(personId: number): Promise<string | null> {
    const account = await this.dataSource
      .getRepository(WechatAccount)
      .findOne({ where: { personId }, order: { id: 'DESC' }, select: { id: true, openid: true } });
    return account?.openid ?? null;
  }
}
