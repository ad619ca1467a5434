import { useQuery } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';

/** The division's (or one facility's) ratios month by month (docs/rules.md §11). */
export type TrendMonth = components['schemas']['TrendMonthResponse'];
export type IssuedDocument = components['schemas']['IssuedDocumentResponse'];

/** `enabled` false holds it back (the dashboard asks once its table has its figures). */
export function useDivisionTrend(code: string, to: string, facilityId?: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['division-trend', code, to, facilityId ?? null],
    queryFn: () =>
      read(
        api.GET('/api/divisions/{code}/trend', {
          params: { path: { code }, query: { to, months: 12, ...(facilityId ? { facilityId } : {}) } },
        }),
      ),
  });
}

/** A facility's figures of a month, as its regulator reads them. */
export function useFacilityMetrics(facilityId: string, month: string) {
  return useQuery({
    queryKey: ['facility-metrics', facilityId, month],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/metrics', { params: { path: { facilityId }, query: { month } } })),
  });
}

/** The facility's issued documents, the latest first. */
export function useIssuedDocuments(facilityId: string) {
  return useQuery({
    queryKey: ['issued-documents', facilityId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/documents', { params: { path: { facilityId } } })),
  });
}

/** The facility's monthly reports, by an explicit id (the regulator's drill-down). */
export function useFacilityMonthlyReports(facilityId: string) {
  return useQuery({
    queryKey: ['monthly-reports', facilityId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/monthly-reports', { params: { path: { facilityId } } })),
  });
}
