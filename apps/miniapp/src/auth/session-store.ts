import Taro from '@tarojs/taro';
import type { components } from '../api/schema';
import { createStore, useStore } from '../lib/store';

export type Me = components['schemas']['MeDto'];
export type UnitRef = components['schemas']['UnitRefDto'];

/** Who is signed in on this phone: our own tokens and the person they belong to. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  me: Me;
}

const STORAGE_KEY = 'gridloop.session';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const me = s.me as Record<string, unknown> | null | undefined;
  return (
    typeof s.accessToken === 'string' &&
    typeof s.refreshToken === 'string' &&
    typeof me === 'object' &&
    me !== null &&
    typeof me.name === 'string' &&
    Array.isArray(me.roles)
  );
}

function readStored(): Session | null {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    return isSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

function writeStored(session: Session | null): void {
  try {
    if (session) Taro.setStorageSync(STORAGE_KEY, session);
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // Storage full or unavailable: the session still lives in memory until the app closes.
  }
}

const store = createStore<Session | null>(readStored);

export function getSession(): Session | null {
  return store.get();
}

/** Keeps a session answer from the API (sign-in, refresh, phone binding). */
export function saveSession({ accessToken, refreshToken, me }: Session): Session {
  const session = { accessToken, refreshToken, me };
  writeStored(session);
  store.set(session);
  return session;
}

/** A fresh `me` from the API, for the session that is still signed in. */
export function updateMe(me: Me): void {
  const session = store.get();
  if (session) saveSession({ ...session, me });
}

export function clearSession(): void {
  writeStored(null);
  store.set(null);
}

export const subscribeSession = store.subscribe;

/** The signed-in session (null when signed out); re-renders when it changes. */
export function useSession(): Session | null {
  return useStore(store);
}
