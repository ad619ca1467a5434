import { useQuery } from '@tanstack/react-query';
import { api, read, session } from '../client';
import type { components } from '../schema';

/** Who is signed in (GET /api/auth/me). */
export type Me = components['schemas']['UserResponse'];

/** The demo accounts offered at sign-in (an empty list outside demo mode, or when the call fails). */
export function useDemoLogins() {
  return useQuery({ queryKey: ['demo-logins'], queryFn: () => read(api.GET('/api/demo-logins')).catch(() => []) });
}

/** Who is signed in: null without a session, or when the session no longer works. */
export function useMeQuery() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => (session.get() ? read(api.GET('/api/auth/me')).catch(() => null) : null),
    staleTime: Infinity,
  });
}

/** Signs in: keeps the token pair in the browser and answers who it is. */
export async function requestSignIn(username: string, password: string): Promise<Me> {
  const tokens = await read(api.POST('/api/auth/login', { body: { username, password } }));
  session.set(tokens);
  return read(api.GET('/api/auth/me'));
}

/** Ends the session: on the server if it still answers, in the browser in any case. */
export async function requestSignOut(): Promise<void> {
  const current = session.get();
  if (current) await api.POST('/api/auth/logout', { body: { refreshToken: current.refreshToken } }).catch(() => undefined);
  session.set(null);
}
