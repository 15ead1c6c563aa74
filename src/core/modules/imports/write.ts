import type { Actor } from '../../access/permissions.ts';
import type { Db } from '../../db/index.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { auditBeforeImages } from '../households/before.ts';
import { saveHouseholds } from '../households/write.ts';
import { countyOf } from './checks.ts';
import type { Pending, RowError } from './rows.ts';

export interface Failed {
  household: Pending;
  errors: RowError[];
}

/** The import as its audit rows name it: the file, and whether it may set statuses (allowStatus). */
export interface ImportWrite {
  file: string;
  allowStatus: boolean;
}

/**
 * Writes one transaction: saveHouseholds per county (the register's one write path; existing households keep
 * their status unless allowStatus), an audit row per updated household with its before-image, and an audit row
 * per county for the batch — with allowStatus, saying so and listing the status changes it made.
 */
async function writeOnce(db: Db, actor: Actor, list: Pending[], { file, allowStatus }: ImportWrite) {
  const byCounty = new Map<string, Pending[]>();
  for (const b of list) {
    const county = countyOf(b.input.villageCode);
    const list = byCounty.get(county);
    if (list) list.push(b);
    else byCounty.set(county, [b]);
  }
  await db.transaction().execute(async (trx) => {
    for (const [county, households] of byCounty) {
      const inputs = households.map((b) => b.input);
      // What each household the batch updates was, one audit row each; the batch row below names them all.
      await auditBeforeImages(trx, actor, county, inputs, { action: 'import', after: { file } });
      await saveHouseholds(trx, county, inputs, { workflowFields: allowStatus ? 'write' : 'keep' });
      const changed = households.filter((b) => b.workflowChanges?.length);
      await writeAudit(trx, actor, {
        action: 'import',
        entity: 'household',
        regionCode: county,
        after: {
          file,
          households: households.length,
          created: households.filter((b) => !b.existed).length,
          persons: households.reduce((n, b) => n + b.input.members.length, 0),
          codes: households.map((b) => b.code),
          ...(allowStatus
            ? {
                allowStatus: true,
                statusChanges: changed.map((b) => ({
                  code: b.code,
                  changes: b.workflowChanges!.map((c) => ({ field: c.field, from: c.from, to: c.to })),
                })),
              }
            : {}),
        },
      });
    }
  });
}

/**
 * Commits valid households in one transaction. Should it fail (a constraint, a lost connection), each
 * household is retried in its own transaction so that one bad household does not sink the others; what
 * still fails comes back as row errors. Never rejects.
 */
export async function writeHouseholds(db: Db, actor: Actor, list: Pending[], how: ImportWrite): Promise<Failed[]> {
  try {
    await writeOnce(db, actor, list, how);
    return [];
  } catch (first) {
    const failed: Failed[] = [];
    for (const b of list) {
      try {
        if (list.length === 1) throw first;
        await writeOnce(db, actor, [b], how);
      } catch (e) {
        const why = (e instanceof Error ? e.message : String(e)).slice(0, 200);
        const message = msg(`写入数据库失败，本户未导入：${why}`, `Writing to the database failed: ${why}`);
        failed.push({ household: b, errors: [{ row: b.firstRow, column: '户编号', message, household: b.code }] });
      }
    }
    return failed;
  }
}
