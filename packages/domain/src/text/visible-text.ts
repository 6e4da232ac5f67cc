/**
 * Characters that render nothing: white space of every kind, format characters (category Cf:
 * zero-width space U+200B, word joiner U+2060, BOM U+FEFF, soft hyphen, tags…), variation
 * selectors, the other default-ignorable code points (Hangul fillers, combining grapheme joiner)
 * and the blank Braille pattern U+2800. `trim()` knows only the first kind (and U+FEFF).
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Variation_Selector}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** What a reader sees of `text`: every character that renders nothing removed. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Blank: nothing a reader can see. The one rule every free-text field is held to. */
export function isBlankText(text: string | null | undefined): boolean {
  return text === null || text === undefined || visibleText(text) === '';
}

/** Free text as stored: trimmed, or null when there is nothing to see (an optional field left blank). */
export function textOrNull(text: string | null | undefined): string | null {
  return isBlankText(text) ? null : text!.trim();
}
