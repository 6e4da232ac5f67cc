import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { messageOf } from '../api/errors';

/** What a page shows while its data comes in. */
export type Loaded<T> =
  | { kind: 'loading' }
  /** The API's Chinese message (or the app's own for a network failure), with a retry. */
  | { kind: 'error'; message: string }
  | { kind: 'ready'; data: T };

export interface Loader<T> {
  state: Loaded<T>;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload(): Promise<void>;
  /** Replaces the data with a fresher copy (an action's answer), without a round trip. */
  replace(data: T): void;
}

/**
 * Loads a page's data, and again:
 * - when the page is shown again (coming back from another page), quietly, keeping what is shown;
 * - on pull-to-refresh (the page's config sets `enablePullDownRefresh: true`), stopping the
 *   spinner when done.
 * A failure with nothing on screen yet becomes the error state (shown by PageShell with 重试);
 * a failed quiet reload keeps the old data and reports through `onQuietError`.
 */
export function useLoader<T>(load: () => Promise<T>, options: { onQuietError?: (message: string) => void } = {}): Loader<T> {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const latest = useRef(0);
  const shown = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  const onQuietError = useRef(options.onQuietError);
  onQuietError.current = options.onQuietError;

  const reload = useCallback(async () => {
    const attempt = ++latest.current;
    if (!shown.current) setState({ kind: 'loading' });
    try {
      const data = await loadRef.current();
      if (attempt !== latest.current) return;
      shown.current = true;
      setState({ kind: 'ready', data });
    } catch (error) {
      if (attempt !== latest.current) return;
      if (shown.current) onQuietError.current?.(messageOf(error));
      else setState({ kind: 'error', message: messageOf(error) });
    }
  }, []);

  const replace = useCallback((data: T) => {
    latest.current++;
    shown.current = true;
    setState({ kind: 'ready', data });
  }, []);

  // First load on mount; useDidShow also fires then, so skip its first call.
  const firstShow = useRef(true);
  useEffect(() => {
    void reload();
  }, [reload]);
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { state, reload, replace };
}
