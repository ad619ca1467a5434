import { useQuery } from '@tanstack/react-query';
import { api, read } from '../client';
import type { Staff, StaffingDay } from '../types';
import { useRouteFacilityId } from './facilities';

/** The facility's staff with their certificates and trainings. */
export function useStaff() {
  const facilityId = useRouteFacilityId();
  return useQuery({ queryKey: ['staff', facilityId], queryFn: () => read<Staff[]>(api.GET('/api/facilities/{facilityId}/staff', { params: { path: { facilityId } } })) });
}

/** Staffing compliance day by day, `from`–`to` inclusive (docs/rules.md §6). */
export function useStaffing(from: string, to: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['staffing', facilityId, from],
    queryFn: () => read<{ days: StaffingDay[] }>(api.GET('/api/facilities/{facilityId}/compliance/staffing', { params: { path: { facilityId }, query: { from, to } } })),
  });
}
