import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** A line of the day's sheet: a member, when they came and left, and whether here, left or absent. */
export type SheetRow = components['schemas']['AttendanceSheetRowResponse'];
/** What 全部签到 / 全部签退 did: who was recorded, who was skipped and why. */
export type BulkAttendance = components['schemas']['BulkAttendanceResponse'];

/** The day center's sheet of a day: each member, when they came and left (docs/rules.md §4). */
export function useAttendance(date: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['attendance', facilityId, date],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/attendance', { params: { path: { facilityId }, query: { date } } })),
  });
}

/** A check-in or check-out of many members (or one) on a day at one time; the sheet is refetched. */
export function useMarkAttendance(day: string) {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { move: 'in' | 'out'; time: string; residentIds: string[] }) => {
      const path = { facilityId };
      return v.move === 'in'
        ? read(
            api.POST('/api/facilities/{facilityId}/attendance/bulk-check-in', {
              params: { path },
              body: { day, checkIn: v.time, residentIds: v.residentIds },
            }),
          )
        : read(
            api.POST('/api/facilities/{facilityId}/attendance/bulk-check-out', {
              params: { path },
              body: { day, checkOut: v.time, residentIds: v.residentIds },
            }),
          );
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['attendance', facilityId, day] }),
  });
}
