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
