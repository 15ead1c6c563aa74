/**
 * Fetch wrapper for the Xiuhua API: JSON in/out, same-origin cookies, CSRF header on writes,
 * language headers, and one error type (ApiError) for every failure.
 */
import type { ApiErrorBody, ErrorCode } from '@shared/codes';
import { fillPath, type CallInput, type ContractSpec, type ResponseOf } from '@shared/contracts/contract';
import { acceptLanguage, t } from './i18n';

export type ApiErrorCode = ErrorCode | 'NETWORK';
export interface ApiErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: ApiErrorDetail[];
  /** With VERSION_CONFLICT: the record as it is now (someone else saved first). */
  readonly current: unknown;

  constructor(status: number, code: ApiErrorCode, message: string, details: ApiErrorDetail[] = [], current?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.current = current;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Error message to show for anything thrown by a request. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return t('error.unknown');
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not run the global 401 handler (login, the initial /auth/me probe). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

let csrfFallback: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remember the token from /auth/login or /auth/me in case the xh_csrf cookie is unreadable. */
export function setCsrfToken(token: string | null): void {
  csrfFallback = token;
}

/** The app registers how to react to a 401 (clear the session and go to /login). */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    body = null;
  }
  const err = body?.error;
  if (err && typeof err.message === 'string') {
    return new ApiError(res.status, err.code ?? 'INTERNAL', err.message, err.details ?? [], err.current);
  }
  const fallback: ApiErrorCode =
    res.status === 401
      ? 'UNAUTHENTICATED'
      : res.status === 403
        ? 'FORBIDDEN'
        : res.status === 404
          ? 'NOT_FOUND'
          : 'INTERNAL';
  return new ApiError(res.status, fallback, t('error.http', { status: res.status }));
}

/** Sends a request and returns the raw response (ok), or throws ApiError. */
async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage(),
  };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie('xh_csrf') ?? csrfFallback;
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', t('error.network'));
  }
  if (!res.ok) {
    const err = await parseError(res);
    if (res.status === 401 && !opts.noAuthRedirect) {
      if (onUnauthorized) onUnauthorized();
      else if (window.location.pathname !== '/login') window.location.assign('/login');
    }
    throw err;
  }
  return res;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Calls an endpoint through its contract (src/shared/contracts): the path, method, inputs and answer are typed
 * from the same zod schemas the server validates with, so a renamed field breaks this build. Downloads
 * (`response: 'file'`) resolve to a Blob.
 */
export async function call<C extends ContractSpec>(
  contract: C,
  input: CallInput<C>,
  opts: { signal?: AbortSignal; noAuthRedirect?: boolean } = {},
): Promise<ResponseOf<C>> {
  const { params, query, body } = input as { params?: Record<string, unknown>; query?: Query; body?: unknown };
  const path = fillPath(contract.path, params).replace(/^\/api/, '');
  const res = await send(contract.method, path, {
    query,
    body: body === undefined && contract.method !== 'GET' && !contract.multipart ? {} : body,
    ...opts,
  });
  if (contract.response === 'file') return (await res.blob()) as ResponseOf<C>;
  if (res.status === 204) return undefined as ResponseOf<C>;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as ResponseOf<C>;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T = void>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T = void>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T = void>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: (path: string) => request<void>('DELETE', path),
};
