import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext } from 'react';
import { type Bootstrap, type Me, requestSignIn, requestSignOut, useBootstrapQuery } from './api/hooks/auth';

interface Auth {
  /** Who is signed in: undefined while asking, null when nobody is. */
  me: Me | null | undefined;
  /** The user's facility (name, type, division, time zone), known from the start; null for others. */
  facility: Bootstrap['facility'] | undefined;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth>({
  me: undefined,
  facility: undefined,
  signIn: async () => {
    throw new Error('no auth');
  },
  signOut: async () => undefined,
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data } = useBootstrapQuery();
  const signIn = async (username: string, password: string) => {
    const started = await requestSignIn(username, password);
    // Another user's cached data must not show: everything but who is signed in is dropped.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(['me'], started);
    return started.user;
  };
  const signOut = async () => {
    await requestSignOut();
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(['me'], null);
  };
  const me = data === undefined ? undefined : (data?.user ?? null);
  return <AuthContext.Provider value={{ me, facility: data?.facility, signIn, signOut }}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);
