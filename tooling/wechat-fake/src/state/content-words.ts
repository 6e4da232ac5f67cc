import { ControlInputError } from './control-input-error';

/** Word lists that stand in for WeChat's content model: any hit decides the verdict. */
export interface ContentWords {
  risky: string[];
  review: string[];
}

export const DEFAULT_CONTENT_WORDS: Readonly<ContentWords> = Object.freeze({
  risky: ['违禁测试词'],
  review: ['待审测试词'],
});

export type ContentSuggest = 'pass' | 'review' | 'risky';

export interface ContentVerdict {
  suggest: ContentSuggest;
  /** WeChat's label enum: 100 normal, 20006 illegal/crime, 21000 other. */
  label: number;
  /** The word that decided the verdict, if any. */
  keyword?: string;
}

/** Label used for a risky hit (20006 违法犯罪) and for a review hit (21000 其他). */
export const RISKY_LABEL = 20006;
export const REVIEW_LABEL = 21000;
export const NORMAL_LABEL = 100;

export function judgeContent(content: string, words: ContentWords): ContentVerdict {
  // Risky outranks review, as WeChat's combined result takes the most severe strategy.
  const risky = words.risky.find((word) => content.includes(word));
  if (risky !== undefined) return { suggest: 'risky', label: RISKY_LABEL, keyword: risky };
  const review = words.review.find((word) => content.includes(word));
  if (review !== undefined) return { suggest: 'review', label: REVIEW_LABEL, keyword: review };
  return { suggest: 'pass', label: NORMAL_LABEL };
}

export function checkedWordList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((word): word is string => typeof word === 'string' && word !== '')) {
    throw new ControlInputError(`${name} must be an array of non-empty strings`);
  }
  return [...value];
}
