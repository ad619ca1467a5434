import { useQuery } from '@tanstack/react-query';
import { api, read } from '../client';

export interface DemoLogin { username: string; password: string; role: string; displayName: string }

/** The demo accounts offered at sign-in (an empty list outside demo mode, or when the call fails). */
export function useDemoLogins() {
  return useQuery({ queryKey: ['demo-logins'], queryFn: () => read<DemoLogin[]>(api.GET('/api/demo-logins')).catch(() => []) });
}
