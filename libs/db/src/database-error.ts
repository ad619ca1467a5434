import { OperatorError } from '@careops/platform';

/** The database cannot be reached or refused us: a message for a person, not a stack. */
export class DatabaseUnavailableError extends OperatorError {
  constructor(url: string, cause: unknown) {
    super(
      `Cannot connect to the database at ${redactUrl(url)}: ${describe(cause)}. ` +
        'Check DATABASE_URL, or unset it to use the embedded PostgreSQL of `npm start`.',
    );
    this.name = 'DatabaseUnavailableError';
  }
}

/** postgres://user:secret@host/db → postgres://user:***@host/db */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function describe(cause: unknown): string {
  const e = cause as { code?: string; message?: string; errors?: unknown[] };
  if (e?.code === 'ECONNREFUSED') return 'connection refused (is the server running, is the port right?)';
  if (e?.code === 'ENOTFOUND') return 'host not found';
  if (e?.code === 'ETIMEDOUT' || /timeout/i.test(e?.message ?? '')) return 'connection timed out';
  if (e?.code === '28P01' || e?.code === '28000') return 'authentication failed';
  if (e?.code === '3D000') return 'the database does not exist';
  if (e?.code === 'ECONNRESET') return 'the connection was reset';
  if (Array.isArray(e?.errors) && e.errors.length > 0) return describe(e.errors[0]);
  return e?.message || e?.code || String(cause);
}
