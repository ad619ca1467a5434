import { useMutation } from '@tanstack/react-query';

export interface VerifiedDocument { number: string; title: string; facilityName: string | null; divisionCode: string | null; period: string; issuedAt: string; matched: string }

/** Looks a document up by its SHA-256 or verification code: its record, or 'missing'. Needs no sign-in. */
export function useDocumentCheck() {
  return useMutation({
    mutationFn: async (hash: string): Promise<VerifiedDocument | 'missing'> => {
      const res = await fetch(`/api/documents/${hash.trim().toLowerCase()}`);
      return res.ok ? res.json() : 'missing';
    },
  });
}
