import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** The task list 重点任务清单 of a division and year (docs/rules.md §11). */
export type TaskList = components['schemas']['TaskListResponse'];
export type TaskRow = components['schemas']['TaskRowResponse'];
export type TaskCell = components['schemas']['TaskCellResponse'];
export type DivisionReports = components['schemas']['DivisionMonthlyReportsResponse'];
export type DivisionReportRow = components['schemas']['DivisionReportRowResponse'];
export type MonthlyReport = components['schemas']['MonthlyReportResponse'];

export function useTaskList(code: string, year: number) {
  return useQuery({
    queryKey: ['tasks', code, year],
    queryFn: () => read(api.GET('/api/divisions/{code}/tasks', { params: { path: { code }, query: { year } } })),
  });
}

/** Each facility's monthly report of a division: on time, late, missing, due. */
export function useDivisionReports(code: string, month: string) {
  return useQuery({
    queryKey: ['division-reports', code, month],
    queryFn: () => read(api.GET('/api/divisions/{code}/monthly-reports', { params: { path: { code }, query: { month } } })),
  });
}

/** The facility's monthly reports: last month's state and every submission. */
export function useMonthlyReports() {
  const facilityId = useRouteFacilityId();
  return useQuery({
    queryKey: ['monthly-reports', facilityId],
    queryFn: () => read(api.GET('/api/facilities/{facilityId}/monthly-reports', { params: { path: { facilityId } } })),
  });
}

/** Submits (or, with a reason, resubmits) a month's report. */
export function useSubmitMonthlyReport() {
  const facilityId = useRouteFacilityId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { month: string; reason?: string }) =>
      read(api.POST('/api/facilities/{facilityId}/monthly-reports', { params: { path: { facilityId } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['monthly-reports', facilityId] });
      void client.invalidateQueries({ queryKey: ['home', facilityId] });
    },
  });
}
