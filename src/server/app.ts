import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config, LogLevel } from '../core/config.ts';
import type { Database } from '../core/db/index.ts';
import { DEFAULT_LOCKOUT } from '../core/modules/users/rules.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrors } from './plugins/errors.ts';
import { registerI18n } from './plugins/i18n.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { registerLogging, requestId } from './plugins/logging.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerWeb } from './plugins/web.ts';
import { adminBindings } from './routes/admin.ts';
import { authBindings } from './routes/auth.ts';
import { commandBindings } from './routes/command.ts';
import type { Deps } from './routes/deps.ts';
import { crosscheckFileBindings } from './routes/crosscheck-file.ts';
import { householdBindings } from './routes/households.ts';
import { registerBindings } from './registrar.ts';
import { importBindings } from './routes/imports.ts';
import { policyBindings } from './routes/policy.ts';
import { regionBindings } from './routes/regions.ts';
import { statsBindings } from './routes/stats.ts';
import { workflowBindings } from './routes/workflow.ts';
import { cadreBindings } from './routes/cadres.ts';
import { assessmentBindings } from './routes/assessments.ts';
import { dutyBindings } from './routes/duty.ts';
import { pairingBindings } from './routes/pairings.ts';
import { forceStatsBindings } from './routes/forces-stats.ts';
import { searchBindings } from './routes/search.ts';
import { workbenchBindings } from './routes/workbench.ts';

export interface AppOptions {
  database: Database;
  config: Config;
  /** Overrides config.logLevel; `stream` receives the JSON lines instead of stdout (tests read them). */
  log?: { level?: LogLevel; stream?: { write(line: string): void } };
  lockout?: Deps['lockout'];
  loginRate?: Deps['loginRate'];
  /** The largest file an import accepts (200 MB by default; 413 beyond it). */
  importMaxBytes?: number;
}

/** Builds the HTTP app: plugins, then one route module per domain module. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: opts.log?.level ?? opts.config.logLevel,
      ...(opts.log?.stream ? { stream: opts.log.stream } : {}),
    },
    // One line per request of our own (plugins/logging.ts) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestId,
    requestIdHeader: false,
    trustProxy: opts.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 16_384 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const deps: Deps = {
    database: opts.database,
    config: opts.config,
    lockout: opts.lockout ?? DEFAULT_LOCKOUT,
    loginRate: opts.loginRate ?? { max: 30, windowMs: 60_000 },
  };

  registerLogging(app);
  await app.register(cookie);
  registerI18n(app);
  registerErrors(app);
  registerAuth(app, opts.database.db, opts.config.sessionCacheSeconds * 1000);
  registerInputGuard(app);
  await registerOpenApi(app);
  // Uploads (imports, cross-check files): one file per request; each use case passes its own size limit.
  await app.register(multipart, { limits: { files: 1, fields: 6, parts: 7 } });

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['meta'], response: { 200: z.object({ ok: z.boolean(), dialect: z.string() }) } },
    },
    async () => ({ ok: true, dialect: opts.database.dialect }),
  );
  // The endpoints declared as contracts (src/shared/contracts), one list per module.
  registerBindings(app, opts.database.db, [
    ...householdBindings(deps),
    ...regionBindings(deps),
    ...commandBindings(deps),
    ...authBindings(deps),
    ...adminBindings(deps),
    ...policyBindings(deps),
    ...workflowBindings(deps),
    ...crosscheckFileBindings(deps),
    ...statsBindings(deps),
    ...dutyBindings(deps),
    ...assessmentBindings(deps),
    ...importBindings(deps, { maxBytes: opts.importMaxBytes }),
    ...cadreBindings(deps),
    ...pairingBindings(deps),
    ...forceStatsBindings(deps),
    ...workbenchBindings(deps),
    ...searchBindings(deps),
  ]);
  await registerWeb(app);
  await app.ready();
  return app;
}
