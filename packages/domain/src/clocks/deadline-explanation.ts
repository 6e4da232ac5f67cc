// 「怎么算的？」: how a matter's deadlines were counted, in lines a villager reads. Built from the
// same calendar walk and clock functions that set the deadlines (contactDueFrom, stepChanges), so
// the date it ends on is the date that was stored (deadline-explanation.test.ts checks thousands).
import { chinaDayNumberOf, chinaMinuteOfDay, formatDayNumber, weekdayOf, type ChinaDayNumber } from '../calendar/china-time';
import { contactClockStartsAt, contactDeadline, DEFAULT_SERVICE_HOURS, type WalkedDay } from '../calendar/sla-clocks';
import { bundledWorkingCalendar, type WorkingCalendar } from '../calendar/working-calendar';
import { extensionDaysBetween } from '../requests/extensions';
import { COMPLETION_WORKING_DAYS, COMPLEXITY_LABELS, CONTACT_MINUTES, governingDeadline, type Complexity } from '../requests/sla';

/** What the matter carries about its clocks (the request detail has every field). */
export interface DeadlineFacts {
  /** When the matter was received (createdAt): the completion clock counts from here. */
  receivedAt: Date;
  /** When the contact clock last started: receivedAt, or the last 转办 (which starts it again). */
  contactStartedAt?: Date;
  /** The stored deadlines, to say so when they were changed since (not what these rules give). */
  contactDueAt: Date;
  completionDueAt: Date | null;
  complexity: Complexity | null;
  /** A 12345 order's city deadline (办理时限). */
  cityDueAt: Date | null;
  /** Extensions granted (延期), oldest first: the deadline each set and the reason the requester was given. */
  extensions?: readonly GrantedExtension[];
}

export interface GrantedExtension {
  dueAt: Date;
  reason: string | null;
}

