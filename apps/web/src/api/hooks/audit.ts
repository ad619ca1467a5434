import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components, paths } from '../schema';
import { useRouteFacilityId } from './facilities';

/** One entry of the trail with its readable sentence (docs/rules.md §1). */
export type AuditEntry = components['schemas']['AuditTrailEntryResponse'];
export type AuditKind = AuditEntry['kind'];
/** The trail's filters: calendar days [from, to), who, what kind, which page. */
export type AuditFilters = NonNullable<paths['/api/facilities/{facilityId}/audit']['get']['parameters']['query']>;

/** A page of the facility's trail, newest first; the previous page stays shown while the next loads. */
export function useAuditTrail(filters: AuditFilters) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['audit', facilityId, filters],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/audit', { params: { path: { facilityId }, query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** Everyone who appears in the trail (the filter by person). */
export function useAuditActors() {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['audit-actors', facilityId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/audit/actors', { params: { path: { facilityId } } })),
  });
}
