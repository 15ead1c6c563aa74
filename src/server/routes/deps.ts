import type { Config } from '../../core/config.ts';
import type { Database } from '../../core/db/index.ts';
import type { LockoutPolicy } from '../../core/modules/users/rules.ts';

/** What route modules need from the outside. */
export interface Deps {
  database: Database;
  config: Config;
  lockout: LockoutPolicy;
  loginRate: { max: number; windowMs: number };
}
