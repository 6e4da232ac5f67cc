import type { PrintedNoticeKind } from './printed-notices';

/**
 * The life of a request (诉求) as one typed table: the three-step closed loop (found → followed
 * up → looked back at) plus its side roads. The API guards every state change with it, the
 * mini-program shows only the actions it allows, and `checkWorkflow` proves at start-up that it
 * names no unknown state and leaves no state unreachable.
 */

export const REQUEST_STATES = [
  'submitted', // 已提交: waiting for the first contact
  'accepted', // 已受理: the requester was contacted; classified simple or complex
  'in_progress', // 办理中: follow-ups recorded
  'resolved', // 已办结: the handler reports a result; waiting for rating and look-back
  'looked_back', // 已回看: someone other than the handler checked the result
  'closed', // 已关闭
  'rejected', // 不予受理: unreasonable, with a reason; itself looked back at
  'withdrawn', // 已撤回 by the requester
  'merged', // 已合并 into another request
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Being worked on: a clock runs on them (first contact while submitted, then completion). */
export const WORKING_STATES = ['submitted', 'accepted', 'in_progress'] as const satisfies readonly RequestState[];

/** A result or a refusal stands: waiting for the rating and the look-back, or done. */
export const RESULT_STATES = ['resolved', 'looked_back', 'closed', 'rejected'] as const satisfies readonly RequestState[];

/** Still on someone's desk (an inbox shows them): all but closed, withdrawn and merged. */
export const OPEN_STATES: readonly RequestState[] = REQUEST_STATES.filter((s) => s !== 'closed' && s !== 'withdrawn' && s !== 'merged');

export function isWorkingState(state: string): boolean {
  return (WORKING_STATES as readonly string[]).includes(state);
}

export function isResultState(state: string): boolean {
  return (RESULT_STATES as readonly string[]).includes(state);
}

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  submitted: '待联系',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已办结',
  looked_back: '已回看',
  closed: '已关闭',
  rejected: '不予受理',
  withdrawn: '已撤回',
  merged: '已合并',
};

/**
 * How the caller stands to this request; one person can stand in several ways. A follower raised
 * a matter that was merged into this one: they see its public progress but act on nothing.
 */
export type Relation = 'requester' | 'handler' | 'supervisor' | 'follower';

/**
 * What a timeline step is, besides any move it makes: the rules the API enforces and the
 * mini-program follows, read from the step's row. A column left out means no (or nobody).
 */
export interface StepRule {
  /** What the timeline and the buttons call it. */
  label: string;
  /** Its note is the point of it (a follow-up, a result, a reason): refused without one. */
  noteRequired?: boolean;
  /** It may carry photos (the visit, a follow-up, the result). */
  photos?: boolean;
  /** Its timeline row is for staff only; the requester and followers never see it. */
  internal?: boolean;
  /** Its note is the answer the requester and the city read (a result or a refusal). */
  result?: boolean;
  /** A return to work after a result (重办): counted in rehandleCount and the reports. */
  rehandle?: boolean;
  /** A look-back at a result or a refusal (回看): after a reject, it confirms the refusal (the ranking's exclusion register). */
  looksBack?: boolean;
  /** Who hears of it, and with which kind of message; the one who acted is never told. */
  tells?: readonly StepNotice[];
  /**
   * The numbered paper the office sends with it (催办通知书, 督办通知单: printed-notices.ts); its
   * form asks what is required and the working days to reply, both defaulted by the kind.
   */
  printedNotice?: PrintedNoticeKind;
}

/**
 * What a step's form asks besides the note and photos (the fields of the API's action body): the
 * console builds its forms from these, so a new row with its fields needs no new form.
 * contactMethod: how the requester was reached (CONTACT_METHODS); complexity: simple or complex
 * (COMPLEXITIES; its note is required when it differs from the category's proposal);
 * targetUnitId: the unit that takes it (a small grid, village or department of the town);
 * targetRequestId: the open matter that carries on (a duplicate); extensionDays: working days;
 * visitMethod, visitReached, visitHeard: a return visit (回访: RETURN_VISIT_METHODS, whether the
 * requester was reached, what they said: RATINGS; only when reached), return-visits.ts.
 * rejectReason: why a matter is refused (REJECT_REASONS, the town's list); referTo: where the
 * requester should go instead, required for "not ours" (refusals.ts);
 * parkUntil: 挂账's plan date (YYYY-MM-DD, China), parking.ts.
 */
export type ActionFieldName =
  | 'contactMethod'
  | 'complexity'
  | 'targetUnitId'
  | 'targetRequestId'
  | 'extensionDays'
  | 'visitMethod'
  | 'visitReached'
  | 'visitHeard'
  | 'rejectReason'
  | 'referTo'
  | 'parkUntil';

