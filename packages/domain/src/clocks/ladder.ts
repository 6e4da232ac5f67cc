/**
 * The escalation ladder's rungs and their names, on their own (no calendar): the mini-program
 * shows them on the overdue board without loading the holiday calendar that clock-rules needs.
 */

/** Who hears of an overdue matter, in order: its handlers first, then up the tree. */
export const LADDER_RUNGS = ['handler', 'large_grid_head', 'village_secretary', 'hotline_staff', 'town_leader'] as const;
export type LadderRung = (typeof LADDER_RUNGS)[number];

export const LADDER_RUNG_LABELS: Record<LadderRung, string> = {
  handler: '承办人',
  large_grid_head: '大网格总支负责人',
  village_secretary: '村支部书记',
  hotline_staff: '镇热线办',
  town_leader: '镇领导',
};
