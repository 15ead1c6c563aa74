import { CODE_LISTS, type CodeListName } from '../../../shared/register.ts';
import type { Db } from '../../db/index.ts';
import { activeCodes, paramValue } from '../policy/service.ts';
import type { ValidationContext } from './rules.ts';

/** Loads what household validation needs: active code lists and parameters. Today defaults to the clock. */
export async function loadValidationContext(
  db: Db,
  today = new Date().toISOString().slice(0, 10),
): Promise<ValidationContext> {
  const codes = {} as Record<CodeListName, Set<string>>;
  for (const list of Object.keys(CODE_LISTS) as CodeListName[]) codes[list] = await activeCodes(db, list);
  const maxOtherCauses = await paramValue<number>(db, 'max_other_causes', Number(today.slice(0, 4)));
  return { codes, maxOtherCauses, today };
}
