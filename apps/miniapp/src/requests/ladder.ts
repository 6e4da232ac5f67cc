// Deep import: only the ladder (the package index would bring in the holiday calendar).
import { LADDER_RUNG_LABELS, LADDER_RUNGS } from '@gridloop/domain/dist/clocks/ladder';

export { LADDER_RUNG_LABELS, LADDER_RUNGS };

/** How far up the escalation ladder an overdue matter has climbed (1 承办人 … 5 镇领导), in words. */
export function rungText(rung: number): string {
  const name = LADDER_RUNGS[rung - 1];
  if (name) return `已通知到第 ${rung} 级：${LADDER_RUNG_LABELS[name]}`;
  return rung > 0 ? `已通知到第 ${rung} 级` : '刚超时，还没有通知';
}
