// WeChat subscribe-message field values, cut to WeChat's limits so that a send never fails on
// length or characters (errcode 47003). The rules are WeChat's "订阅消息参数值内容限制说明" table
// for subscribeMessage.send, by the key's type prefix ("thing1" is a `thing`). Lengths count
// characters as code points, so a Chinese character (or an emoji) counts as one.
// ES2019 only (no ?. or ??): this file also ships to the mini-program.

export const SUBSCRIBE_FIELD_TYPES = [
  'thing', // ≤ 20 characters: Chinese, letters, digits, symbols
  'number', // ≤ 32 digits (a decimal point allowed)
  'letter', // ≤ 32 letters
  'symbol', // ≤ 5 symbols
  'character_string', // ≤ 32 letters, digits and symbols (no Chinese)
  'time', // "15:01" or "2019年10月1日 15:01"
  'date', // "2019年10月1日" or "2019年10月1日 15:01"
  'amount', // a number with ≤ 10 digits before the point and ≤ 2 after
  'phone_number', // ≤ 17 digits and + - ( ) spaces
  'car_number', // ≤ 8 characters
  'name', // ≤ 10 characters with Chinese, ≤ 20 letters without
  'phrase', // ≤ 5 Chinese characters
] as const;
export type SubscribeFieldType = (typeof SUBSCRIBE_FIELD_TYPES)[number];

const KEY_PATTERN = /^([a-z_]+?)(\d+)$/;
const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
// Control and format characters, line and paragraph separators, lone surrogates: never sent.
const UNSENDABLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;
const CHINA_UTC_OFFSET_MS = 8 * 3600 * 1000;

/** "thing12" → "thing", "character_string3" → "character_string"; null for anything else. */
export function subscribeFieldType(key: string): SubscribeFieldType | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const type = match[1] as SubscribeFieldType;
  return (SUBSCRIBE_FIELD_TYPES as readonly string[]).indexOf(type) >= 0 ? type : null;
}

/** An instant as WeChat's `time` fields show it, in China time: "2026年11月25日 09:30". */
export function formatChinaMinute(instant: Date): string {
  const t = new Date(instant.getTime() + CHINA_UTC_OFFSET_MS);
  const pad = (n: number) => (n < 10 ? '0' + n : String(n));
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/**
 * The value to send for template key `key` (e.g. "thing1"): cleaned (no control characters,
 * whitespace runs as one space), reduced to the characters the type allows, cut to its length,
 * never empty (WeChat refuses an empty value). A Date becomes China time (formatChinaMinute).
 * Throws for a key that is not one of WeChat's types: configuration is checked with
 * subscribeFieldType at boot, so this never happens on a send.
 */
export function fitSubscribeField(key: string, value: string | Date): string {
  const type = subscribeFieldType(key);
  if (type === null) throw new RangeError(`"${key}" is not a WeChat subscribe-message key (thing1, time2, phrase3, …)`);
  const text = clean(value instanceof Date ? formatChinaMinute(value) : value);
  switch (type) {
    case 'thing':
      return cut(text, 20, true) || '无';
    case 'time':
    case 'date':
      return cut(text, 20, false) || (value instanceof Date ? formatChinaMinute(value) : '-');
    case 'character_string':
      return cut(keep(text, /[\x21-\x7e ]/), 32, false) || '-';
    case 'number':
      return cut(numberPart(text), 32, false) || '0';
    case 'letter':
      return cut(keep(text, /[A-Za-z]/), 32, false) || 'N';
    case 'symbol':
      return cut(keep(text, /[^\p{L}\p{N}\s]/u), 5, false) || '-';
    case 'amount':
      return amountPart(text) || '0';
    case 'phone_number':
      return cut(keep(text, /[0-9+\-() ]/), 17, false) || '-';
    case 'car_number':
      return cut(text, 8, false) || '-';
    case 'name':
      return (HAN.test(text) ? cut(text, 10, false) : cut(text, 20, false)) || '无';
    case 'phrase':
      return cut((text.match(HAN_ALL) || []).join(''), 5, false) || '无';
  }
}

function clean(value: string): string {
  return String(value).replace(UNSENDABLE, ' ').replace(/\s+/gu, ' ').trim();
}

/** The first `max` code points, trimmed; with `ellipsis`, a cut text ends in "…" (still `max` long). */
function cut(text: string, max: number, ellipsis: boolean): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text.trim();
  return ellipsis
    ? chars
        .slice(0, max - 1)
        .join('')
        .trim() + '…'
    : chars.slice(0, max).join('').trim();
}

function keep(text: string, allowed: RegExp): string {
  return Array.from(text)
    .filter((c) => allowed.test(c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first number in the text: "诉求 #123" → "123", "1.50元" → "1.50". */
function numberPart(text: string): string {
  const match = /\d+(\.\d+)?/.exec(text);
  return match ? match[0] : '';
}

function amountPart(text: string): string {
  const match = /(\d+)(\.(\d+))?/.exec(text);
  if (!match) return '';
  const whole = String(Number((match[1] as string).slice(0, 10)));
  const fraction = match[3] ? (match[3] as string).slice(0, 2) : '';
  return fraction ? `${whole}.${fraction}` : whole;
}
