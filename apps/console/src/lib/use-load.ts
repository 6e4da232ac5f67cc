import { useEffect, useState } from 'react';
import { messageOf } from '../api/errors';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; message: string };

/** Loads once per change of `key`; an answer that arrives after the component left is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: unknown = null): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    load().then(
      (data) => live && setLoaded({ state: 'ready', data }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return loaded;
}
