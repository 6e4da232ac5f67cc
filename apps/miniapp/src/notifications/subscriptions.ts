import { messageOf } from '../api/errors';
import { listSubscribeTemplates, recordSubscribeGrants, type NotificationKind, type Subscriptions } from './notifications-api';
import { requestSubscribe, SUBSCRIBE_SUPPORTED } from './subscribe';

/** What a requester hears about their own matter. */
export const REQUESTER_KINDS: readonly NotificationKind[] = ['accepted', 'resolved', 'looked_back'];
/** What a handler hears about the matters in their hands. */
export const HANDLER_KINDS: readonly NotificationKind[] = ['assigned', 'contact_reminder', 'completion_reminder', 'overdue', 'urged', 'supervised'];

/** WeChat takes at most 5 template ids per requestSubscribeMessage. */
export const MAX_TEMPLATES_PER_ASK = 5;

/** The distinct template ids configured for these kinds, in the kinds' order, at most 5. */
export function templateIdsFor(templates: Subscriptions['templates'], kinds: readonly NotificationKind[]): string[] {
  const ids: string[] = [];
  for (const kind of kinds) {
    for (const template of templates) {
      if (template.kind === kind && !ids.includes(template.templateId)) ids.push(template.templateId);
    }
  }
  return ids.slice(0, MAX_TEMPLATES_PER_ASK);
}

/**
 * The template ids worth asking this person for, loaded before the tap (WeChat only shows its
 * sheet when asked synchronously from a tap). Empty where there is no WeChat, when no templates
 * are configured, or when the list cannot be loaded: then nothing is asked.
 */
export async function loadTemplateIds(kinds: readonly NotificationKind[]): Promise<string[]> {
  if (!SUBSCRIBE_SUPPORTED) return [];
  try {
    return templateIdsFor((await listSubscribeTemplates()).templates, kinds);
  } catch {
    return [];
  }
}

/**
 * Call synchronously inside a tap: shows WeChat's sheet for `tmplIds`, then tells the API which
 * were accepted. Never throws (a failure only costs WeChat pushes; the message centre has
 * everything); answers the accepted ids.
 */
export function askToSubscribe(tmplIds: readonly string[]): Promise<string[]> {
  if (tmplIds.length === 0) return Promise.resolve([]);
  return requestSubscribe(tmplIds)
    .then(async (accepted) => {
      if (accepted.length > 0) await recordSubscribeGrants(accepted);
      return accepted;
    })
    .catch((error: unknown) => {
      console.warn('subscribe messages:', messageOf(error));
      return [];
    });
}
