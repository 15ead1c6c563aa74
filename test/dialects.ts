import { join } from 'node:path';
import type { Dialect } from '../src/core/db/index.ts';

/** Which dialects the suite runs on: XIUHUA_TEST_DIALECTS=sqlite|postgres|sqlite,postgres (default sqlite). */
export const DIALECTS: Dialect[] = (process.env.XIUHUA_TEST_DIALECTS ?? 'sqlite')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is Dialect => s === 'sqlite' || s === 'postgres');

export const PG_URL = process.env.XIUHUA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/xiuhua_test';
export const TMP_DIR = process.env.XIUHUA_TEST_TMP ?? join(import.meta.dirname, '..', '.tmp');
export const SQLITE_TEMPLATE = join(TMP_DIR, 'test-template.db');

/** Database name and a URL to the same server with another database. */
export function pgParts(url = PG_URL) {
  const u = new URL(url);
  const name = u.pathname.replace(/^\//, '') || 'xiuhua_test';
  const withDb = (db: string) => {
    const v = new URL(url);
    v.pathname = `/${db}`;
    return v.toString();
  };
  return { name, template: `${name}_tmpl`, withDb };
}

/** Regions in every test template: 竹山县 and its neighbour 郧西县 (a sibling county for scope tests). */
export const TEMPLATE_COUNTIES = ['420323', '420322'];
