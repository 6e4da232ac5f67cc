/**
 * What the API accepts as text. Control characters nobody types (C0 but tab, LF and CR; DEL)
 * and lone surrogates (half an emoji, cut by a careless client) are refused wherever text comes
 * in: they cannot be shown, and a database either mangles them into U+FFFD or rejects them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isCleanText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/**
 * Length in characters as the database counts them (code points). class-validator's MaxLength
 * counts fewer: it skips variation selectors (U+FE0E, U+FE0F), so "x\uFE0F" × 200 passes
 * MaxLength(200) with 400 characters, more than a VARCHAR(200) holds.
 */
export function charCount(value: string): number {
  return [...value].length;
}