export interface ActionField {
  name: ActionFieldName;
  /** The step is refused without it. */
  required?: boolean;
  /** What the form starts with (the common case, so it takes one confirm). */
  default?: string | boolean;
}

/** A return visit's fields, starting on the common case: a phone call that reached a satisfied requester. */
const RETURN_VISIT_FIELDS = [
  { name: 'visitMethod', required: true, default: 'phone' },
  { name: 'visitReached', required: true, default: true },
  { name: 'visitHeard', default: 'satisfied' },
] as const satisfies readonly ActionField[];

/**
 * Who hears of a step: the handlers of the unit it is assigned to, the requester (and followers),
 * or the staff of the hotline office of the matter's town.
 */
export type StepAudience = 'handlers' | 'requester' | 'hotlineOffice';

/** The kinds of message a step sends (each is one of the API's notification kinds). */
export type StepNoticeKind =
  | 'assigned'
  | 'urged'
  | 'supervised'
  | 'accepted'
  | 'resolved'
  | 'looked_back'
  | 'entered_for_you'
  | 'disowned'
  | 'returned'
  | 'extension_asked'
  | 'extension_approved'
  | 'extension_declined'
  | 'deadline_extended'
  | 'park_asked'
  | 'park_approved'
  | 'park_declined'
  | 'parked'
  | 'unparked';

export interface StepNotice {
  to: StepAudience;
  kind: StepNoticeKind;
  /** Only when this fact about the matter holds. */
  onlyIf?: keyof RequestFacts;
}

export interface TransitionRule extends StepRule {
  from: readonly RequestState[];
  /** 'same' records an event without moving the request (a follow-up while in progress). */
  to: RequestState | 'same';
  by: readonly Relation[];
  /** Relations that must NOT hold, whatever else holds (the handler never looks back at their own work). */
  notBy?: readonly Relation[];
  /** A fact about the matter that must hold besides (RequestFacts): 这不是我的诉求 only on one someone else entered. */
  onlyIf?: keyof RequestFacts;
  /** What its form asks besides the note and photos (ActionField). */
  fields?: readonly ActionField[];
}

/** Facts about the matter itself (not about the caller) that some actions need. */
export interface RequestFacts {
  /** Entered by someone other than its requester (代办, a call, a 12345 order): enteredByPersonId set and not the requester. */
  enteredByOther: boolean;
}

/** What a request is taken to be when no facts are given: raised by its requester. */
export const NO_FACTS: RequestFacts = { enteredByOther: false };

/** Whether the matter was entered by someone other than its requester. */
export function enteredByOther(request: { requesterPersonId: number; enteredByPersonId: number | null }): boolean {
  return request.enteredByPersonId !== null && request.enteredByPersonId !== request.requesterPersonId;
}

/** The RequestFacts of a stored request. */
export function requestFacts(request: { requesterPersonId: number; enteredByPersonId: number | null }): RequestFacts {
  return { enteredByOther: enteredByOther(request) };
}

const HANDLERS_ASSIGNED = [{ to: 'handlers', kind: 'assigned' }] as const;

/**
 * Every action, one row each: who may take it from which states, where it leads, and what else
 * holds for it (StepRule). docs/requests.md shows this table (workflow-doc.ts writes it there).
 */
