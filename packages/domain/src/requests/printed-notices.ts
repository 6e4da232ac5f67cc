/**
 * Printed notices (催办通知书, 督办通知单): the paper the hotline office sends a unit when it urges
 * or supervises a matter. Each carries a number per town, kind and year (台头镇督〔2026〕12号),
 * what is required and the working day by which the unit must reply. The urge and supervise rows of
 * the workflow table name their notice (`printedNotice`); the API numbers one in the step's
 * transaction and keeps it with the step.
 */

/** What a step's notice is: its title, the character of its number, and what it asks by default. */
export interface PrintedNoticeRule {
  /** The kind, as the number counter and the notice row store it. */
  kind: PrintedNoticeKind;
  /** The paper's title. */
  title: string;
  /** The character in its number: 台头镇催〔2026〕3号. */
  mark: string;
  /** Working days the unit has to reply when the step gives none. */
  replyDays: number;
  /** What is required when the step says nothing of it. */
  requirement: string;
}

export const PRINTED_NOTICE_KINDS = ['urge', 'supervise'] as const;
export type PrintedNoticeKind = (typeof PRINTED_NOTICE_KINDS)[number];

export const PRINTED_NOTICES: Readonly<Record<PrintedNoticeKind, PrintedNoticeRule>> = {
  urge: {
    kind: 'urge',
    title: '催办通知书',
    mark: '催',
    replyDays: 2,
    requirement: '请抓紧办理，并在回复期限前将办理进展报镇热线办。',
  },
  supervise: {
    kind: 'supervise',
    title: '督办通知单',
    mark: '督',
    replyDays: 3,
    requirement: '请按督办要求限期办结，并在回复期限前书面报告办理结果；逾期未办结的，将按规定通报。',
  },
};

/** The most working days a notice may give (a month of them). */
export const MAX_REPLY_DAYS = 20;
/** The longest requirement a notice carries (it must fit on its page). */
export const MAX_REQUIREMENT_LENGTH = 500;

/**
 * The town's short name for numbers: the town's own name (台头镇); a name with a county before it
 * (静海区台头镇) keeps only what follows the last 区, 县 or 市.
 */
export function townShortName(townName: string): string {
  const name = townName.trim();
  const cut = Math.max(name.lastIndexOf('区'), name.lastIndexOf('县'), name.lastIndexOf('市'));
  const rest = cut >= 0 ? name.slice(cut + 1) : name;
  return rest.length > 0 ? rest : name;
}

/** A notice's number as it is printed: 台头镇督〔2026〕12号. */
export function noticeNumberText(townName: string, kind: PrintedNoticeKind, year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) throw new Error(`a notice's serial is a whole number from 1, got ${serial}`);
  return `${townShortName(townName)}${PRINTED_NOTICES[kind].mark}〔${year}〕${serial}号`;
}

/**
 * What a notice asks, from what the step gave: the requirement (blank: the kind's default) and the
 * working days to reply (none: the kind's default). A refusal names the field.
 */
export function noticeTerms(
  kind: PrintedNoticeKind,
  given: { requirement?: string | null; replyDays?: number | null },
): { requirement: string; replyDays: number } | { refused: 'replyDays' | 'requirement' } {
  const rule = PRINTED_NOTICES[kind];
  const requirement = given.requirement?.trim() ? given.requirement.trim() : rule.requirement;
  if (requirement.length > MAX_REQUIREMENT_LENGTH) return { refused: 'requirement' };
  const replyDays = given.replyDays ?? rule.replyDays;
  if (!Number.isInteger(replyDays) || replyDays < 1 || replyDays > MAX_REPLY_DAYS) return { refused: 'replyDays' };
  return { requirement, replyDays };
}
