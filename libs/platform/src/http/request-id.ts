import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

/** Reuses a caller's correlation id when it looks like one, else makes a new one; echoes it back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Express middleware: gives every request its id (pino-http reuses `req.id`). */
export function assignRequestId(req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void): void {
  req.id = requestId(req, res);
  next();
}
