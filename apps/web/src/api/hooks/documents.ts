import { useMutation } from '@tanstack/react-query';
import { api } from '../client';

/** Looks a document up by its SHA-256 or verification code: its record, or 'missing'. Needs no sign-in. */
export function useDocumentCheck() {
  return useMutation({
    mutationFn: async (hash: string) => {
      // A public route: plain fetch, without the session's token or the sign-in redirect of a 401.
      const { data, response } = await api.GET('/api/documents/{codeOrNumber}', {
        params: { path: { codeOrNumber: hash.trim().toLowerCase() } },
        fetch: (request: Request) => fetch(request),
      });
      return response.ok && data ? data : ('missing' as const);
    },
  });
}
