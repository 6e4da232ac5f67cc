/**
 * The moment a period's "open and overdue" is judged at: its end once it has ended, else the
 * moment of reading (never later than the end). A matter due on the 27th is not overdue on the
 * 24th's board; an ended month keeps the meaning it had at its end.
 */
export function judgedAt(period: { end: Date }, now: Date): Date {
  return now.getTime() < period.end.getTime() ? now : period.end;
}
