import { ApiOkResponse } from '@nestjs/swagger';

/** A route that answers a file (a PDF, a CSV, a workbook, a ZIP): its 2xx in OpenAPI, by media type. */
export const ApiFileResponse = (mediaTypes: string[], description?: string) =>
  ApiOkResponse({
    ...(description ? { description } : {}),
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });
