import { useQuery } from '@tanstack/react-query';
import { api, read } from '../client';
import { useRouteFacilityId } from './facilities';

/** The day center's sheet of a day: each member, when they came and left (docs/rules.md §4). */
export function useAttendance(date: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['attendance', facilityId, date],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/attendance', { params: { path: { facilityId }, query: { date } } })),
  });
}
