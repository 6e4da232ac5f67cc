import { isJsonObject, type JsonValue } from '../json';

// Value rules for subscribe-message template fields, by the key's type prefix (key "thing1" has type
// "thing"), from the "订阅消息参数值内容限制说明" table of subscribeMessage.send. Lengths count characters
// (code points), so a Chinese character counts as one.

const CJK = /\p{Script=Han}/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

type Rule = (value: string) => boolean;

const RULES: Record<string, Rule> = {
  // Up to 20 characters: Chinese, digits, letters or symbols.
  thing: (value) => length(value) <= 20,
  // Up to 32 digits, letters or symbols (no Chinese).
  character_string: (value) => length(value) <= 32 && PRINTABLE_ASCII.test(value),
  // Up to 5 characters (WeChat says Chinese characters; this fake checks only the length).
  phrase: (value) => length(value) <= 5,
  // Up to 10 Chinese characters, or up to 20 letters/symbols when there is no Chinese.
  name: (value) => (CJK.test(value) ? length(value) <= 10 : length(value) <= 20),
  // Up to 17 digits and symbols (+86-...).
  phone_number: (value) => length(value) <= 17 && /^[0-9+\-() ]+$/.test(value),
};

function length(value: string): number {
  return Array.from(value).length;
}

/** "thing12" → "thing", "character_string3" → "character_string". */
export function fieldType(key: string): string {
  return key.replace(/\d+$/, '');
}

/** Coerces a field value as WeChat does: strings and numbers are accepted ("value": any in the docs). */
function fieldValue(entry: JsonValue | undefined): string | undefined {
  if (!isJsonObject(entry)) return undefined;
  const value = entry['value'];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * The 47003 errmsg for template data that WeChat would refuse, or undefined when it is acceptable.
 * WeChat names the first bad field: "argument invalid! data.thing1.value is empty" / "... invalid".
 */
export function templateDataProblem(data: JsonValue | undefined): string | undefined {
  if (!isJsonObject(data) || Object.keys(data).length === 0) return 'argument invalid! data is empty';
  for (const [key, entry] of Object.entries(data)) {
    const value = fieldValue(entry);
    if (value === undefined || value.trim() === '') return `argument invalid! data.${key}.value is empty`;
    const rule = RULES[fieldType(key)];
    if (rule !== undefined && !rule(value)) return `argument invalid! data.${key}.value invalid`;
  }
  return undefined;
}