export const REQUEST_ACTIONS = {
  accept: {
    from: ['submitted'],
    to: 'accepted',
    by: ['handler'],
    label: '联系并受理',
    photos: true,
    fields: [{ name: 'contactMethod', required: true }, { name: 'complexity' }],
    tells: [{ to: 'requester', kind: 'accepted' }],
  },
  followUp: { from: ['accepted', 'in_progress'], to: 'in_progress', by: ['handler'], label: '记录跟进', noteRequired: true, photos: true },
  resolve: {
    from: ['accepted', 'in_progress'],
    to: 'resolved',
    by: ['handler'],
    label: '办结',
    noteRequired: true,
    photos: true,
    result: true,
    tells: [{ to: 'requester', kind: 'resolved' }],
  },
  lookBack: {
    from: ['resolved', 'rejected'],
    to: 'looked_back',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '回看',
    looksBack: true,
    tells: [{ to: 'requester', kind: 'looked_back' }],
  },
  close: { from: ['looked_back'], to: 'closed', by: ['supervisor'], notBy: ['handler'], label: '关闭' },
  /**
   * 回看并关闭: the look-back found the result sound; it records the return visit (回访) and closes
   * the matter in one step. A 不满意 heard closes nothing: the matter goes back to work (重办) as
   * after an in-app 不满意 (return-visits.ts). The separate 回看 stays, for a send-back.
   */
  lookBackClose: {
    from: ['resolved', 'rejected'],
    to: 'closed',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '回看并关闭',
    looksBack: true,
    fields: RETURN_VISIT_FIELDS,
    tells: [{ to: 'requester', kind: 'looked_back' }],
  },
  /**
   * 回访 on its own: the office records a return visit on a resolved or closed matter (its own, or
   * one of the weekly sample); 不满意 heard sends it back to work. Staff's record: internal.
   */
  returnVisit: {
    from: ['resolved', 'looked_back', 'closed'],
    to: 'same',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '回访',
    internal: true,
    fields: RETURN_VISIT_FIELDS,
  },
  /** Between staff: the requester sees the matter back at work, not who found fault with the result. */
  sendBack: {
    from: ['resolved', 'looked_back'],
    to: 'in_progress',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '退回重办',
    noteRequired: true,
    internal: true,
    rehandle: true,
    tells: HANDLERS_ASSIGNED,
  },
  reopen: {
    from: ['resolved', 'looked_back', 'closed'],
    to: 'in_progress',
    by: ['requester', 'supervisor'],
    label: '重新办理',
    noteRequired: true,
    rehandle: true,
    tells: HANDLERS_ASSIGNED,
  },
  /**
   * 不予受理 with a reason from the town's list; "not ours" also says where the requester should go
   * (法院, 劳动仲裁, a city department…), which her timeline shows (refusals.ts). The reason kind is
   * shown in the ranking's exclusion register.
   */
  reject: {
    from: ['submitted', 'accepted'],
    to: 'rejected',
    by: ['handler', 'supervisor'],
    label: '不予受理',
    noteRequired: true,
    result: true,
    fields: [{ name: 'rejectReason', required: true }, { name: 'referTo' }],
  },
  /**
   * 退单: the handler gives back a matter that is not theirs, within the town's window of office
   * time from when it reached them (refusals.ts); it goes back to the town hotline office's dispatch
   * queue (待派单), and its time with them does not count against them (docs/reports.md). Later,
   * only 申请转办 remains. Between staff: the requester sees it change hands when it is dispatched again.
   */
  returnToDispatch: {
    from: ['submitted', 'accepted'],
    to: 'submitted',
    by: ['handler'],
    label: '退单',
    noteRequired: true,
    internal: true,
    tells: [{ to: 'hotlineOffice', kind: 'returned' }],
  },
  /**
   * The handler asks the dispatchers to move the matter elsewhere, and a dispatcher may refuse:
   * staff talking to staff (the reason often names colleagues or duties), so neither row reaches
   * the requester or a follower.
   */
  requestTransfer: { from: WORKING_STATES, to: 'same', by: ['handler'], label: '申请转办', noteRequired: true, internal: true },
  declineTransfer: { from: WORKING_STATES, to: 'same', by: ['supervisor'], label: '不同意转办', noteRequired: true, internal: true },
  /**
   * To another grid, village or department: the new handler's contact clock starts again. Public:
   * the requester's matter changes hands, and the row says to whom (转至…) and why.
   */
  transfer: {
    from: WORKING_STATES,
    to: 'submitted',
    by: ['supervisor'],
    label: '转办',
    noteRequired: true,
    fields: [{ name: 'targetUnitId', required: true }],
    tells: HANDLERS_ASSIGNED,
  },
  merge: { from: WORKING_STATES, to: 'merged', by: ['handler', 'supervisor'], label: '合并', fields: [{ name: 'targetRequestId', required: true }] },
  withdraw: { from: WORKING_STATES, to: 'withdrawn', by: ['requester'], label: '撤回' },
  /** 这不是我的诉求: the person a matter was entered for says it is not theirs; withdrawn, and the hotline office is told. */
  disown: {
    from: WORKING_STATES,
    to: 'withdrawn',
    by: ['requester'],
    onlyIf: 'enteredByOther',
    label: '这不是我的诉求',
    tells: [{ to: 'hotlineOffice', kind: 'disowned' }],
  },
  /**
   * 催办: hurry the handlers along; 督办: put the matter under formal supervision (the note is the
   * supervisor's instruction). Both tell the handlers, and both are between staff: internal.
   */
  urge: {
    from: WORKING_STATES,
    to: 'same',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '催办',
    internal: true,
    tells: [{ to: 'handlers', kind: 'urged' }],
    printedNotice: 'urge',
  },
  supervise: {
    from: WORKING_STATES,
    to: 'same',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '督办',
    noteRequired: true,
    internal: true,
    tells: [{ to: 'handlers', kind: 'supervised' }],
    printedNotice: 'supervise',
  },
  /**
   * 延期申请: the handler asks for more working days (the note is the reason; the days and the
   * rules of who may ask when and who approves: extensions.ts). Between staff until approved; then
   * the requester sees the new deadline and the reason on a public row and is told.
   */
  requestExtension: {
    from: ['accepted', 'in_progress'],
    to: 'same',
    by: ['handler'],
    label: '申请延期',
    noteRequired: true,
    internal: true,
    fields: [{ name: 'extensionDays', required: true }],
    tells: [{ to: 'hotlineOffice', kind: 'extension_asked' }],
  },
  approveExtension: {
    from: ['accepted', 'in_progress'],
    to: 'same',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '批准延期',
    fields: [{ name: 'extensionDays' }],
    tells: [
      { to: 'handlers', kind: 'extension_approved' },
      { to: 'requester', kind: 'deadline_extended' },
    ],
  },
  declineExtension: {
    from: ['accepted', 'in_progress'],
    to: 'same',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '不批准延期',
    noteRequired: true,
    internal: true,
    tells: [{ to: 'handlers', kind: 'extension_declined' }],
  },
  /**
   * 挂账: the handler asks to park a matter that needs works, a season or another authority, with
   * a reason (the note) and a plan date; an approver (PARK_RULES, never the handler) agrees or
   * declines (parking.ts). Parked, it leaves the escalation ladder; the handler records progress
   * (挂账进展) at the configured interval; it is unparked when he resumes or the plan date passes.
   * The ask and a refusal stay between staff; the requester sees 挂账 with its plan date and is told.
   */
  requestPark: {
    from: ['accepted', 'in_progress'],
    to: 'same',
    by: ['handler'],
    label: '申请挂账',
    noteRequired: true,
    internal: true,
    fields: [{ name: 'parkUntil', required: true }],
    tells: [{ to: 'hotlineOffice', kind: 'park_asked' }],
  },
  approvePark: {
    from: ['accepted', 'in_progress'],
    to: 'same',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '批准挂账',
    fields: [{ name: 'parkUntil' }],
    tells: [
      { to: 'handlers', kind: 'park_approved' },
      { to: 'requester', kind: 'parked' },
    ],
  },
  declinePark: {
    from: ['accepted', 'in_progress'],
    to: 'same',
    by: ['supervisor'],
    notBy: ['handler'],
    label: '不批准挂账',
    noteRequired: true,
    internal: true,
    tells: [{ to: 'handlers', kind: 'park_declined' }],
  },
  parkProgress: { from: ['accepted', 'in_progress'], to: 'same', by: ['handler'], label: '挂账进展', noteRequired: true, photos: true },
  /** 解除挂账: the handler resumes, or staff do; the park job does it when the plan date has passed (no actor). */
  unpark: {
    from: ['accepted', 'in_progress'],
    to: 'same',
    by: ['handler', 'supervisor'],
    label: '解除挂账',
    tells: [{ to: 'handlers', kind: 'unparked' }],
  },
  /**
   * The requester's verdict; a dissatisfied one is followed by reopen in the same transaction.
   * Never by a handler: a requester who handles the matter (a leader's own matter or patrol finding
   * in his grid) would light his own hearts, so it cannot be rated (the reports skip such verdicts too).
   */
  rate: { from: ['resolved', 'looked_back', 'closed'], to: 'same', by: ['requester'], notBy: ['handler'], label: '评价' },
} as const satisfies Record<string, TransitionRule>;

