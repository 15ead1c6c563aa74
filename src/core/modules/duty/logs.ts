/**
 * Work logs (驻村日志).
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import type { WorkLog, WorkLogBody, WorkLogQuery } from '../../../shared/contracts/duty.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { authorizeCadre, dateProblems, loadCadre, rejectProblems, requireStationOn } from './context.ts';
import { todayInChina } from '../../clock.ts';

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
      'w.version',
    ]);
}

type WorkLogRow = Awaited<ReturnType<ReturnType<typeof workLogQuery>['executeTakeFirstOrThrow']>>;
const workLogView = (r: WorkLogRow): WorkLog => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  day: r.day,
  content: r.content,
  version: r.version,
});

/** Writes a log of a day for a cadre stationed that day, in the village of that station. */
export async function createWorkLog(db: Db, scope: Scope, input: WorkLogBody): Promise<WorkLog> {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(scope, c);
  rejectProblems(dateProblems([['day', input.day]]));
  if (input.day > todayInChina())
    rejectProblems([['day', msg(`日志日期 ${input.day} 晚于今天`, `The day ${input.day} is in the future`)]]);
  const station = requireStationOn(scope, c, input.day, 'day');
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
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'work_log',
      entityId: id,
      regionCode: station.regionCode,
      after,
    });
    return after;
  });
}

/** Work logs in the scope, newest day first. */
export async function listWorkLogs(db: Db, scope: Scope, q: WorkLogQuery) {
  const { total, rows } = await listPage({
    scope,
    base: db
      .selectFrom('work_log as w')
      .$if(q.personId !== undefined, (qb) => qb.where('w.person_id', '=', q.personId!))
      .$if(!!q.from, (qb) => qb.where('w.day', '>=', q.from!))
      .$if(!!q.to, (qb) => qb.where('w.day', '<=', q.to!)),
    scopeColumn: 'w.region_code',
    order: (qb) => qb.orderBy('w.day', 'desc').orderBy('w.id', 'desc'),
    page: q,
    id: 'w.id',
    details: async (ids) => (await workLogQuery(db).where('w.id', 'in', ids).execute()).map(workLogView),
  });
  return { total, items: rows };
}
