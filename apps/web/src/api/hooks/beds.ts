import { useQuery } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** A bed on a day, with its room, occupant and state (GET /api/facilities/{facilityId}/beds). */
export type BedOnDate = components['schemas']['BedBoardEntryResponse'];

/** The facility's beds on a day (`YYYY-MM-DD`), with when the answer arrived (the board times its render). */
export function useBedBoard(date: string) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['beds', facilityId, date],
    queryFn: async () => {
      const beds = await read(api.GET('/api/facilities/{facilityId}/beds', { params: { path: { facilityId }, query: { date } } }));
      return { beds, arrivedAt: performance.now() };
    },
  });
}

/** The beds on a day, for choosing a free one (a transfer); fetched only while `enabled`. */
export function useBedsToChoose(date: string, enabled: boolean) {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['beds', facilityId, 'free'],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/beds', { params: { path: { facilityId }, query: { date } } })),
    enabled,
  });
}
