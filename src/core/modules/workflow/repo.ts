import type { HouseholdStatus } from '../../../shared/register.ts';
import type { Attachment, CrosscheckHit, CrosscheckHitsQuery, HitStatus } from '../../../shared/contracts/workflow.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { listPage, type Page } from '../../db/list.ts';
import type { ExitRecord } from './eligibility.ts';
import type { FlowEvent } from './rules.ts';

export interface EventRow extends FlowEvent {
  id: number;
  actorName: string | null;
  note: string | null;
  attachments: Attachment[];
  createdAt: string;
}

export async function findHousehold(db: Db, id: number) {
  const h = await db
    .selectFrom('household')
    .select([
      'id',
      'code',
      'region_code',
      'group_code',
      'head_name',
      'status',
      'identified_year',
      'exited_year',
      'version',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  return h && { ...h, status: h.status as HouseholdStatus };
}

/** A household's workflow events, oldest first (the order they were recorded in). */
export async function listEvents(db: Db, householdIds: number[]): Promise<Map<number, EventRow[]>> {
  const out = new Map<number, EventRow[]>(householdIds.map((id) => [id, []]));
  if (!householdIds.length) return out;
  const rows = await db
    .selectFrom('household_event')
    .selectAll()
    .where('household_id', 'in', householdIds)
    .orderBy('household_id')
    .orderBy('id')
    .execute();
  for (const r of rows)
    out.get(r.household_id)!.push({
      id: r.id,
      workflow: r.workflow as FlowEvent['workflow'],
      step: r.step,
      date: r.event_date,
      actorName: r.actor_name,
      note: r.note,
      attachments: r.attachments ? (JSON.parse(r.attachments) as Attachment[]) : [],
      createdAt: r.created_at,
    });
  return out;
}

/** The yearly record (household_year) as exit eligibility reads it; undefined when the year has none. */
export async function findYearRecord(db: Db, householdId: number, year: number): Promise<ExitRecord | undefined> {
  const r = await db
    .selectFrom('household_year')
    .select(['per_capita_income', 'food_clothing', 'education', 'medical', 'housing', 'water'])
    .where('household_id', '=', householdId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!r) return undefined;
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    perCapitaIncome: n(r.per_capita_income),
    food_clothing: n(r.food_clothing),
    education: n(r.education),
    medical: n(r.medical),
    housing: n(r.housing),
    water: n(r.water),
  };
}

export function findHit(db: Db, id: number) {
  return db.selectFrom('crosscheck_hit').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Hits with their household and member names (never the ID number); the callers add the conditions. */
function hitRows(db: Db) {
  return db
    .selectFrom('crosscheck_hit as c')
    .innerJoin('household as h', 'h.id', 'c.household_id')
    .leftJoin('household_member as m', 'm.id', 'c.member_id');
}

const HIT_COLUMNS = [
  'c.id',
  'c.household_id',
  'h.code',
  'h.head_name',
  'm.name as member_name',
  'c.source',
  'c.detail',
  'c.status',
  'c.created_at',
  'c.resolved_at',
  'c.version',
] as const;

type HitRecord = {
  id: number;
  household_id: number;
  code: string;
  head_name: string;
  member_name: string | null;
  source: string;
  detail: string | null;
  status: string;
  created_at: string;
  resolved_at: string | null;
  version: number;
};

const toHit = (r: HitRecord): CrosscheckHit => ({
  id: r.id,
  householdId: r.household_id,
  householdCode: r.code,
  headName: r.head_name,
  memberName: r.member_name,
  source: r.source,
  detail: r.detail,
  status: r.status as HitStatus,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  version: Number(r.version),
});

/** The hits of rows already authorized: by id, or of one household. */
export async function listHits(db: Db, f: { ids: number[] } | { householdId: number }): Promise<CrosscheckHit[]> {
  if ('ids' in f && f.ids.length === 0) return [];
  const rows = await hitRows(db)
    .select(HIT_COLUMNS)
    .$call((qb) => ('ids' in f ? qb.where('c.id', 'in', f.ids) : qb.where('c.household_id', '=', f.householdId)))
    .orderBy('c.id')
    .execute();
  return rows.map(toHit);
}

/** A page of the hits in the scope (a village), oldest first, optionally of one status. */
export async function hitsPage(
  db: Db,
  scope: Scope,
  q: Pick<CrosscheckHitsQuery, 'status' | 'page' | 'pageSize'>,
): Promise<Page<CrosscheckHit>> {
  const { total, rows } = await listPage({
    scope,
    base: hitRows(db).$if(!!q.status, (qb) => qb.where('c.status', '=', q.status!)),
    scopeColumn: 'c.region_code',
    order: (qb) => qb.orderBy('c.id'),
    page: q,
    select: (qb) => qb.select(HIT_COLUMNS),
  });
  return { total, rows: (rows as HitRecord[]).map(toHit) };
}
