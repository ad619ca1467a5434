import { useQuery } from '@tanstack/react-query';
import { api } from '../client';

/** A SHA-256 (of the file or printed on it) in lower case; a document number as printed (CLM-20261207-000042). */
export const documentRef = (ref: string) => {
  const trimmed = ref.trim();
  return /^[0-9a-fA-F]{64}$/.test(trimmed) ? trimmed.toLowerCase() : trimmed.toUpperCase();
};

/**
 * What the register says of a document, by its number, printed code or file SHA-256: its record, or
 * 'missing'. Public (docs/api.md "Additions"): no sign-in, no session token sent.
 */
export function useDocumentCheck(ref: string | null) {
  return useQuery({
    queryKey: ['document-check', ref],
    enabled: !!ref,
    retry: false,
    queryFn: async () => {
      // A public route: plain fetch, without the session's token or the sign-in redirect of a 401.
      const { data, response } = await api.GET('/api/documents/{codeOrNumber}', {
        params: { path: { codeOrNumber: documentRef(ref as string) } },
        fetch: (request: Request) => fetch(request),
      });
      if (response.ok && data) return data;
      if (response.status === 404) return 'missing' as const;
      throw new Error(`HTTP ${response.status}`);
    },
  });
}
