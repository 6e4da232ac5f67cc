import type { JsonObject } from '../json';
import { ControlInputError } from './control-input-error';

export interface SubscribeGrantInput {
  openid: string;
  template_id: string;
  /** How many one-time acceptances to add (a user who taps "allow" N times); default 1. */
  count?: number;
}

/** One accepted POST /cgi-bin/message/subscribe/send, as the fake recorded it. */
export interface SentSubscribeMessage {
  msgid: number;
  touser: string;
  template_id: string;
  page?: string;
  data: JsonObject;
  miniprogram_state?: string;
  lang?: string;
  /** Milliseconds since the epoch, by the fake's clock. */
  sentAtMs: number;
}

/**
 * One-time subscription grants per (openid, template_id): each accepted send uses one, and a send
 * without one is refused with 43101, the way WeChat treats one-time subscribe messages.
 */
export class SubscribeStore {
  private readonly grants = new Map<string, number>();
  private readonly sent: SentSubscribeMessage[] = [];
  private nextMsgid = 2_000_000_001;

  grant(input: SubscribeGrantInput): number {
    const count = input.count ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 1000) {
      throw new ControlInputError('count must be an integer from 1 to 1000');
    }
    if (input.openid === '' || input.template_id === '') {
      throw new ControlInputError('openid and template_id are required');
    }
    const key = grantKey(input.openid, input.template_id);
    const remaining = (this.grants.get(key) ?? 0) + count;
    this.grants.set(key, remaining);
    return remaining;
  }

  remaining(openid: string, templateId: string): number {
    return this.grants.get(grantKey(openid, templateId)) ?? 0;
  }

  /** Uses one grant; false (and nothing used) when none is left. */
  consume(openid: string, templateId: string): boolean {
    const key = grantKey(openid, templateId);
    const left = this.grants.get(key) ?? 0;
    if (left < 1) return false;
    if (left === 1) this.grants.delete(key);
    else this.grants.set(key, left - 1);
    return true;
  }

  record(message: Omit<SentSubscribeMessage, 'msgid'>): number {
    const msgid = this.nextMsgid;
    this.nextMsgid += 1;
    this.sent.push({ msgid, ...message });
    return msgid;
  }

  messages(): SentSubscribeMessage[] {
    return this.sent.map((message) => ({ ...message }));
  }

  reset(): void {
    this.grants.clear();
    this.sent.length = 0;
  }
}

function grantKey(openid: string, templateId: string): string {
  return `${openid}\u0000${templateId}`;
}
