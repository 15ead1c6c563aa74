/**
 * The registrar: turns contracts (src/shared/contracts) and use cases into Fastify routes. Every call takes the
 * same path — authenticate (the auth plugin's hook) → validate (zod, the contract's schemas) → resolve the scope
 * (the contract's scope rule) → the use case → serialise through the response schema. Route files are lists of
 * `bind(contract, useCase)`; no domain work happens here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ContractSpec, FileReply, ParsedInput, ReplyOf } from '../shared/contracts/contract.ts';
import type { Actor } from '../core/access/permissions.ts';
import { resolveScope } from '../core/access/resolve.ts';
import { Scope, authorizeAny } from '../core/access/scope.ts';
import type { Db } from '../core/db/index.ts';
import { actorOf } from './plugins/auth.ts';
import { ErrorSchema } from '../shared/contracts/fields.ts';

type UserActor = Extract<Actor, { kind: 'user' }>;

/** What a use case gets beside its parsed input. */
export interface CallContext<C extends ContractSpec = ContractSpec> {
  /** The logged-in user (for a public contract, null when nobody is logged in). */
  actor: UserActor;
  /** Resolved by the contract's scope rule: narrowed to the named region, the caller's whole scope, or global. */
  scope: Scope;
  /**
   * The version the caller read (body `version` or If-Match), for a versioned contract; the use case hands it to
   * bumpVersion / expectVersion after authorizing, which answer 428 when it is missing and 409 when stale.
   */
  version: C['versioned'] extends true ? number | undefined : undefined;
  req: FastifyRequest;
  reply: FastifyReply;
}

export type UseCase<C extends ContractSpec> = (
  input: ParsedInput<C>,
  ctx: CallContext<C>,
) => Promise<ReplyOf<C>> | ReplyOf<C>;

export interface Binding {
  contract: ContractSpec;
  /** The use case, called with the validated input. */
  run: (input: unknown, ctx: CallContext) => Promise<unknown>;
}

/** Binds a contract to its use case (the types of input and reply come from the contract). */
export function bind<C extends ContractSpec>(contract: C, useCase: UseCase<C>): Binding {
  return { contract, run: async (input, ctx) => useCase(input as ParsedInput<C>, ctx as CallContext<C>) };
}

/** `"3"`, `W/"3"` or `3` → 3; anything else → undefined. */
export function parseIfMatch(header: string | undefined): number | undefined {
  const m = header?.trim().match(/^(?:W\/)?"?(\d{1,10})"?$/);
  return m ? Number(m[1]) : undefined;
}

/**
 * content-disposition for a download: the real (Chinese) name in filename*, and for old clients and `curl -J` an
 * ASCII name — the ASCII parts of the real one, or `download` when it has none (建档立卡户-竹山县.xlsx →
 * download.xlsx; households-420323.csv stays as it is).
 */
export function attachment(filename: string, asciiName?: string): string {
  const dot = filename.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot)] : [filename, ''];
  const asciiStem = stem
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_.-]+|[_.-]+$/g, '');
  const ascii =
    asciiName?.replace(/[^\x20-\x7e]|["\\]/g, '') ||
    `${/[A-Za-z0-9]/.test(asciiStem) ? asciiStem : 'download'}${ext.replace(/[^A-Za-z0-9.]/g, '')}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const ANONYMOUS: Actor = { kind: 'system', name: 'anonymous' };

async function scopeOf(db: Db, c: ContractSpec, actor: Actor, input: Record<string, unknown>): Promise<Scope> {
  const rule = c.scope;
  if (rule === 'public') return Scope.global(actor, 'a public endpoint');
  if (rule === 'global') {
    if (c.permission) authorizeAny(actor, c.permission);
    return Scope.global(actor, 'the contract is not region-owned');
  }
  if (!c.permission) throw new Error(`${c.method} ${c.path}: a scoped contract needs a permission`);
  if (rule === 'row') return Scope.of(actor, c.permission);
  const part = input[rule.region] as Record<string, unknown> | undefined;
  const value = part?.[rule.key];
  return resolveScope(db, actor, c.permission, typeof value === 'string' ? value : undefined, rule.key);
}

const statusOf = (c: ContractSpec) => c.status ?? (c.response === null ? 204 : 200);

/** Registers the bindings as routes: schemas for validation, serialisation and the OpenAPI document. */
export function registerBindings(app: FastifyInstance, db: Db, bindings: readonly Binding[]): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const { contract: c, run } of bindings) {
    const status = statusOf(c);
    const response: Record<number, z.ZodType> = {};
    if (c.response && c.response !== 'file') response[status] = c.response;
    if (c.scope !== 'public') {
      response[401] = ErrorSchema;
      response[403] = ErrorSchema;
    }
    typed.route({
      method: c.method,
      url: c.path,
      config: { public: c.scope === 'public', beforePasswordChange: !!c.beforePasswordChange },
      ...(c.bodyLimit ? { bodyLimit: c.bodyLimit } : {}),
      schema: {
        tags: c.tags ? [...c.tags] : undefined,
        summary: c.summary,
        ...(c.params ? { params: c.params } : {}),
        ...(c.query ? { querystring: c.query } : {}),
        ...(c.body && !c.multipart ? { body: c.body } : {}),
        ...(c.multipart ? { consumes: ['multipart/form-data'] } : {}),
        ...(c.response === 'file' ? { produces: ['application/octet-stream'] } : {}),
        response,
      },
      handler: async (req, reply) => {
        const input = { params: req.params, query: req.query, body: c.multipart ? undefined : req.body } as Record<
          string,
          unknown
        >;
        const actor: Actor = c.scope === 'public' ? (req.actor ?? ANONYMOUS) : actorOf(req);
        const scope = await scopeOf(db, c, actor, input);
        let version: number | undefined;
        if (c.versioned) {
          const fromBody = (input.body as { version?: unknown } | undefined)?.version;
          version = typeof fromBody === 'number' ? fromBody : parseIfMatch(req.headers['if-match']);
        }
        const result = await run(input, {
          actor: req.actor as UserActor,
          scope,
          version: version as undefined,
          req,
          reply,
        });
        if (c.response === 'file') {
          const file = result as FileReply;
          reply.status(status).type(file.type);
          if (file.filename) reply.header('content-disposition', attachment(file.filename, file.asciiName));
          return reply.send(file.body);
        }
        const v = (result as { version?: unknown } | null)?.version;
        if (typeof v === 'number') reply.header('etag', `"${v}"`);
        reply.status(status);
        return status === 204 ? reply.send() : result;
      },
    });
  }
}
