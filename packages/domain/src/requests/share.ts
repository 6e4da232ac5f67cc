import { chinaTimeText } from '../calendar/china-time';

/**
 * What a requester may share of a matter (a WeChat card, a copied text): the kind of matter, the
 * village or grid it is in, its state and when it was raised. Never the text, the place, photos,
 * names or phone numbers; and nothing at all of a confidential (保密) matter.
 */
export interface ShareSource {
  confidential: boolean;
  /** 环境卫生, … (REQUEST_CATEGORY_LABELS) */
  categoryLabel: string;
  /** The village or small grid it belongs to. */
  unitName: string;
  /** 待联系, 办理中, … */
  stateLabel: string;
  /** When it was raised. */
  createdAt: Date;
}

export interface RequestShare {
  /** The card's title: one line. */
  title: string;
  /** The copyable text: the same facts, one a line. */
  text: string;
}

/** The share of a matter, or null when it must not be shared (保密). */
export function requestShare(request: ShareSource): RequestShare | null {
  if (request.confidential) return null;
  const time = chinaTimeText(request.createdAt);
  return {
    title: `${request.unitName}：${request.categoryLabel}的事，${request.stateLabel}`,
    text: [`网格通 · 有事找网格`, `${request.unitName}反映的${request.categoryLabel}问题`, `进展：${request.stateLabel}`, `反映时间：${time}`].join('\n'),
  };
}
