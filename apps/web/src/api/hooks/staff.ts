import { useQuery } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** A member of staff with their certificates and trainings. */
export type Staff = components['schemas']['StaffResponse'];
/** A day of the staffing check (docs/rules.md §6). */
export type StaffingDay = components['schemas']['StaffingDayResponse'];

/** The facility's staff with their certificates and trainings. */
export function useStaff() {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['staff', facilityId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/staff', { params: { path: { facilityId } } })),
  });
}

/** Staffing compliance day by day, `from`–`to` inclusive (docs/rules.md §6). */
export function useStaffing(from: string, to: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['staffing', facilityId, from],
    queryFn: () =>
      read(api.GET('/api/facilities/{facilityId}/compliance/staffing', { params: { path: { facilityId }, query: { from, to } } })),
  });
}
