/** The audit log as its readers see it (审计日志): scoped, filtered, personal data masked per row. */
import type { AuditChange, AuditQuery, AuditRow } from '../../../shared/contracts/users.ts';
import { NATION_CODE } from '../../../shared/regions.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { listUserPage } from '../users/repo.ts';
import { auditChanges } from './diff.ts';
import { maskPersonal } from './mask.ts';
import { listAudit } from './repo.ts';

/** A day (YYYY-MM-DD) is the whole day in UTC; an instant with an offset is itself. */
const instant = (s: string | undefined, endOfDay: boolean) =>
  !s ? undefined : s.length === 10 ? `${s}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : new Date(s).toISOString();

const parse = (json: string | null): unknown => (json ? JSON.parse(json) : null);

/** A change's values masked as its field holds them (an ID number, a phone), and whether any was. */
function maskChange(c: AuditChange): { change: AuditChange; masked: boolean } {
  const key = String(c.path.findLast((p) => typeof p === 'string') ?? '');
  const before = maskPersonal({ [key]: c.before });
  const after = maskPersonal({ [key]: c.after });
  return {
    change: {
      ...c,
      before: (before.value as Record<string, unknown>)[key],
      after: (after.value as Record<string, unknown>)[key],
    },
    masked: before.masked || after.masked,
  };
}

/**
 * A page of the audit rows in the scope, with the fields each update changed (audit/diff.ts). ID numbers and
 * phones inside before/after and the changes are masked unless the reader may reveal personal data (pii.reveal)
 * in the row's region — for a row no region owns, in the whole country — so the log is no way around the audited
 * reveal. A change stays listed when its masks read alike (the digits that changed are hidden).
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
      const [rawBefore, rawAfter] = [parse(r.before_json), parse(r.after_json)];
      const before = reveal ? { value: rawBefore, masked: false } : maskPersonal(rawBefore);
      const after = reveal ? { value: rawAfter, masked: false } : maskPersonal(rawAfter);
      const diff = auditChanges(rawBefore, rawAfter);
      const changes = diff && (reveal ? diff.map((change) => ({ change, masked: false })) : diff.map(maskChange));
      return {
        id: r.id,
        at: r.at,
        username: r.username,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        regionCode: r.region_code,
        regionName: r.region_name,
        before: before.value,
        after: after.value,
        changes: changes?.map((c) => c.change) ?? null,
        masked: before.masked || after.masked || !!changes?.some((c) => c.masked),
      };
    }),
  };
}

/** 用户筛选 — the users the audit log may be filtered by: those holding a role in the reader's scope, by name. */
export async function auditUsers(db: Db, scope: Scope, q: { q?: string }) {
  const { rows } = await listUserPage(db, scope, { q: q.q, page: 1, pageSize: 20 });
  return { items: rows.map((u) => ({ username: u.username, displayName: u.display_name })) };
}
