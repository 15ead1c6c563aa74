import { NATION_CODE } from '../../../shared/regions.ts';
import type { Actor } from '../../access/permissions.ts';
import { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Who an audit row names: the user (id, name, address), or a system actor in parentheses. */
export const actorColumns = (actor: Actor) => ({
  user_id: actor.kind === 'user' ? actor.userId : null,
  username: actor.kind === 'user' ? actor.username : `(${actor.name})`,
  ip: actor.kind === 'user' ? (actor.ip ?? null) : null,
});

/** Appends one audit record (call inside the write's transaction). */
export async function writeAudit(db: Db, actor: Actor, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      ...actorColumns(actor),
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      region_code: e.regionCode ?? null,
      before_json: json(e.before),
      after_json: json(e.after),
    })
    .execute();
}

/** The filters of the audit list, as the use case hands them over (instants as ISO strings). */
export interface AuditFilter {
  username?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * A page of the audit rows in the scope, newest first. Rows no region owns (logins, policy, code lists) belong to
 * the nation: only a scope holding the whole country sees them.
 */
export async function listAudit(db: Db, scope: Scope, f: AuditFilter) {
  const base = db
    .selectFrom('audit_log')
    .$if(!!f.username, (qb) => qb.where('username', '=', f.username!))
    .$if(!!f.entity, (qb) => qb.where('entity', '=', f.entity!))
    .$if(!!f.action, (qb) => qb.where('action', '=', f.action!))
    .$if(!!f.from, (qb) => qb.where('at', '>=', f.from!))
    .$if(!!f.to, (qb) => qb.where('at', '<=', f.to!));
  return listPage({
    scope: scope.covers(NATION_CODE)
      ? Scope.global(scope.actor, 'the whole country: its rows and those no region owns')
      : scope,
    base,
    scopeColumn: 'region_code',
    order: (qb) => qb.orderBy('audit_log.id', 'desc'),
    page: f,
    select: (qb) =>
      qb
        .leftJoin('region as r', 'r.code', 'audit_log.region_code')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.username',
          'audit_log.action',
          'audit_log.entity',
          'audit_log.entity_id',
          'audit_log.region_code',
          'r.name as region_name',
          'audit_log.before_json',
          'audit_log.after_json',
        ]),
  });
}
