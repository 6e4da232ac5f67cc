import { useSyncExternalStore } from 'react';
import type { components } from '../api/schema';

export type Me = components['schemas']['MeDto'];

/** Who is signed in at this desk: our own tokens and the person they belong to. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  me: Me;
}

// sessionStorage: a desk is often shared, so a sign-in ends with the browser tab.
const STORAGE_KEY = 'gridloop.console.session';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const me = s.me as Record<string, unknown> | null | undefined;
  return typeof s.accessToken === 'string' && typeof s.refreshToken === 'string' && typeof me === 'object' && me !== null && Array.isArray(me.roles);
}

function readStored(): Session | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    return isSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

let current: Session | null = readStored();
const listeners = new Set<() => void>();

function set(session: Session | null): void {
  current = session;
  try {
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage unavailable: the session still lives in memory until the tab closes.
  }
  listeners.forEach((listener) => listener());
}

export function getSession(): Session | null {
  return current;
}

/** Keeps a session answer from the API (sign-in, refresh). */
export function saveSession({ accessToken, refreshToken, me }: Session): Session {
  const session = { accessToken, refreshToken, me };
  set(session);
  return session;
}

export function clearSession(): void {
  set(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in session (null when signed out); re-renders when it changes. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession);
}
