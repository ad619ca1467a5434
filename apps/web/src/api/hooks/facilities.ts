import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useAuth } from '../../auth';
import { api, read } from '../client';
import type { components } from '../schema';

/** A facility (name, type, division, time zone); every screen shares the one cached answer. */
export function useFacility(facilityId: string | undefined) {
  return useQuery({
    queryKey: ['facility', facilityId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}', { params: { path: { facilityId: facilityId as string } } })),
    enabled: !!facilityId,
  });
}

/** The facility of the route (`/f/:facilityId/…`), else the signed-in user's; undefined for a regulator. */
export function useCurrentFacilityId(): string | undefined {
  const { facilityId } = useParams();
  const { me } = useAuth();
  return facilityId ?? me?.facilityId;
}

/** The `:facilityId` of a facility screen's route. */
export function useRouteFacilityId(): string {
  return useParams().facilityId ?? '';
}

/** What a manager edits of the facility (docs/rules.md §2, §8): the claim form's account and contact, checks, address. */
export type FacilityChanges = components['schemas']['UpdateFacilityDto'];

/** Saves the facility's details; every screen's cached facility is refreshed. */
export function useUpdateFacility(facilityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FacilityChanges) => read(api.PATCH('/api/facilities/{facilityId}', { params: { path: { facilityId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['facility', facilityId] }),
  });
}

/**
 * The platform archives a closed facility or a test tenant with a reason, or brings it back
 * (docs/rules.md §11): out of every division figure, its accounts unable to sign in, and back.
 */
export function useArchiveFacility(facilityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { archive: true; reason: string } | { archive: false }) =>
      change.archive
        ? read(api.POST('/api/facilities/{facilityId}/archive', { params: { path: { facilityId } }, body: { reason: change.reason } }))
        : read(api.POST('/api/facilities/{facilityId}/unarchive', { params: { path: { facilityId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['facility', facilityId] }),
  });
}
