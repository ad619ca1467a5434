import createClient from 'openapi-fetch';
import type { ErrorParams } from '@careops/care';
import type { components, paths } from './schema';

/** The session kept in the browser: tokens of POST /api/auth/login and /refresh. */
export interface Session {
  accessToken: string;
  refreshToken: string;
}

const KEY = 'careops.session';
export const session = {
  get: (): Session | null => JSON.parse(localStorage.getItem(KEY) ?? 'null'),
  set: (s: Session | null) => (s ? localStorage.setItem(KEY, JSON.stringify(s)) : localStorage.removeItem(KEY)),
};

/**
 * The error body of docs/api.md, typed by the API's own schema; partial, because a refusal from
 * something in front of the API (a proxy, a dropped connection) may not have it.
 */
export type ErrorBody = Partial<components['schemas']['ErrorResponse']>;

/**
 * An API error: its status, its stable `code` (the catalogue of @careops/care words it), the code's
 * `params`, and for a 429 the seconds `Retry-After` asks to wait.
 */
export class ApiError extends Error {
  readonly code: string | undefined;
  readonly params: ErrorParams | undefined;
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
    readonly retryAfterSeconds?: number,
  ) {
    super(Array.isArray(body?.message) ? body.message.join('; ') : (body?.message ?? `HTTP ${status}`));
    this.code = typeof body?.code === 'string' ? body.code : undefined;
    this.params = body?.params && typeof body.params === 'object' ? body.params : undefined;
  }
}

let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token once for all waiting requests (rotation: each works once). */
async function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const current = session.get();
    if (!current) return false;
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
    // Another tab may have spent the same token a moment earlier and stored the new pair: use it.
    if (!res.ok) return session.get()?.refreshToken !== undefined && session.get()?.refreshToken !== current.refreshToken;
    const next: components['schemas']['TokenPairDto'] = await res.json();
    session.set({ accessToken: next.accessToken, refreshToken: next.refreshToken });
    return true;
  })().finally(() => setTimeout(() => (refreshing = null), 0));
  return refreshing;
}

/** fetch with the access token; a 401 refreshes once, then sends the user to sign in and back. */
export async function authedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  // A request body can be read once: every attempt sends a fresh copy of the original.
  const original = new Request(input, init);
  const send = (token?: string) => {
    const request = original.clone();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return fetch(request);
  };
  let res = await send(session.get()?.accessToken);
  if (res.status === 401 && session.get() && (await refresh())) res = await send(session.get()?.accessToken);
  if (res.status === 401 && !String(input instanceof Request ? input.url : input).includes('/api/auth/login')) {
    session.set(null);
    const next = encodeURIComponent(location.pathname + location.search);
    if (!location.pathname.startsWith('/login')) location.assign(`/login?next=${next}`);
  }
  return res;
}

/** Typed by the API's own OpenAPI document: a route or body the API lacks does not compile. */
export const api = createClient<paths>({ baseUrl: '', fetch: (request: Request) => authedFetch(request) });

/** The success body of an openapi-fetch answer: the route's response schema in the OpenAPI document. */
type Data<R> = R extends { data: infer D } ? D : never;

/** The data of an openapi-fetch call, typed by its route and method, or an ApiError. */
export async function read<R extends { data?: unknown; error?: unknown; response: Response }>(call: Promise<R>): Promise<Data<R>> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error as ErrorBody | undefined, retryAfter(response));
  return data as Data<R>;
}

/** `Retry-After` in seconds (a number, or an HTTP date), when the answer has it. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** The name a response says to save it under: the UTF-8 `filename*` (RFC 5987) before the ASCII `filename`. */
export function fileNameOf(disposition: string): string | undefined {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8.trim());
    } catch {
      // a malformed encoding: fall back to the ASCII name
    }
  }
  return /filename="([^"]+)"/.exec(disposition)?.[1];
}

/** Downloads a file the API serves (PDF, CSV, XLSX) with the user's token. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await authedFetch(path);
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  const name = fileNameOf(res.headers.get('content-disposition') ?? '') ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
