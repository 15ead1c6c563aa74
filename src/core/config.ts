/** Configuration from the environment, read once. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  demoPassword: string;
  /** 'auto': Secure cookies when the request came over https. */
  cookieSecure: 'auto' | boolean;
  sessionHours: number;
  /** Seconds a resolved session is kept in this process (0: look it up on every request). */
  sessionCacheSeconds: number;
  trustProxy: boolean;
  /** The server's log level (pino JSON lines on stdout): 'info' by default, 'silent' with LOG=0. */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG=0 (or false/off) silences the logs; LOG_LEVEL picks the level, info by default. */
function logLevelOf(env: NodeJS.ProcessEnv): LogLevel {
  if (['0', 'false', 'off'].includes((env.LOG ?? '').toLowerCase())) return 'silent';
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${env.LOG_LEVEL})`);
  return level as LogLevel;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const secure = (env.COOKIE_SECURE ?? 'auto').toLowerCase();
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? 'file:./data/xiuhua.db',
    demoPassword: env.XIUHUA_DEMO_PASSWORD ?? 'Xiuhua@2026',
    cookieSecure: secure === 'auto' ? 'auto' : secure === 'true' || secure === '1',
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    sessionCacheSeconds: Number(env.SESSION_CACHE_SECS ?? 5),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    logLevel: logLevelOf(env),
  };
}