export type RequestAction = keyof typeof REQUEST_ACTIONS;

/** Every action, in the table's order. */
export const REQUEST_ACTION_NAMES = Object.keys(REQUEST_ACTIONS) as RequestAction[];

/** The row of `action`, every column typed (a row leaves out what does not hold for it). */
export function actionRule(action: RequestAction): TransitionRule {
  return REQUEST_ACTIONS[action];
}

/**
 * Timeline rows that are no action of the table: a new matter (its first row), the row a merge
 * leaves on the surviving matter, and the system's note that a clock ran out (escalation).
 */
export const OTHER_STEPS = {
  submit: {
    label: '提交诉求',
    // Entered in someone's name by another (代办, a call, a 12345 order): they hear of it, and may disown it.
    tells: [
      { to: 'handlers', kind: 'assigned' },
      { to: 'requester', kind: 'entered_for_you', onlyIf: 'enteredByOther' },
    ],
  },
  mergeIn: { label: '合并诉求' },
  escalate: { label: '超时提醒', internal: true },
} as const satisfies Record<string, StepRule>;

export type OtherStep = keyof typeof OTHER_STEPS;
/** Anything a timeline row (request_event.action) can be. */
export type TimelineStep = RequestAction | OtherStep;

/** The row of any timeline step, or undefined for a name that is none. */
export function stepRule(step: string): StepRule | undefined {
  if (Object.prototype.hasOwnProperty.call(REQUEST_ACTIONS, step)) return REQUEST_ACTIONS[step as RequestAction];
  if (Object.prototype.hasOwnProperty.call(OTHER_STEPS, step)) return OTHER_STEPS[step as OtherStep];
  return undefined;
}

