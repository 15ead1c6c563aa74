/**
 * One contract per endpoint: method, path, inputs and output as zod, the permission and how the region scope is
 * found. The server's registrar (src/server/registrar.ts) turns a contract and a use case into a Fastify route,
 * the OpenAPI document is generated from the same schemas, and the web app calls through `call(contract, input)`
 * (web/src/api.ts) — so a renamed field breaks the build on both sides, not a user's screen.
 */
import type { z } from 'zod';
import type { Permission } from '../codes.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How the region scope of a call is found:
 * - `{ region: 'query' | 'params' | 'body', key }` — from a region code among the inputs: the registrar checks
 *   that the region exists (404) and lies in the caller's scope for the permission (403), and hands the use case
 *   a Scope narrowed to it; when the input is absent, the Scope is everything the caller may see.
 * - `'row'` — the use case loads the row and checks its region against the Scope (the caller's whole scope).
 * - `'global'` — not owned by a region (the caller's own account, code lists): explicitly unscoped.
 * - `'public'` — no session needed (login, health).
 */
export type ScopeRule = { region: 'query' | 'params' | 'body'; key: string } | 'row' | 'global' | 'public';

export interface ContractSpec {
  method: HttpMethod;
  /** Fastify path syntax: `/api/households/:id`. */
  path: `/api/${string}`;
  /** Shown in the OpenAPI document: Chinese first, then English. */
  summary: string;
  tags?: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** JSON response schema; `'file'` for a download (binary body, own content type); `null` for 204 No Content. */
  response: z.ZodType | 'file' | null;
  /** Success status (200 by default; 204 when `response` is null). */
  status?: 200 | 201 | 202 | 204;
  /** The permission the call needs inside its scope; null: any logged-in user (or anyone, with scope 'public'). */
  permission: Permission | null;
  scope: ScopeRule;
  /**
   * A write to an editable record: the caller sends the version it read (body `version` or `If-Match`); a stale
   * one answers 409 VERSION_CONFLICT with the current record; none answers 428.
   */
  versioned?: boolean;
  /**
   * Reachable while the user must change a password an administrator gave (the own account: who am I, change the
   * password); every other call of such a session answers 403 PASSWORD_CHANGE_REQUIRED.
   */
  beforePasswordChange?: boolean;
  /** The body is multipart form data (uploads), read by the use case itself. */
  multipart?: boolean;
  /** A JSON body larger than the app's default limit (1 MB), in bytes (e.g. rows uploaded as JSON). */
  bodyLimit?: number;
}

/** Declares a contract (identity at run time; keeps the literal types). */
export function contract<const C extends ContractSpec>(c: C): C {
  return c;
}

type InputSide<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputSide<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends: `{ params?, query?, body? }`, each present only when the contract has it. */
export type CallInput<C extends ContractSpec> = Compact<{
  params: InputSide<C['params']>;
  query: InputSide<C['query']>;
  body: InputSide<C['body']>;
}>;

/** The query a caller sends (lists: filters and paging). */
export type QueryInput<C extends ContractSpec> = InputSide<C['query']>;

/** What a use case receives: the same parts after validation (defaults applied, strings coerced). */
export type ParsedInput<C extends ContractSpec> = Compact<{
  params: OutputSide<C['params']>;
  query: OutputSide<C['query']>;
  body: OutputSide<C['body']>;
}>;

/** What the server answers (the parsed JSON); a Blob for downloads; void for 204. */
export type ResponseOf<C extends ContractSpec> = C['response'] extends z.ZodType
  ? z.output<C['response']>
  : C['response'] extends 'file'
    ? Blob
    : void;

/** A download: the bytes (a Buffer or a readable stream on the server), their content type and file name. */
export interface FileReply {
  body: unknown;
  type: string;
  /** Offered as the download's name (content-disposition: attachment). */
  filename?: string;
  /** The name for clients that take only ASCII (default: the ASCII parts of `filename`). */
  asciiName?: string;
}

/** What a use case returns for the contract (before serialisation through the response schema). */
export type ReplyOf<C extends ContractSpec> = C['response'] extends z.ZodType
  ? z.input<C['response']>
  : C['response'] extends 'file'
    ? FileReply
    : void;

type Compact<T> = { [K in keyof T as T[K] extends undefined ? never : K]: T[K] } & {
  [K in keyof T as T[K] extends undefined ? K : never]?: undefined;
};

/** `/api/households/:id` + `{ id: 7 }` → `/api/households/7` (values URI-encoded). */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, key: string) => {
    const v = params?.[key];
    if (v === undefined || v === null) throw new Error(`missing path parameter ${key} for ${path}`);
    return encodeURIComponent(String(v));
  });
}
