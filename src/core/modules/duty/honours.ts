/**
 * Honours (表彰) of cadres: recorded once, listed by region, year and title.
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import type { Honour, HonourBody, HonourQuery } from '../../../shared/contracts/assessments.ts';
import type { Honour as HonourTitle } from '../../../shared/forces.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { authorizeCadre, loadCadre, rejectProblems, yearRegion } from './context.ts';
import { todayInChina } from '../../clock.ts';

function honourQuery(db: Db) {
  return db
    .selectFrom('honour as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .leftJoin('region as r', 'r.code', 'h.region_code')
    .select([
      'h.id',
      'h.person_id',
      'p.name as person_name',
      'h.region_code',
      'r.name as region_name',
      'h.title',
      'h.year',
      'h.awarded_by',
      'h.note',
      'h.version',
    ]);
}

type HonourRow = Awaited<ReturnType<ReturnType<typeof honourQuery>['executeTakeFirstOrThrow']>>;
const honourView = (r: HonourRow): Honour => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  title: r.title as HonourTitle,
  year: Number(r.year),
  awardedBy: r.awarded_by,
  note: r.note,
  version: r.version,
});

/** Records an honour of a year, in the village the cadre was stationed in that year (else its managing region). */
export async function createHonour(db: Db, scope: Scope, input: HonourBody): Promise<Honour> {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(scope, c);
  const thisYear = Number(todayInChina().slice(0, 4));
  if (input.year > thisYear)
    rejectProblems([['year', msg(`表彰年度 ${input.year} 晚于今年`, `The year ${input.year} is in the future`)]]);
  const regionCode = yearRegion(c, input.year);
  scope.authorize(regionCode);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('honour')
      .values({
        person_id: c.id,
        region_code: regionCode,
        title: input.title,
        year: input.year,
        awarded_by: input.awardedBy ?? null,
        note: input.note ?? null,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = honourView(await honourQuery(trx).where('h.id', '=', id).executeTakeFirstOrThrow());
    await writeAudit(trx, scope.actor, { action: 'create', entity: 'honour', entityId: id, regionCode, after });
    return after;
  });
}

/** Honours in the scope: newest year first, then by village. */
export async function listHonours(db: Db, scope: Scope, q: HonourQuery) {
  const { total, rows } = await listPage({
    scope,
    base: db
      .selectFrom('honour as h')
      .$if(q.year !== undefined, (qb) => qb.where('h.year', '=', q.year!))
      .$if(q.personId !== undefined, (qb) => qb.where('h.person_id', '=', q.personId!))
      .$if(!!q.title, (qb) => qb.where('h.title', '=', q.title!)),
    scopeColumn: 'h.region_code',
    order: (qb) => qb.orderBy('h.year', 'desc').orderBy('h.region_code').orderBy('h.id'),
    page: q,
    id: 'h.id',
    details: async (ids) => (await honourQuery(db).where('h.id', 'in', ids).execute()).map(honourView),
  });
  return { total, items: rows };
}