/** The actions whose row says yes to `column`, in the table's order. */
export function actionsWith(column: 'noteRequired' | 'photos' | 'internal' | 'result' | 'rehandle' | 'looksBack'): RequestAction[] {
  return REQUEST_ACTION_NAMES.filter((action) => actionRule(action)[column] === true);
}

/** The look-backs (回看, 回看并关闭): one after a reject confirms the refusal. */
export const LOOK_BACK_ACTIONS: readonly RequestAction[] = actionsWith('looksBack');

/** Steps whose note is the answer (a result or a refusal): the latest one is what a matter's page and the city's reply show. */
export const RESULT_ACTIONS: readonly RequestAction[] = actionsWith('result');

/** Whether a timeline row of `step` is for staff only. */
export function isInternalStep(step: string): boolean {
  return stepRule(step)?.internal === true;
}

/** Who hears of `step` on a matter with these facts (its notices whose condition holds). */
export function noticesOf(step: string, facts: RequestFacts = NO_FACTS): readonly StepNotice[] {
  return (stepRule(step)?.tells ?? []).filter((notice) => !notice.onlyIf || facts[notice.onlyIf]);
}

export const START_STATE: RequestState = 'submitted';

export type TransitionRefusal = 'WRONG_STATE' | 'NOT_ALLOWED';

/** Why `action` may not happen now (a stable key), or null when it may. */
export function refuseTransition(
  action: RequestAction,
  state: RequestState,
  relations: readonly Relation[],
  facts: RequestFacts = NO_FACTS,
): TransitionRefusal | null {
  const rule: TransitionRule = REQUEST_ACTIONS[action];
  if (!rule.from.includes(state)) return 'WRONG_STATE';
  if (rule.notBy?.some((r) => relations.includes(r))) return 'NOT_ALLOWED';
  if (!rule.by.some((r) => relations.includes(r))) return 'NOT_ALLOWED';
  if (rule.onlyIf && !facts[rule.onlyIf]) return 'NOT_ALLOWED';
  return null;
}

/** The state after `action` from `state` (assumes refuseTransition said yes). */
export function nextState(action: RequestAction, state: RequestState): RequestState {
  const rule: TransitionRule = REQUEST_ACTIONS[action];
  return rule.to === 'same' ? state : rule.to;
}

/** The actions this caller could take now: what the app shows as buttons. */
export function availableActions(state: RequestState, relations: readonly Relation[], facts: RequestFacts = NO_FACTS): RequestAction[] {
  return (Object.keys(REQUEST_ACTIONS) as RequestAction[]).filter((action) => refuseTransition(action, state, relations, facts) === null);
}

/**
 * Problems with a workflow table: states it names that do not exist, and states no path from
 * the start reaches. Empty means sound. The API runs this at start-up and refuses to boot otherwise.
 */
export function checkWorkflow(
  actions: Record<string, { from: readonly string[]; to: string; by: readonly Relation[] }> = REQUEST_ACTIONS,
  states: readonly string[] = REQUEST_STATES,
  start: string = START_STATE,
): string[] {
  const problems: string[] = [];
  const known = new Set(states);
  for (const [name, rule] of Object.entries(actions)) {
    for (const state of [...rule.from, ...(rule.to === 'same' ? [] : [rule.to])]) {
      if (!known.has(state)) problems.push(`action ${name} names unknown state "${state}"`);
    }
    if (rule.by.length === 0) problems.push(`action ${name} can be taken by nobody`);
  }
  const reached = new Set([start]);
  for (let grew = true; grew;) {
    grew = false;
    for (const rule of Object.values(actions)) {
      if (rule.to === 'same' || reached.has(rule.to)) continue;
      if (rule.from.some((s) => reached.has(s))) {
        reached.add(rule.to);
        grew = true;
      }
    }
  }
  for (const state of states) if (!reached.has(state)) problems.push(`state "${state}" cannot be reached from "${start}"`);
  return problems;
}
