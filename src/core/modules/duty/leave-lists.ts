/**
 * Reading leave requests (请假申请): one request, the list of a scope, and the approval inbox (待我审批) — the
 * pending requests the caller's leave.approve decides, oldest first.
 */
import { sql } from 'kysely';
import type { InboxQuery, Leave, LeaveQuery } from '../../../shared/contracts/leave.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import type { Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { findLeave, leaveQuery, leaveView } from './leave-view.ts';
import { decidedLevels } from './rules.ts';

export async function leaveDetail(db: Db, scope: Scope, id: number): Promise<Leave> {
  const row = await findLeave(db, id);
  scope.authorize(row.region_code);
  return leaveView(scope, row);
}

/** The page's leaves by id, as views, for listPage. */
const leavesById = (db: Db, scope: Scope) => async (ids: number[]) =>
  (await leaveQuery(db).where('l.id', 'in', ids).execute()).map((r) => leaveView(scope, r));

/** Leave requests in the scope, newest first. */
export async function listLeaves(db: Db, scope: Scope, q: LeaveQuery) {
  const { total, rows } = await listPage({
    scope,
    base: db
      .selectFrom('leave_request as l')
      .$if(!!q.status, (qb) => qb.where('l.status', '=', q.status!))
      .$if(q.personId !== undefined, (qb) => qb.where('l.person_id', '=', q.personId!)),
    scopeColumn: 'l.region_code',
    order: (qb) => qb.orderBy('l.requested_at', 'desc').orderBy('l.id', 'desc'),
    page: q,
    id: 'l.id',
    details: leavesById(db, scope),
  });
  return { total, items: rows };
}

/**
 * The approval inbox over the caller's Scope of leave.approve: the pending leaves whose deciding region lies in it
 * — in each of its regions, the levels that region decides (a township its township-level leaves, a county or
 * wider every level). One range condition per region over leave_region_idx (region_code, status, approver).
 */
export async function leaveInbox(db: Db, scope: Scope, q: InboxQuery) {
  const ranges = scope.codeRanges();
  const { total, rows } = await listPage({
    scope,
    base: db
      .selectFrom('leave_request as l')
      .where('l.status', '=', 'pending')
      .$if(q.overdue === true, (qb) => qb.where('l.start_date', '<=', todayInChina()))
      .$if(ranges !== 'all', (qb) =>
        qb.where((eb) => {
          const deciding = (ranges as Exclude<typeof ranges, 'all'>)
            .map((r) => ({ r, levels: decidedLevels(r) }))
            .filter((x) => x.levels.length > 0);
          if (deciding.length === 0) return sql<boolean>`1 = 0`;
          return eb.or(
            deciding.map(({ r, levels }) =>
              eb.and([eb('l.region_code', '>=', r.lo), eb('l.region_code', '<', r.hi), eb('l.approver', 'in', levels)]),
            ),
          );
        }),
      ),
    scopeColumn: 'l.region_code',
    order: (qb) => qb.orderBy('l.requested_at', 'asc').orderBy('l.id', 'asc'),
    page: q,
    id: 'l.id',
    details: leavesById(db, scope),
  });
  return { total, items: rows };
}
