import { authApi } from '../api/client';
import { clearSession, getSession } from './session-store';

/** Ends this desk's sign-in: the refresh family is revoked on the API (best effort), the tab forgets it either way. */
export async function signOut(): Promise<void> {
  const session = getSession();
  clearSession();
  if (session) await revoke(session.refreshToken);
}

export async function revoke(refreshToken: string): Promise<void> {
  try {
    await authApi.POST('/api/auth/logout', { body: { refreshToken } });
  } catch {
    // Offline: the refresh token expires by itself; this tab has forgotten it already.
  }
}
