import type { HouseholdStatus } from '../../../shared/register.ts';
import type { Db } from '../../db/index.ts';
import type { ExitRecord } from './eligibility.ts';
import type { FlowEvent, Workflow } from './rules.ts';

/** Attachment metadata kept with a workflow step (the files themselves live elsewhere). */
export interface AttachmentMeta {
  name: string;
  size: number;
  type: string;
}

export interface EventRow extends FlowEvent {
  id: number;
  actorName: string | null;
  note: string | null;
  attachments: AttachmentMeta[];
  createdAt: string;
}

export async function findHousehold(db: Db, id: number) {
  const h = await db
    .selectFrom('household')
    .select(['id', 'code', 'region_code', 'group_code', 'head_name', 'status', 'identified_year', 'exited_year'])
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
      workflow: r.workflow as Workflow,
      step: r.step,
      date: r.event_date,
      actorName: r.actor_name,
      note: r.note,
      attachments: r.attachments ? (JSON.parse(r.attachments) as AttachmentMeta[]) : [],
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

export interface HitView {
  id: number;
  householdId: number;
  householdCode: string;
  headName: string;
  memberName: string | null;
  source: string;
  detail: string | null;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
}

/** Cross-check hits with their household and member names (never the ID number). */
export async function listHits(
  db: Db,
  f: { ids?: number[]; householdId?: number; range?: { lo: string; hi: string }; status?: string },
) {
  if (f.ids && f.ids.length === 0) return [];
  const rows = await db
    .selectFrom('crosscheck_hit as c')
    .innerJoin('household as h', 'h.id', 'c.household_id')
    .leftJoin('household_member as m', 'm.id', 'c.member_id')
    .select([
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
    ])
    .$if(!!f.ids, (qb) => qb.where('c.id', 'in', f.ids!))
    .$if(f.householdId !== undefined, (qb) => qb.where('c.household_id', '=', f.householdId!))
    .$if(!!f.range, (qb) => qb.where('c.region_code', '>=', f.range!.lo).where('c.region_code', '<', f.range!.hi))
    .$if(!!f.status, (qb) => qb.where('c.status', '=', f.status!))
    .orderBy('c.id')
    .execute();
  return rows.map((r): HitView => ({
    id: r.id,
    householdId: r.household_id,
    householdCode: r.code,
    headName: r.head_name,
    memberName: r.member_name,
    source: r.source,
    detail: r.detail,
    status: r.status,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  }));
}
