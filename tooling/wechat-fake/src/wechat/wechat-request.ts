import type { FakeState } from '../state/fake-state';

/** A call to a faked WeChat path, already read off the socket. */
export interface WechatRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  rawBody: string;
}

export type ReplyBody = Record<string, unknown>;

/** WeChat's JSON answer, or (getwxacodeunlimit's success) a picture. */
export type WechatReply = { status: number; body: ReplyBody } | { status: number; image: { contentType: string; data: Buffer } };

export type WechatHandler = (state: FakeState, request: WechatRequest) => WechatReply;

/** WeChat answers HTTP 200 for its own errors as well as for success. */
export function replyOk(body: ReplyBody): WechatReply {
  return { status: 200, body };
}
