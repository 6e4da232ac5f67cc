/** Where a matter came from; the reports count them apart (未诉先办 above all). */
export const REQUEST_SOURCES = ['villager', 'patrol', 'hotline_12345', 'staff', 'proxy'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];

export const REQUEST_SOURCE_LABELS: Record<RequestSource, string> = {
  villager: '群众反映',
  patrol: '未诉先办',
  hotline_12345: '12345热线',
  staff: '热线办代录',
  proxy: '网格代办',
};

/**
 * Sources one person sends on their own, counted toward their hourly limit
 * (REQUEST_HOURLY_LIMIT_PER_PERSON): a villager's own matters, and a grid leader's 代办 and patrol
 * reports (typed on one phone like a villager's; 代办 files matters in other people's names and
 * patrol reports raise the grid's own 未诉先办 count). Calls entered by hotline staff and 12345
 * orders are the office's work, whatever their number: never limited.
 */
export const HOURLY_LIMITED_SOURCES: readonly RequestSource[] = ['villager', 'proxy', 'patrol'];
