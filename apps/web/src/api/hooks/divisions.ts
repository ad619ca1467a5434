import { useQuery } from '@tanstack/react-query';
import { api, read } from '../client';
import type { components } from '../schema';

/** A facility's row of a division's month. */
export type DivisionRow = components['schemas']['DivisionRowResponse'];

/** A division's month, a row per facility and the total (docs/rules.md §7–§8). */
export function useDivisionSummary(code: string, month: string) {
  return useQuery({
    queryKey: ['division', code, month],
    queryFn: () => read(api.GET('/api/divisions/{code}/summary', { params: { path: { code }, query: { month } } })),
  });
}

/** Starts the job that renders the division's summary PDF of a month. */
export const startDivisionSummaryJob = (code: string, month: string) =>
  read(api.POST('/api/divisions/{code}/summary-jobs', { params: { path: { code } }, body: { month } }));
