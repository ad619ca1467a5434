import { useQuery } from '@tanstack/react-query';
import { api, read, session } from '../client';
import type { components } from '../schema';

/** Who is signed in (GET /api/auth/me). */
export type Me = components['schemas']['UserResponse'];
/** What the app starts with (GET /api/auth/bootstrap): the user, their facility or division. */
export type Bootstrap = components['schemas']['BootstrapResponse'];

/** The demo accounts offered at sign-in (an empty list outside demo mode, or when the call fails). */
export function useDemoLogins() {
  return useQuery({ queryKey: ['demo-logins'], queryFn: () => read(api.GET('/api/demo-logins')).catch(() => []) });
}

/**
 * Who is signed in and their facility, in one request at start: null without a session, or when
 * the session no longer works. Kept under the key `me` (signing out keeps only this key).
 */
export function useBootstrapQuery() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Bootstrap | null> => (session.get() ? read(api.GET('/api/auth/bootstrap')).catch(() => null) : null),
    staleTime: Infinity,
  });
}

/** Signs in: keeps the token pair in the browser and answers who it is, with their facility. */
export async function requestSignIn(username: string, password: string): Promise<Bootstrap> {
  const tokens = await read(api.POST('/api/auth/login', { body: { username, password } }));
  session.set(tokens);
  return read(api.GET('/api/auth/bootstrap'));
}

/** Ends the session: on the server if it still answers, in the browser in any case. */
export async function requestSignOut(): Promise<void> {
  const current = session.get();
  if (current) await api.POST('/api/auth/logout', { body: { refreshToken: current.refreshToken } }).catch(() => undefined);
  session.set(null);
}
