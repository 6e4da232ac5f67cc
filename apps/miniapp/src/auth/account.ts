import type { components } from '../api/schema';
import { api, authApi } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { clearSession, getSession, saveSession, updateMe, type Me, type Session } from './session-store';

export type DemoPerson = components['schemas']['DemoPersonDto'];

/**
 * The seeded people of the demo login, or null when the API runs without it (DEMO_LOGIN off:
 * the endpoint answers 404 and the sign-in page shows no demo at all).
 */
export async function listDemoPeople(): Promise<DemoPerson[] | null> {
  try {
    return await unwrap(authApi.GET('/api/auth/demo-people'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

async function revoke(refreshToken: string): Promise<void> {
  try {
    await authApi.POST('/api/auth/logout', { body: { refreshToken } });
  } catch {
    // Offline: the refresh token expires on its own; this phone no longer has it.
  }
}

/**
 * Keeps a new sign-in. One the phone held before (another demo person, or the account before
 * the phone number moved it to a roster person) is revoked on the server, best effort.
 */
export function replaceSession(next: Session): Session {
  const previous = getSession();
  const saved = saveSession(next);
  if (previous && previous.refreshToken !== next.refreshToken) void revoke(previous.refreshToken);
  return saved;
}

export async function signInAsDemoPerson(personId: number): Promise<Session> {
  return replaceSession(await unwrap(authApi.POST('/api/auth/demo-login', { body: { personId } })));
}

/** Revokes this sign-in on the server (best effort) and forgets it here either way. */
export async function signOut(): Promise<void> {
  const session = getSession();
  clearSession();
  if (session) await revoke(session.refreshToken);
}

/** Re-reads who I am (roles change when the roster does). */
export async function reloadMe(): Promise<Me> {
  const me = await unwrap(api.GET('/api/me'));
  updateMe(me);
  return me;
}

/**
 * The getPhoneNumber button's code. The API may answer with a different person (the roster
 * person with that number, and their roles), so the whole session is replaced.
 */
export async function bindPhone(code: string): Promise<Session> {
  return replaceSession(await unwrap(api.POST('/api/me/phone', { body: { code } })));
}

export async function setHomeUnit(unitId: number): Promise<Me> {
  const me = await unwrap(api.PUT('/api/me/home-unit', { body: { unitId } }));
  updateMe(me);
  return me;
}
