/** What a matter is about. A town may send a category straight to one of its departments. */
export const REQUEST_CATEGORIES = ['environment', 'infrastructure', 'dispute', 'labour', 'safety', 'social', 'other'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const REQUEST_CATEGORY_LABELS: Record<RequestCategory, string> = {
  environment: '环境卫生',
  infrastructure: '基础设施',
  dispute: '矛盾纠纷',
  labour: '劳动保障',
  safety: '安全隐患',
  social: '民生保障',
  other: '其他',
};

/** The category named by its Chinese label or its code (a 12345 spreadsheet may use either); null if neither. */
export function categoryFromText(text: string): RequestCategory | null {
  const wanted = text.trim();
  for (const category of REQUEST_CATEGORIES) if (category === wanted || REQUEST_CATEGORY_LABELS[category] === wanted) return category;
  return null;
}

/**
 * How hard a category usually is, proposed when the handler accepts a matter; choosing otherwise
 * needs a reason. Wage arrears and disputes take investigation and a second party.
 */
export const CATEGORY_DEFAULT_COMPLEXITY: Record<RequestCategory, 'simple' | 'complex'> = {
  environment: 'simple',
  infrastructure: 'simple',
  dispute: 'complex',
  labour: 'complex',
  safety: 'simple',
  social: 'simple',
  other: 'simple',
};
