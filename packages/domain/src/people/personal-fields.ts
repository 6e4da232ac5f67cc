import type { Relation } from '../requests/request-workflow';
import { maskNumbersInText } from './masking';

/**
 * The one written policy for personal data: every personal field an answer carries × how the
 * viewer stands to it → shown in full, masked, or not at all. The API applies it through
 * `shownAs`; docs/privacy.md shows this table (checked by personal-fields.test.ts); the privacy
 * matrix test (apps/api/test/security/privacy-matrix.test.ts) reads every read operation against it.
 *
 * A full phone number is in no answer but the requester's own: a handler or supervisor who needs
 * to call uses 拨打 (`callRequester`), which logs the view and answers the number.
 */

export type Exposure = 'full' | 'masked' | 'hidden';

/**
 * How the viewer stands to the person (through a matter); `public` is anyone else, signed in or
 * not, staff who may open the matter without handling or supervising it included.
 */
export type Viewer = Relation | 'public';
export const VIEWERS: readonly Viewer[] = ['requester', 'handler', 'supervisor', 'follower', 'public'];

export interface PersonalFieldRule {
  /** Where answers carry it. */
  carriedIn: string;
  shown: Readonly<Record<Viewer, Exposure>>;
  /** Why the cells are what they are. */
  why: string;
}

const STAFF_NAME: Readonly<Record<Viewer, Exposure>> = { requester: 'full', handler: 'full', supervisor: 'full', follower: 'full', public: 'hidden' };

export const PERSONAL_FIELDS = {
  requesterName: {
    carriedIn:
      "request answers (`requesterName`; the timeline's `actorName` of the requester's own steps); the name given at entry (`enteredName`) when someone entered it for them",
    shown: { requester: 'full', handler: 'masked', supervisor: 'masked', follower: 'masked', public: 'hidden' },
    why: 'staff need to know whom to ask for, not to read full names off a screen; the surname is enough to greet them',
  },
  contactPhone: {
    carriedIn: 'request answers (`contactPhone`: the number given with the matter, else the requester’s own)',
    shown: { requester: 'full', handler: 'masked', supervisor: 'masked', follower: 'hidden', public: 'hidden' },
    why: 'a handler or supervisor who calls uses 拨打 (`callRequester`), which logs the view; another villager following the matter has no reason to reach the requester',
  },
  numbersInText: {
    carriedIn:
      'phone, ID card and bank card numbers written into a matter’s text: its `description`, its timeline’s `note`s and `resultNote`, wherever they are carried (lists, the detail, 诉求检索 and its workbook, duplicate offers, printed notices); masked by `maskNumbersInText`, stored whole',
    shown: { requester: 'full', handler: 'masked', supervisor: 'masked', follower: 'masked', public: 'masked' },
    why: 'a number typed by accident is the requester’s (or a relative’s) as much as her contact number is, so it is masked as `contactPhone` is, and a follower or the public get the text with the number masked rather than no text: the words are what they need; she reads her own text as she wrote it',
  },
  addressNote: {
    carriedIn: 'request answers (`addressNote`)',
    shown: { requester: 'full', handler: 'full', supervisor: 'full', follower: 'full', public: 'hidden' },
    why: 'where the problem is: those working on it go there, and a follower raised the same problem at the same place',
  },
  staffName: {
    carriedIn: "request answers (`enteredByName`, the timeline's `actorName` of staff steps); a 12345 reply (`handlerName`)",
    shown: STAFF_NAME,
    why: 'staff act in their office: the requester and followers see who took each step; nothing public names them on a matter',
  },
  rosterName: {
    carriedIn: 'the roster (`getUnitRoster`), the signed-in person’s own answer (`getMe`); the requester column is the person themself',
    shown: { requester: 'full', handler: 'full', supervisor: 'full', follower: 'hidden', public: 'hidden' },
    why: 'staff of the span route matters to the people on their roster',
  },
  rosterPhone: {
    carriedIn: 'the roster (`phoneMasked`), `getMe` (`phoneMasked`); in full only through `viewFullPhone`, which logs the view',
    shown: { requester: 'masked', handler: 'masked', supervisor: 'masked', follower: 'hidden', public: 'hidden' },
    why: 'a full number is in no answer by default, the person’s own included (they know it)',
  },
  boardLeaderName: {
    carriedIn: 'the public board (`getMonthlyRanking`: `leaderName`)',
    shown: { requester: 'full', handler: 'full', supervisor: 'full', follower: 'full', public: 'full' },
    why: 'a grid leader’s name is his public office: 红心榜 says whom the village thanks (no phone, no matter names him)',
  },
  exclusionDeciderName: {
    carriedIn: 'the public exclusion register (`listExclusions`: who refused a matter, who confirmed it at look-back)',
    shown: { requester: 'full', handler: 'full', supervisor: 'full', follower: 'full', public: 'full' },
    why: 'staff deciding that a matter does not count on the public board answer for it by name, as the board names grid leaders; the matter’s requester is never named there',
  },
  auditSubjectName: {
    carriedIn: 'the phone view audit (`listPhoneViews`, `exportPhoneViews`: `subjectName`); the supervisor column is the auditor (town leader, county admin)',
    shown: { requester: 'hidden', handler: 'hidden', supervisor: 'full', follower: 'hidden', public: 'hidden' },
    why: 'whoever audits who saw whose number must know whose it was; no one else reads the audit',
  },
  auditSubjectPhone: {
    carriedIn: 'the phone view audit (`subjectPhoneMasked`)',
    shown: { requester: 'hidden', handler: 'hidden', supervisor: 'masked', follower: 'hidden', public: 'hidden' },
    why: 'the audit tells which number was seen without showing it again',
  },
  demoSignInName: {
    carriedIn: 'the demo sign-in list (`listDemoPeople`), only while the demo sign-in is on (DEMO_LOGIN=1)',
    shown: { requester: 'full', handler: 'full', supervisor: 'full', follower: 'full', public: 'full' },
    why: 'the demo county is synthetic (made-up names and numbers); a real deployment runs with the demo sign-in off, and then the list does not exist',
  },
} as const satisfies Record<string, PersonalFieldRule>;

