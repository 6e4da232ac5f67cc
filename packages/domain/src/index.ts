// @gridloop/domain: framework-free rules shared by the API and the mini-program.
export {
  createWorkingCalendar,
  hasHolidayDataForYear,
  isWorkingDay,
  officeTimeAfter,
  officeTimeBefore,
  workingDeadline,
  type WorkingCalendar,
} from './calendar/working-calendar';
export { parseCalendarOverrides, type CalendarOverrides, type ValidatedCalendarOverrides } from './calendar/calendar-overrides';
export { contactDeadline, DEFAULT_SERVICE_HOURS, MAX_WORKING_DAYS, type ServiceHours } from './calendar/sla-clocks';
export { chinaDayOf, chinaDayRange, chinaMinuteOfDay, chinaMonthRange, chinaTimeText } from './calendar/china-time';
export { HOME_UNIT_KINDS, isHomeUnitKind, ROLES, ROLE_LABELS, UNIT_KINDS, UNIT_KIND_LABELS, type Role, type UnitKind } from './grid/org';
export { maskName, maskNumbersInText, maskPhone } from './people/masking';
export {
  CALLERS,
  mayCallRequester,
  PERSONAL_FIELD_NAMES,
  PERSONAL_FIELDS,
  personalFieldsTable,
  PERSONAL_FIELDS_DOC_END,
  PERSONAL_FIELDS_DOC_START,
  showPersonal,
  shownAs,
  textAsShown,
  VIEWERS,
  withPersonalFieldsTable,
  type Exposure,
  type PersonalField,
  type PersonalFieldRule,
  type Viewer,
} from './people/personal-fields';
export { isBlankText, textOrNull, visibleText } from './text/visible-text';
export { isMainlandMobile, normalisePhone } from './people/phone';
export { isInSpan, parentPath, pathIdAt, ROLE_REACH, spanOf, type HeldRole, type Reach } from './access/spans';
export { personWithinSpan, type PersonPlaces } from './access/person-span';
export { CAPABILITY_ROLES, capabilitySpan, grants, type Capability } from './access/capabilities';
export {
  DESK_CLAIM_GRACE_SECONDS,
  DESK_TICKET_STATES,
  DESK_TICKET_TTL_SECONDS,
  deskPollOutcome,
  describeBrowser,
  refuseDeskConfirm,
  type DeskPollOutcome,
  type DeskTicketFacts,
  type DeskTicketRefusal,
  type DeskTicketState,
} from './access/desk-sign-in';
export {
  actionRule,
  actionsWith,
  availableActions,
  checkWorkflow,
  enteredByOther,
  isInternalStep,
  isResultState,
  isWorkingState,
  nextState,
  NO_FACTS,
  noticesOf,
  OPEN_STATES,
  OTHER_STEPS,
  LOOK_BACK_ACTIONS,
  RESULT_ACTIONS,
  RESULT_STATES,
  WORKING_STATES,
  refuseTransition,
  REQUEST_ACTION_NAMES,
  REQUEST_ACTIONS,
  REQUEST_STATE_LABELS,
  REQUEST_STATES,
  requestFacts,
  START_STATE,
  stepRule,
  type OtherStep,
  type Relation,
  type RequestAction,
  type RequestFacts,
  type RequestState,
  type StepAudience,
  type StepNotice,
  type StepNoticeKind,
  type ActionField,
  type ActionFieldName,
  type StepRule,
  type TimelineStep,
  type TransitionRefusal,
  type TransitionRule,
} from './requests/request-workflow';
export { acceptNote, complexityNeedsReason, CONTACT_METHOD_LABELS, CONTACT_METHODS, proposedComplexity, type ContactMethod } from './requests/acceptance';
export { HANDLER_ROLES, relationsTo, SUPERVISOR_ROLES, type HeldRoleAt, type RequestParties } from './requests/request-people';
export {
  COMPLETION_WORKING_DAYS,
  COMPLEXITIES,
  COMPLEXITY_LABELS,
  CONTACT_MINUTES,
  governingDeadline,
  clockLeftBy,
  isLate,
  isOverdueAt,
  LIST_DUE_SQL,
  listDueAt,
  OVERDUE_AT_SQL,
  type ClockFacts,
  runningClock,
  stepDeadline,
  type Complexity,
  type RequestClock,
} from './requests/sla';
export { contactDueFrom, extensionStepChanges, stepChanges, type StepChanges, type StepFacts } from './requests/step-changes';
export {
  DEFAULT_EXTENSION_RULES,
  extendedDeadline,
  extensionStepOffered,
  extensionApprover,
  extensionDaysBetween,
  extensionRulesForTown,
  latestAskAt,
  parseExtensionRules,
  refuseExtensionAsk,
  refuseExtensionDecision,
  type ExtensionFacts,
  type ExtensionRefusal,
  type ExtensionRules,
  type ExtensionRulesConfig,
} from './requests/extensions';
export {
  DEFAULT_PARK_RULES,
  escalationClock,
  isParked,
  nextProgressDue,
  PARK_CLEARED,
  PARKED_LABEL,
  parkLapsed,
  parkRulesForTown,
  parkStepOffered,
  parkStepChanges,
  parseParkRules,
  planDayEnd,
  planDayOf,
  refuseParkAsk,
  refuseParkDecision,
  refuseWhileParkedOnly,
  type ParkAction,
  type ParkChanges,
  type ParkFacts,
  type ParkRefusal,
  type ParkRules,
  type ParkRulesConfig,
} from './requests/parking';
export { DUPLICATE_THRESHOLD, duplicateScore, mayHaveFollowers, mayMerge, textSimilarity, type DuplicateCandidate } from './requests/duplicates';
export { awaitsDispatch, DISPATCHING_UNIT_KIND, dispatchStepOffered, type DispatchFacts } from './requests/dispatch';
export {
  DEFAULT_REFUSAL_RULES,
  isRejectReason,
  parseRefusalRules,
  reachedHandlerAt,
  REFERRING_REASONS,
  refusalRulesForTown,
  refuseRejectReason,
  refuseReturn,
  REJECT_REASON_LABELS,
  REJECT_REASONS,
  rejectNote,
  returnDeadline,
  returnStepChanges,
  type HandlerStep,
  type RefusalRules,
  type RefusalRulesConfig,
  type RejectReason,
  type RejectRefusal,
  type ReturnFacts,
  type ReturnRefusal,
} from './requests/refusals';
export {
  MAX_REPLY_DAYS,
  MAX_REQUIREMENT_LENGTH,
  noticeNumberText,
  noticeTerms,
  PRINTED_NOTICE_KINDS,
  PRINTED_NOTICES,
  townShortName,
  type PrintedNoticeKind,
  type PrintedNoticeRule,
} from './requests/printed-notices';
export {
  DEFAULT_RETURN_VISIT,
  DEFAULT_RETURN_VISIT_RULES,
  parseReturnVisitRules,
  refuseReturnVisit,
  RETURN_VISIT_METHOD_LABELS,
  RETURN_VISIT_METHODS,
  returnVisitNote,
  returnVisitRulesForTown,
  visitReopens,
  type ReturnVisitInput,
  type ReturnVisitMethod,
  type ReturnVisitRefusal,
  type ReturnVisitRules,
  type ReturnVisitRulesConfig,
} from './requests/return-visits';
export { drawWeeklySample, sampledWeekAt, sampleSize, seededRandom, weekStarting, type ClosedMatter, type SampleWeek } from './requests/return-visit-sample';
export { ratingAgreement, type AgreementRules, type SampledVisit, type UnitAgreement } from './reports/rating-agreement';
export { canRateNow, RATING_HEARTS, RATING_LABELS, RATINGS, reopensOn, type Rating } from './requests/ratings';
export { DUTY_TYPE_LABELS, DUTY_TYPES, type DutyType } from './requests/patrol';
export { CATEGORY_DEFAULT_COMPLEXITY, categoryFromText, REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, type RequestCategory } from './requests/categories';
export { fitSubscribeField, formatChinaMinute, SUBSCRIBE_FIELD_TYPES, subscribeFieldType, type SubscribeFieldType } from './notifications/subscribe-fields';
export {
  DEFAULT_CLOCK_RULES,
  LADDER_RUNG_LABELS,
  LADDER_RUNGS,
  parseClockRules,
  reminderAt,
  rulesForTown,
  rungAt,
  type ClockRules,
  type ClockRulesConfig,
  type LadderRung,
} from './clocks/clock-rules';
export { URGENCY_LABELS, urgencyAt, type Urgency } from './clocks/urgency';
export { WORK_SEARCH_KEYS, workSearch, type WorkSearch, type WorkSearchKey } from './requests/work-searches';
export { judgedAt } from './reports/judged-at';
export {
  DEFAULT_RANKING_MIN_RECEIVED,
  parseRankingMinReceived,
  hasFigures,
  rankOnBoard,
  shownScore,
  UNRANKED_REASONS,
  type BoardPlace,
  type RankingInput,
  type UnrankedReason,
} from './reports/ranking';
export { DEFAULT_RATE_WEIGHTS, parseRateWeights, rankBy, relativeChange, unitRates, type RateWeights, type UnitRates, type UnitTally } from './reports/rates';
export {
  changeText,
  compositeScoreText,
  NO_DATA_TEXT,
  placeText,
  RANKING_COUNT_LABELS,
  RANKING_COUNTS,
  RANKING_LEVEL_LABELS,
  RANKING_LEVELS,
  RANKING_RATES,
  RATE_LABELS,
  rankingRuleText,
  rateText,
  type RankingCount,
  type RankingLevel,
  type RankingRate,
} from './reports/labels';
export {
  hasRequester,
  HOURLY_LIMITED_SOURCES,
  INTAKE_FORMS,
  REQUEST_SOURCE_LABELS,
  REQUEST_SOURCE_RULES,
  REQUEST_SOURCES,
  sourcesEnteredThrough,
  type IntakeForm,
  type RequesterFrom,
  type RequestSource,
  type SourceRule,
} from './requests/sources';
export { crossesTowns, mayTransferTo } from './requests/transfer-scope';
export { requestShare, type RequestShare, type ShareSource } from './requests/share';
export { confidentialCountText, publicListing } from './requests/public-listing';
export { VOICE_NOTE_MAX_MS, VOICE_NOTE_MIN_MS, VOICE_ONLY_DESCRIPTION, voiceNoteLengthText, voiceNoteSecondsLeft } from './requests/voice-notes';
