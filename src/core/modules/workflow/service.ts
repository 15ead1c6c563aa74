import type { HouseholdStatus } from '../../../shared/register.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { exitEligibility, type Eligibility } from './eligibility.ts';
import { findHousehold, findYearRecord, listEvents, listHits, type AttachmentMeta } from './repo.ts';
import { allowedSteps, applyStep, positionOf, type StepResult, type Workflow } from './rules.ts';

/** The poverty line of a year for a province (wired to the policy module by the caller). */
export type PovertyLineFn = (year: number, province: string) => Promise<number>;

export interface StepInput {
  workflow: Workflow;
  step: string;
  /** YYYY-MM-DD, the day the step took place. */
  date: string;
  /** Free note; for 不予识别, 终止退出 and 返贫 it is the required reason. */
  note?: string | null;
  /** Who acted (e.g. 村民代表大会, a cadre's name); defaults to the user's name. */
  actorName?: string | null;
  attachments?: AttachmentMeta[];
  /** Exit: the year whose record and poverty line decide eligibility, and the exit year (default: the date's). */
  year?: number;
}

type Household = NonNullable<Awaited<ReturnType<typeof findHousehold>>>;

async function loadHousehold(db: Db, actor: Actor, id: number, permission: 'household.read' | 'household.write') {
  const h = await findHousehold(db, id);
  if (!h) throw notFound(msg(`农户不存在：${id}`, `Household not found: ${id}`));
  authorize(actor, permission, h.region_code);
  return h;
}

async function view(db: Db, h: Household) {
  const events = (await listEvents(db, [h.id])).get(h.id)!;
  const { active, last } = positionOf(events);
  return {
    householdId: h.id,
    code: h.code,
    headName: h.head_name,
    status: h.status,
    identifiedYear: h.identified_year,
    exitedYear: h.exited_year,
    active,
    step: last?.step ?? null,
    allowed: allowedSteps(h.status, events),
    events,
    hits: await listHits(db, { householdId: h.id }),
  };
}
export type WorkflowView = Awaited<ReturnType<typeof view>>;

/** A household's workflow: its events, the derived position, the steps allowed next and its cross-check hits. */
export async function getWorkflow(db: Db, actor: Actor, householdId: number): Promise<WorkflowView> {
  return view(db, await loadHousehold(db, actor, householdId, 'household.read'));
}

async function eligibilityOf(db: Db, h: Household, year: number, getPovertyLine: PovertyLineFn) {
  const povertyLine = await getPovertyLine(year, h.region_code.slice(0, 2));
  return { ...exitEligibility(await findYearRecord(db, h.id, year), { povertyLine }), povertyLine };
}

/** 退出条件核查 — may the household exit for `year`? The reasons say why not. */
export async function checkExit(
  db: Db,
  actor: Actor,
  householdId: number,
  year: number,
  getPovertyLine: PovertyLineFn,
): Promise<Eligibility & { povertyLine: number }> {
  const h = await loadHousehold(db, actor, householdId, 'household.read');
  return eligibilityOf(db, h, year, getPovertyLine);
}

function refusal(r: Extract<StepResult, { ok: false }>): AppError {
  const details = r.reasons.map((p) => ({ path: p.path, message: p.message }));
  return r.kind === 'conflict'
    ? new AppError('CONFLICT', r.reasons[0]!.message, details)
    : new AppError('VALIDATION', msg('输入有误', 'Invalid input'), details);
}

/**
 * Records one step inside `trx` after the state machine allows it: the event, the household's new
 * status (with identified_year / exited_year) and the audit. The household row is updated first, so
 * concurrent steps on one household queue behind each other and each sees the other's event.
 */
export async function commitStep(trx: Db, actor: Actor, householdId: number, input: StepInput) {
  await trx.updateTable('household').set({ updated_at: nowIso() }).where('id', '=', householdId).execute();
  const h = (await findHousehold(trx, householdId))!;
  const events = (await listEvents(trx, [householdId])).get(householdId)!;
  const r = applyStep(h.status, events, { ...input, reason: input.note });
  if (!r.ok) throw refusal(r);
  const { id } = await trx
    .insertInto('household_event')
    .values({
      household_id: h.id,
      region_code: h.region_code,
      workflow: input.workflow,
      step: input.step,
      event_date: input.date,
      actor_name: input.actorName?.trim() || (actor.kind === 'user' ? actor.username : actor.name),
      user_id: actor.kind === 'user' ? actor.userId : null,
      note: input.note?.trim() || null,
      attachments: input.attachments?.length ? JSON.stringify(input.attachments) : null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const change: { status: HouseholdStatus; identified_year?: number; exited_year?: number } = { status: r.status };
  if (input.step === 'registered') change.identified_year = Number(input.date.slice(0, 4));
  if (input.step === 'removed_from_list') {
    const started = events.findLast((e) => e.workflow === 'exit' && e.step === 'village_appraisal');
    change.exited_year = input.year ?? Number((started?.date ?? input.date).slice(0, 4));
  }
  const regionCode = h.region_code;
  const { workflow, step, date, note } = input;
  await writeAudit(trx, actor, {
    action: 'create',
    entity: 'household_event',
    entityId: id,
    regionCode,
    after: { householdId, workflow, step, date, note: note ?? null },
  });
  if (r.status !== h.status || change.identified_year || change.exited_year) {
    await trx.updateTable('household').set(change).where('id', '=', householdId).execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entity: 'household',
      entityId: householdId,
      regionCode,
      before: { status: h.status, identifiedYear: h.identified_year, exitedYear: h.exited_year },
      after: { status: change.status, identifiedYear: change.identified_year, exitedYear: change.exited_year },
    });
  }
  return id;
}

/**
 * Records a step of the identification, exit or return workflow. Refused with 409 when the step does
 * not fit the household's state (or, for the first exit step, when the year's data says no) and with
 * 400 when the request is incomplete; a refused request changes nothing.
 */
export async function recordStep(
  db: Db,
  actor: Actor,
  householdId: number,
  input: StepInput,
  getPovertyLine?: PovertyLineFn,
): Promise<WorkflowView> {
  const h = await loadHousehold(db, actor, householdId, 'household.write');
  if (input.date > todayInChina())
    throw new AppError('VALIDATION', msg('输入有误', 'Invalid input'), [
      { path: 'date', message: msg(`日期 ${input.date} 晚于今天`, `The date ${input.date} is in the future`) },
    ]);
  if (input.workflow === 'exit' && input.step === 'village_appraisal') {
    if (!getPovertyLine) throw new Error('recordStep: the exit check needs getPovertyLine');
    const year = input.year ?? Number(input.date.slice(0, 4));
    const e = await eligibilityOf(db, h, year, getPovertyLine);
    if (!e.eligible)
      throw new AppError(
        'CONFLICT',
        msg(`该户${year}年不符合脱贫退出条件`, `The household does not meet the exit criteria for ${year}`),
        e.reasons.map((message) => ({ path: 'eligibility', message })),
      );
  }
  if (input.workflow === 'identification' && input.step === 'crosscheck') {
    const hits = await listHits(db, { householdId });
    const open = hits.filter((x) => x.status === 'open').length;
    if (open)
      throw new AppError(
        'CONFLICT',
        msg(`还有 ${open} 条部门比对疑点未核实，请先逐条核实`, `${open} cross-check hit(s) still need review`),
      );
  }
  await db.transaction().execute((trx) => commitStep(trx, actor, householdId, input));
  return view(db, (await findHousehold(db, householdId))!);
}
