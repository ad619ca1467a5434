import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Programme } from '@careops/care';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** A claim with its lines and the policy version it was computed by (docs/rules.md §5). */
export type Claim = components['schemas']['ClaimResponse'];
export type ClaimLine = components['schemas']['ClaimLineResponse'];

export function useClaims() {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['claims', facilityId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/claims', { params: { path: { facilityId } } })),
  });
}

export function useClaim(claimId: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['claim', claimId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/claims/{claimId}', { params: { path: { facilityId, claimId } } })),
  });
}

/** Generates (or regenerates) the draft of a month and programme (docs/rules.md §5); the list is refetched. */
export function useGenerateClaim() {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { month: string; programme: Programme }) =>
      read(api.POST('/api/facilities/{facilityId}/claims', { params: { path: { facilityId } }, body: v })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['claims', facilityId] }),
  });
}

/** The bureau's answer and the payment, as the accountant records them (docs/rules.md §5). */
export type ClaimMove =
  | { move: 'submit' }
  | { move: 'approve'; approvedOn: string; approvedFen: number }
  | { move: 'reject'; rejectedOn: string; reason: string }
  | { move: 'pay'; paidOn: string; paidFen: number; reference?: string };

/** A step of a claim's lifecycle; the claim and the list are refetched. */
export function useMoveClaim(claimId: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (m: ClaimMove) => {
      const params = { params: { path: { facilityId, claimId } } };
      switch (m.move) {
        case 'submit':
          return read(api.POST('/api/facilities/{facilityId}/claims/{claimId}/submit', params));
        case 'approve':
          return read(
            api.POST('/api/facilities/{facilityId}/claims/{claimId}/approve', {
              ...params,
              body: { approvedOn: m.approvedOn, approvedFen: m.approvedFen },
            }),
          );
        case 'reject':
          return read(
            api.POST('/api/facilities/{facilityId}/claims/{claimId}/reject', {
              ...params,
              body: { rejectedOn: m.rejectedOn, reason: m.reason },
            }),
          );
        case 'pay':
          return read(
            api.POST('/api/facilities/{facilityId}/claims/{claimId}/pay', {
              ...params,
              body: { paidOn: m.paidOn, paidFen: m.paidFen, reference: m.reference },
            }),
          );
      }
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['claim', claimId] }),
        client.invalidateQueries({ queryKey: ['claims', facilityId] }),
      ]),
  });
}

/** Starts the job that zips a year of the facility's claim PDFs. */
export function useStartClaimsYearJob() {
  const facilityId = useRouteFacilityId();
  return (year: number) =>
    read(api.POST('/api/facilities/{facilityId}/reports/claim-jobs', { params: { path: { facilityId } }, body: { year } }));
}
