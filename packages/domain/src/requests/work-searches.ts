/**
 * 工作台's own-work counts as 诉求检索 filters: the API counts each one as the size of the search
 * below (one query serves the count and the list), and the console's card links to that search.
 * `day` is the China calendar day the counts were taken on (GET /api/me/work says which).
 */
export type WorkSearchKey = 'handling' | 'overdue' | 'dueSoon' | 'dueToday' | 'receivedToday';

/** The fields of searchRequests' filter these use (a subset of its query string). */
export interface WorkSearch {
  /** Being worked on by the units I handle for (待办). */
  handling?: true;
  /** Overdue now (isOverdueAt). */
  overdue?: true;
  /** Reminded and not yet late (urgencyAt says due_soon). */
  dueSoon?: true;
  /** Open, its running clock (runningClock) ending on this China day, passed or not. */
  runningDueOn?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

export const WORK_SEARCH_KEYS: readonly WorkSearchKey[] = ['handling', 'overdue', 'dueSoon', 'dueToday', 'receivedToday'];

export function workSearch(key: WorkSearchKey, day: string): WorkSearch {
  switch (key) {
    case 'handling':
      return { handling: true };
    case 'overdue':
      return { handling: true, overdue: true };
    case 'dueSoon':
      return { handling: true, dueSoon: true };
    case 'dueToday':
      return { runningDueOn: day };
    case 'receivedToday':
      return { receivedFrom: day, receivedTo: day };
  }
}
