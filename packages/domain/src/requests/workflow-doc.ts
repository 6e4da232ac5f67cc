import {
  OTHER_STEPS,
  REQUEST_ACTION_NAMES,
  actionRule,
  type OtherStep,
  type RequestFacts,
  type StepAudience,
  type StepNotice,
  type StepRule,
} from './request-workflow';

/**
 * The workflow table as docs/requests.md shows it, written from REQUEST_ACTIONS and OTHER_STEPS
 * so the document cannot drift from the code: `pnpm --filter @gridloop/domain docs:workflow`
 * rewrites it between the markers, and workflow-doc.test.ts fails when they differ.
 */

export const WORKFLOW_DOC_START =
  '<!-- workflow table: written from REQUEST_ACTIONS by `pnpm --filter @gridloop/domain docs:workflow`; edit the table in the code, not here -->';
export const WORKFLOW_DOC_END = '<!-- end of the workflow table -->';

const AUDIENCE_WORDS: Record<StepAudience, string> = { handlers: 'handlers', requester: 'requester and followers', hotlineOffice: "the town's hotline office" };
const FACT_WORDS: Record<keyof RequestFacts, string> = { enteredByOther: 'only of a matter someone else entered for them' };

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`.replace(/ {2,}\|/g, ' |');
}

function told(notices: readonly StepNotice[] | undefined): string {
  return (notices ?? []).map((n) => `${AUDIENCE_WORDS[n.to]}: \`${n.kind}\`${n.onlyIf ? ` (${FACT_WORDS[n.onlyIf]})` : ''}`).join('; ');
}

function timeline(rule: StepRule): string {
  return rule.internal ? 'staff only' : 'public';
}

function yes(value: boolean | undefined, word = 'yes'): string {
  return value ? word : '';
}

/** The two markdown tables: every action, then the timeline rows that are no action. */
export function workflowTables(): string {
  const actions = [
    row(['action', 'from', 'to', 'by', 'not by', 'note', 'photos', 'timeline row', 'result', '重办', 'who is told']),
    row(Array(11).fill('---')),
    ...REQUEST_ACTION_NAMES.map((name) => {
      const rule = actionRule(name);
      const by = rule.by.join(', ') + (rule.onlyIf ? `, ${FACT_WORDS[rule.onlyIf]} (\`onlyIf: '${rule.onlyIf}'\`)` : '');
      return row([
        `${name} ${rule.label}`,
        rule.from.join(', '),
        rule.to === 'same' ? '(same)' : rule.to,
        by,
        (rule.notBy ?? []).join(', '),
        yes(rule.noteRequired, 'required'),
        yes(rule.photos),
        timeline(rule),
        yes(rule.result),
        yes(rule.rehandle),
        told(rule.tells),
      ]);
    }),
  ];
  const others = [
    row(['step', 'timeline row', 'who is told']),
    row(Array(3).fill('---')),
    ...(Object.keys(OTHER_STEPS) as OtherStep[]).map((name) => {
      const rule: StepRule = OTHER_STEPS[name];
      return row([`${name} ${rule.label}`, timeline(rule), told(rule.tells)]);
    }),
  ];
  return [...actions, '', 'Timeline rows that are no action of the table (`OTHER_STEPS`):', '', ...others].join('\n');
}

/** `doc` with the tables between its markers written anew; throws when a marker is missing. */
export function withWorkflowTables(doc: string): string {
  const start = doc.indexOf(WORKFLOW_DOC_START);
  const end = doc.indexOf(WORKFLOW_DOC_END);
  if (start < 0 || end < start) throw new Error(`the workflow table's markers are missing: ${WORKFLOW_DOC_START} … ${WORKFLOW_DOC_END}`);
  return `${doc.slice(0, start + WORKFLOW_DOC_START.length)}\n\n${workflowTables()}\n\n${doc.slice(end)}`;
}
