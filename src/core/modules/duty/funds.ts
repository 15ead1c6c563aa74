/**
 * Team work funds (工作经费): the yearly budget (policy parameter), spending and balance.
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import type { Funds, FundsQuery, Spending, SpendingBody } from '../../../shared/contracts/duty.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { lockForUpdate } from '../../db/rows.ts';
import { notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { spendingProblems, toCents } from './rules.ts';
import { dateProblems, numberParam, rejectProblems } from './context.ts';
import { todayInChina } from '../../clock.ts';

const teamMissing = (id: number) => notFound(msg(`工作队不存在：${id}`, `Work team not found: ${id}`));

/** The team (the cadres module owns it), 404 when unknown, 403 when outside the scope. */
async function loadTeam(db: Db, scope: Scope, id: number) {
  const team = await db
    .selectFrom('work_team as t')
    .leftJoin('region as r', 'r.code', 't.region_code')
    .select(['t.id', 't.name', 't.region_code', 'r.name as region_name', 't.start_date', 't.end_date'])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!team) throw teamMissing(id);
  scope.authorize(team.region_code);
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

/** A team's funds of a year: budget, spent, balance, and a page of its spending entries (oldest first). */
export async function teamFunds(db: Db, scope: Scope, teamId: number, q: FundsQuery): Promise<Funds> {
  const team = await loadTeam(db, scope, teamId);
  const y = q.year ?? Number(todayInChina().slice(0, 4));
  const f = await fundFigures(db, team, y);
  const entries = await listPage({
    scope,
    base: db.selectFrom('fund_spending as f').where('f.team_id', '=', team.id).where('f.year', '=', y),
    scopeColumn: 'f.region_code',
    order: (qb) => qb.orderBy('f.spent_on').orderBy('f.id'),
    page: q,
    select: (qb) => qb.select(['f.id', 'f.spent_on', 'f.amount', 'f.purpose', 'f.version']),
  });
  return {
    teamId: team.id,
    teamName: team.name,
    regionCode: team.region_code,
    regionName: team.region_name ?? team.region_code,
    year: y,
    budget: yuan(f.budget),
    spent: yuan(f.spent),
    balance: yuan(f.balance),
    entries: entries.rows.map((e) => ({
      id: e.id,
      spentOn: e.spent_on,
      amount: Number(e.amount),
      purpose: e.purpose,
      version: e.version,
    })),
    total: entries.total,
  };
}

/** Adds a spending entry to a team's funds of the year it was spent; never beyond the balance. */
export async function addSpending(db: Db, scope: Scope, teamId: number, input: SpendingBody): Promise<Spending> {
  const team = await loadTeam(db, scope, teamId);
  rejectProblems(dateProblems([['spentOn', input.spentOn]]));
  if (input.spentOn > todayInChina())
    rejectProblems([
      ['spentOn', msg(`支出日期 ${input.spentOn} 晚于今天`, `The date ${input.spentOn} is in the future`)],
    ]);
  const cents = toCents(input.amount);
  rejectProblems(spendingProblems(cents, Number.MAX_SAFE_INTEGER));
  const year = Number(input.spentOn.slice(0, 4));
  return db.transaction().execute(async (trx) => {
    // One team's spending at a time, so two entries cannot both fit the same balance.
    await lockForUpdate(trx, 'work_team', team.id);
    const f = await fundFigures(trx, team, year);
    rejectProblems(spendingProblems(cents, f.balance));
    const { id, version } = await trx
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
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const after = { id, teamId: team.id, year, spentOn: input.spentOn, amount: yuan(cents), purpose: input.purpose };
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'fund_spending',
      entityId: id,
      regionCode: team.region_code,
      after,
    });
    return { ...after, version, balance: yuan(f.balance - cents) };
  });
}
