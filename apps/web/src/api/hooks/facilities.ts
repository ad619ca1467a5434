import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useAuth } from '../../auth';
import { api, read } from '../client';

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
