import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, authedFetch, download, type ErrorBody } from '../client';
import type { components } from '../schema';
import { useRouteFacilityId } from './facilities';

/** The answer to an uploaded spreadsheet: rows, row errors (row, column, message), and what is (or would be) written. */
export type ImportResult = components['schemas']['ImportResultResponse'];
export type ImportKind = ImportResult['kind'];
export type ImportRowError = components['schemas']['ImportRowErrorResponse'];

/** The row errors a refused commit carries in `details` (a file changed between the preview and the commit). */
export function rowErrorsOf(error: unknown): ImportRowError[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_HAS_ERRORS') return null;
  const details = (error.body as { details?: unknown } | undefined)?.details;
  return Array.isArray(details) ? (details as ImportRowError[]) : null;
}

/** Uploads a filled-in template: a preview (nothing written) or, with `commit`, the import itself. */
export function useImport() {
  const facilityId = useRouteFacilityId();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, file, commit }: { kind: ImportKind; file: File; commit: boolean }): Promise<ImportResult> => {
      const form = new FormData();
      form.append('file', file);
      const res = await authedFetch(`/api/facilities/${facilityId}/imports?kind=${kind}${commit ? '&commit=true' : ''}`, {
        method: 'POST',
        body: form,
      });
      const body = await res.json().catch(() => undefined);
      if (!res.ok) throw new ApiError(res.status, body as ErrorBody | undefined);
      return body as ImportResult;
    },
    onSuccess: (result) => {
      if (!result.committed) return;
      for (const key of ['beds', 'rooms', 'residents', 'staff', 'staffing', 'board']) void queries.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** The template workbook of a kind, saved under its Chinese name. */
export function downloadTemplate(facilityId: string, kind: ImportKind): Promise<void> {
  return download(`/api/facilities/${facilityId}/imports/templates/${kind}.xlsx`, `${kind.toLowerCase()}-template.xlsx`);
}
