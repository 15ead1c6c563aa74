/**
 * Accident insurance (意外伤害保险) of stationed cadres.
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import type { Actor } from '../../access/permissions.ts';
import { authorize, withinScope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { stationWithin } from './repo.ts';
import { addDays, expiresInDays } from './rules.ts';
import { authorizeCadre, dateProblems, loadCadre, regionRange, rejectProblems } from './context.ts';
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
    ]);
}

type InsuranceRow = Awaited<ReturnType<ReturnType<typeof insuranceQuery>['executeTakeFirstOrThrow']>>;
const insuranceView = (r: InsuranceRow, today: string) => ({
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
});

export interface InsuranceInput {
  personId: number;
  insurer: string;
  policyNo?: string | null;
  startDate: string;
  endDate: string;
}

/** Records a cadre's accident insurance, in the village of its current station (or of the policy's start). */
export async function createInsurance(db: Db, actor: Actor, input: InsuranceInput) {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(actor, 'force.write', c);
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
  authorize(actor, 'force.write', regionCode);
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
    await writeAudit(trx, actor, { action: 'create', entity: 'insurance', entityId: id, regionCode, after });
    return after;
  });
}

/** Insurance policies in scope; `expiringWithin` keeps those still running that end within so many days. */
export async function listInsurance(
  db: Db,
  actor: Actor,
  q: {
    region?: string;
    personId?: number;
    expiringWithin?: number;
    expired?: boolean;
    page: number;
    pageSize: number;
  },
) {
  const range = await regionRange(db, actor, 'force.read', q.region);
  const today = todayInChina();
  const base = insuranceQuery(db)
    .where('i.region_code', '>=', range.lo)
    .where('i.region_code', '<', range.hi)
    .$call(withinScope(actor, 'force.read', 'i.region_code'))
    .$if(q.personId !== undefined, (qb) => qb.where('i.person_id', '=', q.personId!))
    .$if(q.expiringWithin !== undefined, (qb) =>
      qb.where('i.end_date', '>=', today).where('i.end_date', '<=', addDays(today, q.expiringWithin!)),
    )
    .$if(q.expired === true, (qb) => qb.where('i.end_date', '<', today))
    .$if(q.expired === false, (qb) => qb.where('i.end_date', '>=', today));
  const [{ total }, rows] = await Promise.all([
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    base
      .orderBy('i.end_date')
      .orderBy('i.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { total: Number(total), items: rows.map((r) => insuranceView(r, today)) };
}
