/**
 * Team work funds (工作经费): the yearly budget (policy parameter), spending and balance.
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/permissions.ts';
import { authorize } from '../../access/scope.ts';
import { isPostgres } from '../../db/bulk.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { spendingProblems, toCents } from './rules.ts';
import { dateProblems, numberParam, rejectProblems } from './context.ts';
import { todayInChina } from '../../clock.ts';

// ---- team work funds ----

const teamMissing = (id: number) => notFound(msg(`工作队不存在：${id}`, `Work team not found: ${id}`));

async function loadTeam(db: Db, id: number) {
  const team = await db
    .selectFrom('work_team as t')
    .leftJoin('region as r', 'r.code', 't.region_code')
    .select(['t.id', 't.name', 't.region_code', 'r.name as region_name', 't.start_date', 't.end_date'])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!team) throw teamMissing(id);
  return team;
}

type Team = Awaited<ReturnType<typeof loadTeam>>;

/** The year's budget (policy parameter) while the team exists that year, what was spent and what is left, in cents. */
async function fundFigures(db: Db, team: Team, year: number) {
  const active = team.start_date <= `${year}-12-31` && (team.end_date === null || team.end_date >= `${year}-01-01`);
  const budget = active ? toCents(await numberParam(db, 'work_fund_per_team', year, team.region_code)) : 0;
  const r = await db
    .selectFrom('fund_spending')
    .select((eb) => eb.fn.sum<number | string | null>('amount').as('spent'))
    .where('team_id', '=', team.id)
    .where('year', '=', year)
    .executeTakeFirst();
  const spent = toCents(Number(r?.spent ?? 0));
  return { budget, spent, balance: budget - spent };
}

const yuan = (cents: number) => cents / 100;

export async function teamFunds(db: Db, actor: Actor, teamId: number, year?: number) {
  const team = await loadTeam(db, teamId);
  authorize(actor, 'force.read', team.region_code);
  const y = year ?? Number(todayInChina().slice(0, 4));
  const f = await fundFigures(db, team, y);
  const entries = await db
    .selectFrom('fund_spending')
    .select(['id', 'spent_on', 'amount', 'purpose'])
    .where('team_id', '=', team.id)
    .where('year', '=', y)
    .orderBy('spent_on')
    .orderBy('id')
    .execute();
  return {
    teamId: team.id,
    teamName: team.name,
    regionCode: team.region_code,
    regionName: team.region_name ?? team.region_code,
    year: y,
    budget: yuan(f.budget),
    spent: yuan(f.spent),
    balance: yuan(f.balance),
    entries: entries.map((e) => ({ id: e.id, spentOn: e.spent_on, amount: Number(e.amount), purpose: e.purpose })),
  };
}

/** Adds a spending entry to a team's funds of the year it was spent; never beyond the balance. */
export async function addSpending(
  db: Db,
  actor: Actor,
  teamId: number,
  input: { spentOn: string; amount: number; purpose: string },
) {
  const team = await loadTeam(db, teamId);
  authorize(actor, 'force.write', team.region_code);
  rejectProblems(dateProblems([['spentOn', input.spentOn]]));
  if (input.spentOn > todayInChina())
    rejectProblems([
      ['spentOn', msg(`支出日期 ${input.spentOn} 晚于今天`, `The date ${input.spentOn} is in the future`)],
    ]);
  const cents = toCents(input.amount);
  rejectProblems(spendingProblems(cents, Number.MAX_SAFE_INTEGER));
  const year = Number(input.spentOn.slice(0, 4));
  return db.transaction().execute(async (trx) => {
    // Serialize spending of one team (SQLite writes are serialized already).
    if (isPostgres(trx)) await sql`select id from work_team where id = ${team.id} for update`.execute(trx);
    const f = await fundFigures(trx, team, year);
    rejectProblems(spendingProblems(cents, f.balance));
    const { id } = await trx
      .insertInto('fund_spending')
      .values({
        team_id: team.id,
        region_code: team.region_code,
        year,
        spent_on: input.spentOn,
        amount: yuan(cents),
        purpose: input.purpose,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = { id, teamId: team.id, year, spentOn: input.spentOn, amount: yuan(cents), purpose: input.purpose };
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'fund_spending',
      entityId: id,
      regionCode: team.region_code,
      after,
    });
    return { ...after, balance: yuan(f.balance - cents) };
  });
}
