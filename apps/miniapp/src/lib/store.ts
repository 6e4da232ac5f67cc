import { useSyncExternalStore } from 'react';

/**
 * A value that pages and plain modules share, with React subscriptions. Used for the session and
 * the village-group context; each store is one module-level value, so every page sees the same.
 */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: () => T): Store<T> {
  let value: { current: T } | undefined;
  const listeners = new Set<() => void>();
  return {
    // Read lazily: Taro storage is only usable once the runtime is up.
    get() {
      if (!value) value = { current: initial() };
      return value.current;
    },
    set(next) {
      value = { current: next };
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
