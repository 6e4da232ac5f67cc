import type { RequestCategory } from './categories';

/**
 * 未诉先办: what grid leaders find on their daily patrols, reported before anyone complains,
 * under one of the six hats the article gives a grid leader.
 */
export const DUTY_TYPES = [
  'policy_communicator',
  'opinion_collector',
  'dispute_mediator',
  'hygiene_supervisor',
  'affairs_co_manager',
  'hazard_inspector',
] as const;
export type DutyType = (typeof DUTY_TYPES)[number];

export const DUTY_TYPE_LABELS: Record<DutyType, string> = {
  policy_communicator: '政策宣讲员',
  opinion_collector: '村情民意收集员',
  dispute_mediator: '矛盾纠纷化解员',
  hygiene_supervisor: '环境卫生监督员',
  affairs_co_manager: '村级事务协管员',
  hazard_inspector: '安全隐患排查员',
};

/**
 * The category proposed when a leader picks the hat he found something under (he may pick another):
 * a hazard inspector's finding is a 安全隐患, a hygiene supervisor's 环境卫生, a mediator's a
 * 矛盾纠纷. Hats whose findings vary propose 其他. One tap fewer in 未诉先办 (issue 17's burden budget).
 */
export const DUTY_DEFAULT_CATEGORY: Record<DutyType, RequestCategory> = {
  policy_communicator: 'other',
  opinion_collector: 'other',
  dispute_mediator: 'dispute',
  hygiene_supervisor: 'environment',
  affairs_co_manager: 'other',
  hazard_inspector: 'safety',
};
