import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isBlankText, textOrNull, visibleText } from './visible-text';

describe('blank text is text nobody can see', () => {
  const blank: [string, string][] = [
    ['empty', ''],
    ['spaces, tabs, new lines', ' \t\r\n '],
    ['ideographic space', '\u3000'],
    ['no-break space', '\u00a0'],
    ['zero-width space', '\u200b'],
    ['zero-width (non-)joiners', '\u200c\u200d'],
    ['word joiner and BOM', '\u2060\ufeff'],
    ['soft hyphen', '\u00ad'],
    ['Mongolian vowel separator', '\u180e'],
    ['left-to-right mark and embedding', '\u200e\u202a\u202c'],
    ['variation selectors', '\ufe0e\ufe0f\u{e0100}'],
    ['tag characters', '\u{e0020}\u{e007f}'],
    ['Hangul fillers', '\u3164\u115f\uffa0'],
    ['combining grapheme joiner', '\u034f'],
    ['blank Braille pattern', '\u2800'],
    ['all of them mixed', ' \u200b\u3000\u2060\ufe0f\ufeff\n'],
  ];
  for (const [name, text] of blank)
    it(`${name} is blank`, () => {
      assert.equal(isBlankText(text), true);
      assert.equal(textOrNull(text), null);
    });

  const seen: [string, string, string][] = [
    ['Chinese', '路灯坏了', '路灯坏了'],
    ['a digit', '0', '0'],
    ['an emoji with its variation selector', '\u2764\ufe0f', '\u2764'],
    ['a zero-width joined emoji', '\u{1f468}\u200d\u{1f469}', '\u{1f468}\u{1f469}'],
    ['text wrapped in invisible characters', '\u200b已处理\ufeff', '已处理'],
    ['punctuation alone', '。', '。'],
  ];
  for (const [name, text, visible] of seen)
    it(`${name} is not blank`, () => {
      assert.equal(isBlankText(text), false);
      assert.equal(visibleText(text), visible);
    });

  it('absent is blank; what is kept is trimmed, never stripped of what it carries', () => {
    assert.equal(isBlankText(undefined), true);
    assert.equal(isBlankText(null), true);
    assert.equal(textOrNull('  村口 '), '村口');
    assert.equal(textOrNull('\u200b已处理'), '\u200b已处理');
  });
});
