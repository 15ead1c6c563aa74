/**
 * Work logs (驻村日志).
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import type { Actor } from '../../access/permissions.ts';
import { withinScope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { authorizeCadre, dateProblems, loadCadre, regionRange, rejectProblems, requireStationOn } from './context.ts';
import { todayInChina } from '../../clock.ts';

// ---- work logs ----

function workLogQuery(db: Db) {
  return db
    .selectFrom('work_log as w')
    .innerJoin('person as p', 'p.id', 'w.person_id')
    .leftJoin('region as r', 'r.code', 'w.region_code')
    .select([
      'w.id',
      'w.person_id',
      'p.name as person_name',
      'w.region_code',
      'r.name as region_name',
      'w.day',
      'w.content',
    ]);
}

type WorkLogRow = Awaited<ReturnType<ReturnType<typeof workLogQuery>['executeTakeFirstOrThrow']>>;
const workLogView = (r: WorkLogRow) => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  day: r.day,
  content: r.content,
});

export async function createWorkLog(db: Db, actor: Actor, input: { personId: number; day: string; content: string }) {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(actor, 'force.write', c);
  rejectProblems(dateProblems([['day', input.day]]));
  if (input.day > todayInChina())
    rejectProblems([['day', msg(`日志日期 ${input.day} 晚于今天`, `The day ${input.day} is in the future`)]]);
  const station = requireStationOn(actor, 'force.write', c, input.day, 'day');
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('work_log')
      .values({
        person_id: c.id,
        region_code: station.regionCode,
        day: input.day,
        content: input.content,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = workLogView(await workLogQuery(trx).where('w.id', '=', id).executeTakeFirstOrThrow());
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'work_log',
      entityId: id,
      regionCode: station.regionCode,
      after,
    });
    return after;
  });
}

export async function listWorkLogs(
  db: Db,
  actor: Actor,
  q: { region?: string; personId?: number; from?: string; to?: string; page: number; pageSize: number },
) {
  const range = await regionRange(db, actor, 'force.read', q.region);
  const base = db
    .selectFrom('work_log as w')
    .where('w.region_code', '>=', range.lo)
    .where('w.region_code', '<', range.hi)
    .$call(withinScope(actor, 'force.read', 'w.region_code'))
    .$if(q.personId !== undefined, (qb) => qb.where('w.person_id', '=', q.personId!))
    .$if(!!q.from, (qb) => qb.where('w.day', '>=', q.from!))
    .$if(!!q.to, (qb) => qb.where('w.day', '<=', q.to!));
  const [{ total }, ids] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('w.id')
      .orderBy('w.day', 'desc')
      .orderBy('w.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  const rows = ids.length
    ? await workLogQuery(db)
        .where(
          'w.id',
          'in',
          ids.map((r) => r.id),
        )
        .orderBy('w.day', 'desc')
        .orderBy('w.id', 'desc')
        .execute()
    : [];
  return { total: Number(total), items: rows.map(workLogView) };
}
