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
