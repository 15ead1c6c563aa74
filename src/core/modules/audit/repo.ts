import type { Actor } from '../../access/permissions.ts';
import { nowIso, type Db } from '../../db/index.ts';

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

export interface AuditFilter {
  username?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  region?: { lo: string; hi: string };
  page: number;
  pageSize: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  const base = db
    .selectFrom('audit_log')
    .$if(!!f.username, (qb) => qb.where('username', '=', f.username!))
    .$if(!!f.entity, (qb) => qb.where('entity', '=', f.entity!))
    .$if(!!f.action, (qb) => qb.where('action', '=', f.action!))
    .$if(!!f.from, (qb) => qb.where('at', '>=', f.from!))
    .$if(!!f.to, (qb) => qb.where('at', '<=', f.to!))
    .$if(!!f.region, (qb) => qb.where('region_code', '>=', f.region!.lo).where('region_code', '<', f.region!.hi));
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      username: r.username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      regionCode: r.region_code,
      before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
      after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
    })),
  };
}
