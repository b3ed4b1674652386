import { ApiError, type FieldErrors } from './errors';
import { CSRF_HEADER, needsCsrf, readCsrfToken } from './csrf';

// The one place the app talks to the server. Cookies carry the session
// (HttpOnly, so JavaScript never sees it); nothing is kept in web storage.

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

let onUnauthenticated: (() => void) | null = null;
let onStepUpRequired: (() => Promise<boolean>) | null = null;

/** The session layer registers here: any 401 outside login ends the session in the UI. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/**
 * The step-up dialog registers here: a 403 step_up_required (a route that
 * needs a fresh second factor) asks the person, and the call is retried once
 * if they stepped up.
 */
export function setStepUpHandler(handler: (() => Promise<boolean>) | null): void {
  onStepUpRequired = handler;
}

/** The same dialog for calls made outside `request` (file downloads). */
export function askForStepUp(): Promise<boolean> {
  return onStepUpRequired ? onStepUpRequired() : Promise.resolve(false);
}

export function buildPath(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(
  method: Method,
  path: string,
  options: {
    body?: unknown;
    query?: Query;
    signal?: AbortSignal;
    isLogin?: boolean;
    idempotencyKey?: string;
    /** Set on the retry after a step-up (and on step-up itself): never ask twice. */
    noStepUp?: boolean;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  // The server answers a repeat of this key with its first answer (offline/outbox.ts).
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (needsCsrf(method)) {
    const token = readCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  const init: RequestInit = {
    method,
    headers,
    credentials: 'same-origin',
    cache: 'no-store',
    redirect: 'error',
  };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  const response = await fetch(buildPath(`/api/v1${path}`, options.query), init);

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await toApiError(response);
  if (
    error.status === 403 &&
    error.reason === 'step_up_required' &&
    !options.noStepUp &&
    onStepUpRequired &&
    (await onStepUpRequired())
  )
    return request<T>(method, path, { ...options, noStepUp: true });
  if (error.status === 401 && !options.isLogin && onUnauthenticated) onUnauthenticated();
  throw error;
}

export async function toApiError(response: Response): Promise<ApiError> {
  let code = 'http_error';
  let message = response.statusText || `HTTP ${response.status}`;
  let reason: string | undefined;
  let fields: FieldErrors | undefined;
  let requestId: string | undefined;
  try {
    const body: unknown = await response.json();
    const err = (body as { error?: Record<string, unknown> } | null)?.error;
    if (err && typeof err === 'object') {
      if (typeof err.code === 'string') code = err.code;
      if (typeof err.message === 'string') message = err.message;
      if (typeof err.reason === 'string') reason = err.reason;
      if (typeof err.request_id === 'string') requestId = err.request_id;
      if (err.fields && typeof err.fields === 'object')
        fields = onlyStrings(err.fields as Record<string, unknown>);
    }
  } catch {
    // Not JSON (a proxy page, say): keep the status text.
  }
  const retryAfter = response.headers.get('Retry-After');
  const retryAfterSeconds =
    retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  return new ApiError({
    status: response.status,
    code,
    message,
    reason,
    fields,
    requestId,
    retryAfterSeconds,
  });
}

function onlyStrings(input: Record<string, unknown>): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(input)) if (typeof value === 'string') out[key] = value;
  return out;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};
