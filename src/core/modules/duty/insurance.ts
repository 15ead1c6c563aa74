/**
 * Accident insurance (意外伤害保险) of stationed cadres.
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import type { Insurance, InsuranceBody, InsuranceQuery } from '../../../shared/contracts/duty.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { stationWithin } from './repo.ts';
import { addDays, expiresInDays } from './rules.ts';
import { authorizeCadre, dateProblems, loadCadre, rejectProblems } from './context.ts';
import { todayInChina } from '../../clock.ts';

// ---- accident insurance ----

function insuranceQuery(db: Db) {
  return db
    .selectFrom('insurance as i')
    .innerJoin('person as p', 'p.id', 'i.person_id')
    .leftJoin('region as r', 'r.code', 'i.region_code')
    .select([
      'i.id',
      'i.person_id',
      'p.name as person_name',
      'i.region_code',
      'r.name as region_name',
      'i.insurer',
      'i.policy_no',
      'i.start_date',
      'i.end_date',
      'i.version',
    ]);
}

type InsuranceRow = Awaited<ReturnType<ReturnType<typeof insuranceQuery>['executeTakeFirstOrThrow']>>;
const insuranceView = (r: InsuranceRow, today: string): Insurance => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  insurer: r.insurer,
  policyNo: r.policy_no,
  startDate: r.start_date,
  endDate: r.end_date,
  expired: r.end_date < today,
  expiresInDays: expiresInDays(r.end_date, today),
  version: r.version,
});

/** Records a cadre's accident insurance, in the village of its current station (or of the policy's start). */
export async function createInsurance(db: Db, scope: Scope, input: InsuranceBody): Promise<Insurance> {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(scope, c);
  rejectProblems(
    dateProblems([
      ['startDate', input.startDate],
      ['endDate', input.endDate],
    ]),
  );
  if (input.endDate <= input.startDate)
    rejectProblems([['endDate', msg('保险终止日期应晚于起始日期', 'The insurance must end after it starts')]]);
  const today = todayInChina();
  const station = stationWithin(c.stations, today, today) ?? stationWithin(c.stations, input.startDate, input.endDate);
  const regionCode = station?.regionCode ?? c.regionCode;
  scope.authorize(regionCode);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('insurance')
      .values({
        person_id: c.id,
        region_code: regionCode,
        insurer: input.insurer,
        policy_no: input.policyNo ?? null,
        start_date: input.startDate,
        end_date: input.endDate,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = insuranceView(await insuranceQuery(trx).where('i.id', '=', id).executeTakeFirstOrThrow(), today);
    await writeAudit(trx, scope.actor, { action: 'create', entity: 'insurance', entityId: id, regionCode, after });
    return after;
  });
}

/** Insurance policies in the scope, ending soonest first; `expiringWithin` keeps those still running that end within so many days. */
export async function listInsurance(db: Db, scope: Scope, q: InsuranceQuery) {
  const today = todayInChina();
  const { total, rows } = await listPage({
    scope,
    base: db
      .selectFrom('insurance as i')
      .$if(q.personId !== undefined, (qb) => qb.where('i.person_id', '=', q.personId!))
      .$if(q.expiringWithin !== undefined, (qb) =>
        qb.where('i.end_date', '>=', today).where('i.end_date', '<=', addDays(today, q.expiringWithin!)),
      )
      .$if(q.expired === true, (qb) => qb.where('i.end_date', '<', today))
      .$if(q.expired === false, (qb) => qb.where('i.end_date', '>=', today)),
    scopeColumn: 'i.region_code',
    order: (qb) => qb.orderBy('i.end_date').orderBy('i.id'),
    page: q,
    id: 'i.id',
    details: async (ids) =>
      (await insuranceQuery(db).where('i.id', 'in', ids).execute()).map((r) => insuranceView(r, today)),
  });
  return { total, items: rows };
}
