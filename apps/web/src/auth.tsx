import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext } from 'react';
import { api, read, session } from './api/client';
import type { Me } from './api/types';

interface Auth {
  me: Me | null | undefined;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth>({ me: undefined, signIn: async () => { throw new Error('no auth'); }, signOut: async () => undefined });

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data: me } = useQuery({
    queryKey: ['me'],
    queryFn: async () => (session.get() ? read<Me>(api.GET('/api/auth/me')).catch(() => null) : null),
    staleTime: Infinity,
  });
  const signIn = async (username: string, password: string) => {
    const tokens = await read<{ accessToken: string; refreshToken: string }>(api.POST('/api/auth/login', { body: { username, password } }));
    session.set(tokens);
    const who = await read<Me>(api.GET('/api/auth/me'));
    // Another user's cached data must not show: everything but who is signed in is dropped.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(['me'], who);
    return who;
  };
  const signOut = async () => {
    const current = session.get();
    if (current) await api.POST('/api/auth/logout', { body: { refreshToken: current.refreshToken } }).catch(() => undefined);
    session.set(null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(['me'], null);
  };
  return <AuthContext.Provider value={{ me, signIn, signOut }}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);
