/** The audit log as its readers see it (审计日志): scoped, filtered, personal data masked per row. */
import type { AuditQuery, AuditRow } from '../../../shared/contracts/users.ts';
import { NATION_CODE } from '../../../shared/regions.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { maskPersonal } from './mask.ts';
import { listAudit } from './repo.ts';

/** A day (YYYY-MM-DD) is the whole day in UTC; an instant with an offset is itself. */
const instant = (s: string | undefined, endOfDay: boolean) =>
  !s ? undefined : s.length === 10 ? `${s}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : new Date(s).toISOString();

const parse = (json: string | null): unknown => (json ? JSON.parse(json) : null);

/**
 * A page of the audit rows in the scope. ID numbers and phones inside before/after are masked unless the reader
 * may reveal personal data (pii.reveal) in the row's region — for a row no region owns, in the whole country — so
 * the log is no way around the audited reveal.
 */
export async function auditList(db: Db, scope: Scope, q: AuditQuery): Promise<{ total: number; items: AuditRow[] }> {
  const { total, rows } = await listAudit(db, scope, {
    ...q,
    from: instant(q.from, false),
    to: instant(q.to, true),
  });
  return {
    total,
    items: rows.map((r) => {
      const reveal = scope.can('pii.reveal', r.region_code ?? NATION_CODE);
      const before = reveal ? { value: parse(r.before_json), masked: false } : maskPersonal(parse(r.before_json));
      const after = reveal ? { value: parse(r.after_json), masked: false } : maskPersonal(parse(r.after_json));
      return {
        id: r.id,
        at: r.at,
        username: r.username,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        regionCode: r.region_code,
        before: before.value,
        after: after.value,
        masked: before.masked || after.masked,
      };
    }),
  };
}
