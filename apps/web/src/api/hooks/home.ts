import { useQuery } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** The 工作台 of a day: the census and the alerts that apply. */
export type Home = components['schemas']['HomeResponse'];
export type HomeAlert = components['schemas']['HomeAlertResponse'];
export type HomeAlertItem = components['schemas']['HomeAlertItemResponse'];

/** The facility's 工作台 today (the API takes today in the facility's time zone). */
export function useHome() {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['home', facilityId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/home', { params: { path: { facilityId } } })),
    // Every other screen's writes change it (an admission, a certificate, a submitted claim): asked afresh on each visit.
    staleTime: 0,
  });
}
