import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** A service of the six helps 六助 (docs/rules.md §4). */
export type ServiceRecord = components['schemas']['ServiceRecordResponse'];
export type ServiceKind = components['schemas']['ServiceRecordDto']['kind'];
export const SERVICE_KINDS: ServiceKind[] = ['MEAL', 'BATH', 'CLEANING', 'MOBILITY', 'MEDICAL', 'EMERGENCY'];

/** The members on a day, by name. */
export function useDayMembers(date: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['day-members', facilityId, date],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/day-members', { params: { path: { facilityId }, query: { date } } })),
  });
}

/** Service records in [from, to), of one kind when given. */
export function useServiceRecords(from: string, to: string, kind: ServiceKind | undefined) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['service-records', facilityId, from, to, kind ?? 'ALL'],
    queryFn: () =>
      read(api.GET('/api/facilities/{facilityId}/service-records', { params: { path: { facilityId }, query: { from, to, kind } } })),
  });
}

/** The month's six helps: per kind, services and different members. */
export function useServiceSummary(month: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['service-records', facilityId, 'summary', month],
    queryFn: () =>
      read(api.GET('/api/facilities/{facilityId}/service-records/summary', { params: { path: { facilityId }, query: { month } } })),
  });
}

/** Records a service; the lists and summaries are refetched. */
export function useRecordService() {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['ServiceRecordDto']) =>
      read(api.POST('/api/facilities/{facilityId}/service-records', { params: { path: { facilityId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['service-records', facilityId] }),
  });
}

/** Whether the facility has any bed (a day center may have none: its menu then has no bed board). */
export function useHasBeds(facilityId: string | undefined, date: string) {
  return useQuery({
    queryKey: ['beds', facilityId, 'any'],
    queryFn: async () =>
      (
        await read(
          api.GET('/api/facilities/{facilityId}/beds', { params: { path: { facilityId: facilityId as string }, query: { date } } }),
        )
      ).length > 0,
    enabled: !!facilityId,
    staleTime: 60_000,
  });
}
