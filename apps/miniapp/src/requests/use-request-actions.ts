import { useState } from 'react';
import { Toast } from '../components/nutui';
import { ApiError, messageOf } from '../api/errors';
import { actOnRequest, type ActAction, type ActionInput, type RequestView } from './requests-api';

/**
 * Takes steps on the request a page shows. Every step carries the `version` of the last read;
 * when someone else acted first (409 REQUEST_CONFLICT) the API's message is shown and the page
 * reloads, so the person sees what changed before trying again.
 */
export function useRequestActions(options: {
  toastId: string;
  current: () => RequestView | null;
  replace(request: RequestView): void;
  reload(): Promise<void>;
}) {
  const [busy, setBusy] = useState<string | null>(null);

  async function run<T>(name: string, call: (request: RequestView) => Promise<T>, done: (result: T) => string | null): Promise<boolean> {
    const request = options.current();
    if (!request || busy) return false;
    setBusy(name);
    try {
      const result = await call(request);
      const message = done(result);
      if (message) Toast.show(options.toastId, { content: message, duration: 2 });
      return true;
    } catch (error) {
      Toast.show(options.toastId, { content: messageOf(error), duration: 3 });
      if (error instanceof ApiError && (error.code === 'REQUEST_CONFLICT' || error.code === 'REQUEST_WRONG_STATE')) await options.reload();
      return false;
    } finally {
      setBusy(null);
    }
  }

  /** actOnRequest with the version last read; the answer replaces what is shown. */
  const act = (action: ActAction, body: Omit<ActionInput, 'version'>, doneMessage: string) =>
    run(
      action,
      (request) => actOnRequest(request.id, action, { ...body, version: request.version }),
      (updated) => {
        options.replace(updated);
        return doneMessage;
      },
    );

  return { busy, act, run };
}
