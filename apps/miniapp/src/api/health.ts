import { api } from './client';

export type ServiceState = 'checking' | 'up' | 'down';

/** `GET /api/health`: up only for a 200 with status "ok"; 503, errors and timeouts are down. */
export async function checkHealth(): Promise<Exclude<ServiceState, 'checking'>> {
  try {
    const { data } = await api.GET('/api/health');
    return data?.status === 'ok' ? 'up' : 'down';
  } catch {
    return 'down';
  }
}
