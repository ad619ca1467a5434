import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext } from 'react';
import { type Me, requestSignIn, requestSignOut, useMeQuery } from './api/hooks/auth';

interface Auth {
  me: Me | null | undefined;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth>({
  me: undefined,
  signIn: async () => {
    throw new Error('no auth');
  },
  signOut: async () => undefined,
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data: me } = useMeQuery();
  const signIn = async (username: string, password: string) => {
    const who = await requestSignIn(username, password);
    // Another user's cached data must not show: everything but who is signed in is dropped.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(['me'], who);
    return who;
  };
  const signOut = async () => {
    await requestSignOut();
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(['me'], null);
  };
  return <AuthContext.Provider value={{ me, signIn, signOut }}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);
