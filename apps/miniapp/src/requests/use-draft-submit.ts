import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/errors';
import { clearDraft, isBlank, newClientRequestId, readDraft, saveDraft, type DraftBase, type DraftKind } from './draft';
import type { RequestView } from './requests-api';
import { isRetryable, submitWithRetry } from './submit';

export type Sending = { kind: 'idle' } | { kind: 'sending'; retry: number } | { kind: 'failed'; message: string };

export const RETRIES_RAN_OUT = '网络不好，没有提交成功。内容已保存，请稍后再点“提交”。';

/**
 * The draft and the submit of a form that makes a request (我要反映, 未诉先办, 代办): the draft is
 * kept on every change; `submit` makes one clientRequestId, stores it with the draft before the
 * first attempt, retries a bad network with it, and clears the draft when the API has answered.
 */
export function useDraftSubmit<T extends DraftBase>(kind: DraftKind, personId: number, empty: T) {
  const [draft, setDraft] = useState<T>(() => readDraft(kind, personId, empty));
  const [uploading, setUploading] = useState(false);
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });

  // Once the API has answered, the draft is gone for good: a save still pending from the last
  // render (React runs effects after the answer may have come) must not bring it back.
  const submitted = useRef(false);

  // Every change is kept at once: leaving the page or closing the app loses nothing.
  useEffect(() => {
    if (submitted.current) return;
    if (isBlank(draft) && !draft.clientRequestId) clearDraft(kind, personId);
    else saveDraft(kind, personId, draft);
  }, [kind, personId, draft]);

  const change = (patch: Partial<T>) => setDraft((current) => ({ ...current, ...patch }));
  const busy = sending.kind === 'sending';

  /**
   * Sends with the draft's one clientRequestId. Answers the request, or null when it failed (the
   * page says why: `explain` may word a refusal itself).
   */
  const submit = async (send: (clientRequestId: string) => Promise<RequestView>, explain?: (error: unknown) => string | null): Promise<RequestView | null> => {
    if (busy || uploading) return null;
    const clientRequestId = draft.clientRequestId ?? newClientRequestId();
    const kept = { ...draft, clientRequestId };
    setDraft(kept);
    saveDraft(kind, personId, kept);
    setSending({ kind: 'sending', retry: 0 });
    try {
      const created = await submitWithRetry(
        () => send(clientRequestId),
        (retry) => setSending({ kind: 'sending', retry }),
      );
      // Done: the draft goes (the page is replaced next).
      submitted.current = true;
      clearDraft(kind, personId);
      return created;
    } catch (error) {
      const message = isRetryable(error) ? RETRIES_RAN_OUT : (explain?.(error) ?? messageOf(error));
      setSending({ kind: 'failed', message });
      return null;
    }
  };

  const photos = {
    photos: draft.photos,
    onPhotosChange: (update: (photos: DraftBase['photos']) => DraftBase['photos']) => setDraft((current) => ({ ...current, photos: update(current.photos) })),
    onBusyChange: setUploading,
  };
  // A voice note uploads once, when the finger lifts: the submit waits for it as for photos.
  const voice = {
    voice: draft.voice,
    onChange: (voice: DraftBase['voice']) => setDraft((current) => ({ ...current, voice })),
    onBusyChange: setUploading,
  };

  return { draft, change, sending, busy, uploading, submit, photos, voice };
}