export interface DeadlineExplanation {
  /** Plain Chinese, one fact a line, in the order the clocks ran. */
  lines: string[];
  /** The deadlines the lines end on (the rules' result, the city's included). */
  contactDueAt: Date;
  completionDueAt: Date | null;
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function dateParts(day: ChinaDayNumber): { month: number; date: number } {
  const [, month, date] = formatDayNumber(day).split('-').map(Number) as [number, number, number];
  return { month, date };
}

/** 12月4日（周五） */
function dayText(day: ChinaDayNumber): string {
  const { month, date } = dateParts(day);
  return `${month}月${date}日（${WEEKDAY_NAMES[weekdayOf(day)]}）`;
}

/** 16:20, 8:00 */
function clockText(instant: Date): string {
  const minutes = chinaMinuteOfDay(instant);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 08:00 → 8:00, as people write it. */
function hourText(hhmm: string): string {
  return hhmm.replace(/^0/, '');
}

/** 12月4日（周五）16:20; a deadline at midnight ends the day before: 12月7日（周一）24:00. */
function momentText(instant: Date): string {
  const day = chinaDayNumberOf(instant);
  if (chinaMinuteOfDay(instant) === 0) return `${dayText(day - 1)}24:00`;
  return `${dayText(day)}${clockText(instant)}`;
}

/** Days as 「12月5日、6日」 (two) or 「1月1日至3日」 (a run); the month once when it does not change. */
function daysText(first: ChinaDayNumber, last: ChinaDayNumber): string {
  const a = dateParts(first);
  const b = dateParts(last);
  const from = `${a.month}月${a.date}日`;
  if (first === last) return from;
  const to = a.month === b.month ? `${b.date}日` : `${b.month}月${b.date}日`;
  return `${from}${last - first === 1 ? '、' : '至'}${to}`;
}

function isWeekend(day: ChinaDayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** The holiday's Chinese name from chinese-days' note ("New Year's Day,元旦,1"); an override's note is not shown. */
function holidayName(note: string | undefined): string | null {
  const name = note?.split(',')[1]?.trim();
  return name && /[\u4e00-\u9fff]/.test(name) ? name : null;
}

/** Why a day off is off: a named holiday, a holiday, or the weekend. */
function offReason(calendar: WorkingCalendar, day: ChinaDayNumber): string {
  const note = calendar.exceptionNote(formatDayNumber(day));
  if (note === undefined) return 'weekend';
  return holidayName(note) ?? 'holiday';
}

/** The lines for the days the working-day clock walked: days off by run, make-up days, days counted. */
function walkLines(calendar: WorkingCalendar, days: readonly WalkedDay[]): string[] {
  const lines: string[] = [];
  const counted: ChinaDayNumber[] = [];
  let index = 0;
  while (index < days.length) {
    const walked = days[index]!;
    if (walked.working) {
      counted.push(walked.day);
      if (isWeekend(walked.day) && calendar.exceptionNote(formatDayNumber(walked.day)) !== undefined) {
        lines.push(`${dayText(walked.day)}调休上班，算工作日`);
      }
      index += 1;
      continue;
    }
    const reason = offReason(calendar, walked.day);
    let end = index;
    while (end + 1 < days.length && !days[end + 1]!.working && offReason(calendar, days[end + 1]!.day) === reason) end += 1;
    const span = daysText(walked.day, days[end]!.day);
    if (reason === 'weekend') lines.push(`${span}是周末，不算`);
    else if (reason === 'holiday') lines.push(`${span}放假，不算`);
    else lines.push(`${reason}假期${span}不算`);
    index = end + 1;
  }
  lines.push(`算的工作日：${counted.map(dayText).join('、')}`);
  return lines;
}

/** The city's deadline beside the town's: which one governs, in words. */
function cityLine(cityDueAt: Date, townDueAt: Date): string {
  const governs = cityDueAt.getTime() < townDueAt.getTime();
  return `市12345要求${momentText(cityDueAt)} 前办结，${governs ? '比镇里的期限早，以市里的为准' : '镇里的期限更早，按镇里的办'}`;
}

function changedLine(stored: Date, explained: Date): string[] {
  return stored.getTime() === explained.getTime() ? [] : [`这件事的期限后来调整过，以${momentText(stored)} 为准`];
}

function contactLines(facts: DeadlineFacts): { lines: string[]; dueAt: Date } {
  const startedAt = facts.contactStartedAt ?? facts.receivedAt;
  const startsAt = contactClockStartsAt(startedAt);
  const townDueAt = contactDeadline(startedAt, CONTACT_MINUTES);
  const dueAt = governingDeadline(townDueAt, facts.cityDueAt);
  const [opens, closes] = [hourText(DEFAULT_SERVICE_HOURS.start), hourText(DEFAULT_SERVICE_HOURS.end)];
  const lines = [`收到后${CONTACT_MINUTES / 60}小时内先联系，只算每天${opens}至${closes}的服务时间`];
  if (startedAt.getTime() !== facts.receivedAt.getTime()) lines.push(`${momentText(startedAt)} 转给新的办理单位，联系重新计时`);
  if (startsAt.getTime() !== startedAt.getTime()) lines.push(`不在服务时间内，从${momentText(startsAt)} 开始算`);
  if (chinaDayNumberOf(townDueAt) !== chinaDayNumberOf(startsAt)) lines.push(`${closes}后停表，第二天${opens}接着算`);
  if (facts.cityDueAt && dueAt.getTime() !== townDueAt.getTime()) lines.push(cityLine(facts.cityDueAt, townDueAt));
  // The stored contact deadline is the town's (the city's is kept apart): compare like with like.
  lines.push(`应在${momentText(dueAt)} 前联系`, ...changedLine(facts.contactDueAt, townDueAt));
  return { lines, dueAt };
}

function completionLines(facts: DeadlineFacts, complexity: Complexity, calendar: WorkingCalendar): { lines: string[]; dueAt: Date } {
  const workingDays = COMPLETION_WORKING_DAYS[complexity];
  const walk = calendar.workingDeadlineWalk(facts.receivedAt, workingDays);
  const dueAt = governingDeadline(walk.deadline, facts.cityDueAt);
  const lines = [`${COMPLEXITY_LABELS[complexity].replace(/（.*$/, '')}：${workingDays}个工作日内办好，从收到时算起，只算工作日`];
  if (!walk.days[0]!.working) {
    const firstWorking = walk.days.find((walked) => walked.working)!.day;
    lines.push(`收到那天不是工作日，从${dayText(firstWorking)}0:00 开始算`);
  }
  lines.push(...walkLines(calendar, walk.days));
  if (facts.cityDueAt) lines.push(cityLine(facts.cityDueAt, walk.deadline));
  lines.push(`应在${momentText(dueAt)} 前办好`);
  const extended = extensionLines(dueAt, facts.extensions ?? [], calendar);
  lines.push(...extended.lines);
  if (facts.completionDueAt) lines.push(...changedLine(facts.completionDueAt, extended.dueAt));
  return { lines, dueAt: extended.dueAt };
}

/** 经批准延期2个工作日（理由：…），应在…前办好: one line an extension, each counted on from the deadline before it. */
function extensionLines(dueAt: Date, extensions: readonly GrantedExtension[], calendar: WorkingCalendar): { lines: string[]; dueAt: Date } {
  const lines: string[] = [];
  let current = dueAt;
  for (const extension of extensions) {
    const days = extensionDaysBetween(current, extension.dueAt, calendar);
    const counted = days === null ? '经批准延期' : `经批准延期${days}个工作日`;
    lines.push(`${counted}${extension.reason ? `（理由：${extension.reason}）` : ''}，应在${momentText(extension.dueAt)} 前办好`);
    current = extension.dueAt;
  }
  return { lines, dueAt: current };
}

/**
 * How the matter's deadlines were counted: received at; first contact (service hours); once its
 * complexity is set, the working days counted with the weekends, holidays and make-up days (调休) on
 * the way; a 12345 order's city deadline and whether it governs. `calendar`: the bundled data
 * unless the caller has its own (the API's runtime overrides).
 */
export function explainDeadlines(facts: DeadlineFacts, calendar: WorkingCalendar = bundledWorkingCalendar()): DeadlineExplanation {
  const contact = contactLines(facts);
  const lines = [`${momentText(facts.receivedAt)} 收到`, ...contact.lines];
  if (facts.complexity === null) {
    lines.push(`联系后定为${COMPLEXITY_LABELS.simple}或${COMPLEXITY_LABELS.complex}，再算办好的期限`);
    return { lines, contactDueAt: contact.dueAt, completionDueAt: null };
  }
  const completion = completionLines(facts, facts.complexity, calendar);
  lines.push(...completion.lines);
  return { lines, contactDueAt: contact.dueAt, completionDueAt: completion.dueAt };
}