export type PersonalField = keyof typeof PERSONAL_FIELDS;
export const PERSONAL_FIELD_NAMES = Object.keys(PERSONAL_FIELDS) as PersonalField[];

const OPENNESS: Record<Exposure, number> = { hidden: 0, masked: 1, full: 2 };

/** How `field` shows to a viewer with these relations: the most open of them; none is the public. */
export function shownAs(field: PersonalField, relations: readonly Relation[]): Exposure {
  const viewers: readonly Viewer[] = relations.length === 0 ? ['public'] : relations;
  return viewers.map((v) => PERSONAL_FIELDS[field].shown[v]).reduce<Exposure>((most, e) => (OPENNESS[e] > OPENNESS[most] ? e : most), 'hidden');
}

/** `value` as `field` shows to these relations: itself, masked by `mask`, or null. */
export function showPersonal(
  field: PersonalField,
  relations: readonly Relation[],
  value: string | null,
  mask: (value: string | null) => string | null,
): string | null {
  const exposure = shownAs(field, relations);
  return exposure === 'full' ? value : exposure === 'masked' ? mask(value) : null;
}

/** A matter's text (its description, a step's note) as these relations see it: numbers in it masked but for the requester (numbersInText). */
export function textAsShown<T extends string | null>(relations: readonly Relation[], text: T): T {
  return (text === null ? text : showPersonal('numbersInText', relations, text, (t) => t && maskNumbersInText(t))) as T;
}

/** 拨打: who may have the requester's full number, each time logged: those handling or supervising the matter. */
export const CALLERS: readonly Relation[] = ['handler', 'supervisor'];

export function mayCallRequester(relations: readonly Relation[]): boolean {
  return relations.some((r) => CALLERS.includes(r));
}

export const PERSONAL_FIELDS_DOC_START =
  '<!-- personal fields table: written from PERSONAL_FIELDS by `pnpm --filter @gridloop/domain docs:privacy`; edit the table in the code, not here -->';
export const PERSONAL_FIELDS_DOC_END = '<!-- end of the personal fields table -->';

/** docs/privacy.md with the table written anew between its markers (refused, not written half, without them). */
export function withPersonalFieldsTable(doc: string): string {
  const start = doc.indexOf(PERSONAL_FIELDS_DOC_START);
  const end = doc.indexOf(PERSONAL_FIELDS_DOC_END);
  if (start < 0 || end < start) throw new Error(`the personal fields table's markers are missing: ${PERSONAL_FIELDS_DOC_START} … ${PERSONAL_FIELDS_DOC_END}`);
  return `${doc.slice(0, start + PERSONAL_FIELDS_DOC_START.length)}\n\n${personalFieldsTable()}\n\n${doc.slice(end)}`;
}

/** The table as docs/privacy.md shows it. */
export function personalFieldsTable(): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(['field', ...VIEWERS, 'carried in', 'why']),
    row(Array(VIEWERS.length + 3).fill('---')),
    ...PERSONAL_FIELD_NAMES.map((name) => {
      const rule: PersonalFieldRule = PERSONAL_FIELDS[name];
      return row([name, ...VIEWERS.map((v) => rule.shown[v]), rule.carriedIn, rule.why]);
    }),
  ].join('\n');
}
