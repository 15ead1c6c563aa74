/**
 * Changes to a pairing (结对帮扶): ending it, and editing its start date or note. Both are versioned writes: the
 * caller sends the version it read; after the region check the version moves on first in the transaction (409
 * with the pairing as it is now when someone saved first), then the change is checked on the row as it is.
 */
import type { PairingPatch } from '../../../shared/contracts/pairings.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { findPairing, type PairingRow } from './repo.ts';
import { isActivePairing } from './rules.ts';
import { pairingView } from './service.ts';

const pairingMissing = (id: number) => notFound(msg(`结对记录不存在：${id}`, `Pairing not found: ${id}`));

/**
 * Loads the pairing, checks its region (force.write), then in one transaction moves its version on and hands the
 * row as it is now to `change`, which checks and writes; the audit gets the views before and after.
 */
async function changePairing(
  db: Db,
  scope: Scope,
  id: number,
  version: number | undefined,
  action: 'end' | 'update',
  change: (trx: Db, row: PairingRow, today: string) => Promise<void>,
) {
  const today = todayInChina();
  const found = await findPairing(db, id);
  if (!found) throw pairingMissing(id);
  scope.authorize(found.region_code);
  return db.transaction().execute(async (trx) => {
    const current = async () => pairingView((await findPairing(trx, id))!, today);
    await bumpVersion(trx, 'pairing', id, version, current);
    const row = (await findPairing(trx, id))!;
    await change(trx, row, today);
    const after = await current();
    await writeAudit(trx, scope.actor, {
      action,
      entity: 'pairing',
      entityId: id,
      regionCode: row.region_code,
      before: { ...pairingView(row, today), version: row.version - 1 },
      after,
    });
    return after;
  });
}

/** Ends an active pairing on `endDate` (inclusive; not before its start). Ending an ended pairing is 409. */
export function endPairing(db: Db, scope: Scope, id: number, endDate: string, version: number | undefined) {
  return changePairing(db, scope, id, version, 'end', async (trx, row, today) => {
    if (endDate < row.start_date)
      throw invalid(
        'endDate',
        msg(`结束日期早于开始日期 ${row.start_date}`, `The end date is before the start date ${row.start_date}`),
      );
    if (!isActivePairing(row.end_date, today))
      throw conflict(msg(`该结对已于 ${row.end_date} 结束`, `The pairing already ended on ${row.end_date}`));
    await trx.updateTable('pairing').set({ end_date: endDate, updated_at: nowIso() }).where('id', '=', id).execute();
  });
}

/** Edits the start date (not after the end date) and the note; the sides of a pairing never change. */
export function updatePairing(db: Db, scope: Scope, id: number, patch: PairingPatch, version: number | undefined) {
  return changePairing(db, scope, id, version, 'update', async (trx, row) => {
    const startDate = patch.startDate ?? row.start_date;
    if (row.end_date !== null && startDate > row.end_date)
      throw invalid(
        'startDate',
        msg(`开始日期晚于结束日期 ${row.end_date}`, `The start date is after the end date ${row.end_date}`),
      );
    await trx
      .updateTable('pairing')
      .set({
        start_date: startDate,
        note: patch.note === undefined ? row.note : patch.note || null,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  });
}
