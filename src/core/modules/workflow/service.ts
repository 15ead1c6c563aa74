import type { HouseholdStatus } from '../../../shared/register.ts';
import type {
  ExitCheck,
  ExitStepBody,
  IdentificationStepBody,
  ReturnBody,
  StepFields,
  WorkflowView,
} from '../../../shared/contracts/workflow.ts';
import type { Actor } from '../../access/permissions.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { AppError, notFound } from '../../errors.ts';
import { msg, t } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { povertyLine } from '../policy/service.ts';
import { exitEligibility } from './eligibility.ts';
import { findHousehold, findYearRecord, listEvents, listHits } from './repo.ts';
import { allowedSteps, applyStep, positionOf, STEP_LABELS, type StepResult, type Workflow } from './rules.ts';

/** The poverty line of a year for a province (the policy module's by default; tests pass their own). */
export type PovertyLineFn = (year: number, province: string) => Promise<number>;

/** A step to record: which workflow and step, and what every step records. */
export type StepInput = StepFields & {
  workflow: Workflow;
  step: string;
  /** Exit: the year whose record and poverty line decide eligibility, and the exit year (default: the date's). */
  year?: number;
};

type Household = NonNullable<Awaited<ReturnType<typeof findHousehold>>>;

async function loadHousehold(db: Db, scope: Scope, id: number) {
  const h = await findHousehold(db, id);
  if (!h) throw notFound(msg(`农户不存在：${id}`, `Household not found: ${id}`));
  scope.authorize(h.region_code);
  return h;
}

const label = (step: string) => t(STEP_LABELS[step as keyof typeof STEP_LABELS] ?? msg(step, step));

async function view(db: Db, h: Household): Promise<WorkflowView> {
  const events = (await listEvents(db, [h.id])).get(h.id)!;
  const { active, last } = positionOf(events);
  return {
    householdId: h.id,
    code: h.code,
    headName: h.head_name,
    status: h.status,
    identifiedYear: h.identified_year,
    exitedYear: h.exited_year,
    version: Number(h.version),
    active,
    step: last?.step ?? null,
    allowed: allowedSteps(h.status, events).map((s) => ({ ...s, label: label(s.step) })),
    events: events.map((e) => ({ ...e, label: label(e.step) })),
    hits: await listHits(db, { householdId: h.id }),
  };
}

/** A household's workflow (read with `scope`'s permission, household.read for the contract). */
export async function getWorkflow(db: Db, scope: Scope, householdId: number): Promise<WorkflowView> {
  return view(db, await loadHousehold(db, scope, householdId));
}

async function eligibilityOf(db: Db, h: Household, year: number, line: PovertyLineFn) {
  const povertyLine = await line(year, h.region_code.slice(0, 2));
  return { ...exitEligibility(await findYearRecord(db, h.id, year), { povertyLine }), povertyLine };
}

/** 退出条件核查 — may the household exit for `year` (this year by default)? The reasons say why not. */
export async function checkExit(
  db: Db,
  scope: Scope,
  householdId: number,
  yearInput?: number,
  line: PovertyLineFn = (y, p) => povertyLine(db, y, p),
): Promise<ExitCheck> {
  const h = await loadHousehold(db, scope, householdId);
  const year = yearInput ?? Number(todayInChina().slice(0, 4));
  const e = await eligibilityOf(db, h, year, line);
  return { year, povertyLine: e.povertyLine, eligible: e.eligible, reasons: e.reasons.map((m) => t(m)) };
}

function refusal(r: Extract<StepResult, { ok: false }>): AppError {
  const details = r.reasons.map((p) => ({ path: p.path, message: p.message }));
  return r.kind === 'conflict'
    ? new AppError('CONFLICT', r.reasons[0]!.message, details)
    : new AppError('VALIDATION', msg('输入有误', 'Invalid input'), details);
}

/**
 * How a step moves the household's version on: from the version the caller read (409 with `current` when the
 * household moved on meanwhile; 428 without one), or unchecked, for a step the system takes on its own inside
 * another write (不予识别 after a confirmed cross-check hit).
 */
export type VersionCheck = { expected: number | undefined; current: () => Promise<unknown> } | 'unchecked';

/**
 * Records one step inside `trx` after the state machine allows it: the household's next version, the event, its
 * new status (with identified_year / exited_year) and the audit. The household row is written first, so
 * concurrent steps on one household queue behind each other, and each sees the other's event (or its version).
 */
export async function commitStep(trx: Db, actor: Actor, householdId: number, input: StepInput, version: VersionCheck) {
  if (version === 'unchecked')
    await trx
      .updateTable('household')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', householdId)
      .execute();
  else await bumpVersion(trx, 'household', householdId, version.expected, version.current);
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
 * Records a step of the identification, exit or return workflow, decided on the household as the caller read it
 * (`version`). Refused with 409 when the step does not fit the household's state (or, for the first exit step,
 * when the year's data says no) or the household moved on since the read, with 428 without a version and with
 * 400 when the request is incomplete; a refused request changes nothing. Returns the workflow with the household's
 * new version.
 */
export async function recordStep(
  db: Db,
  scope: Scope,
  householdId: number,
  input: StepInput,
  opts: { version: number | undefined; povertyLine?: PovertyLineFn },
): Promise<WorkflowView> {
  const h = await loadHousehold(db, scope, householdId);
  if (input.date > todayInChina())
    throw new AppError('VALIDATION', msg('输入有误', 'Invalid input'), [
      { path: 'date', message: msg(`日期 ${input.date} 晚于今天`, `The date ${input.date} is in the future`) },
    ]);
  if (input.workflow === 'exit' && input.step === 'village_appraisal') {
    const year = input.year ?? Number(input.date.slice(0, 4));
    const e = await eligibilityOf(db, h, year, opts.povertyLine ?? ((y, p) => povertyLine(db, y, p)));
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
  const reader = scope.withPermission('household.read');
  await db.transaction().execute((trx) =>
    commitStep(trx, scope.actor, householdId, input, {
      expected: opts.version,
      current: () => getWorkflow(trx, reader, householdId),
    }),
  );
  return view(db, (await findHousehold(db, householdId))!);
}

/** 识别 — records an identification step. */
export function recordIdentificationStep(
  db: Db,
  scope: Scope,
  householdId: number,
  body: IdentificationStepBody,
  version: number | undefined,
) {
  return recordStep(db, scope, householdId, { ...body, workflow: 'identification' }, { version });
}

/** 退出 — records an exit step; the first one checks the exit criteria of the year. */
export function recordExitStep(
  db: Db,
  scope: Scope,
  householdId: number,
  body: ExitStepBody,
  version: number | undefined,
) {
  return recordStep(db, scope, householdId, { ...body, workflow: 'exit' }, { version });
}

/** 返贫 — an exited household returns to poverty, with the reason. */
export function recordReturn(db: Db, scope: Scope, householdId: number, body: ReturnBody, version: number | undefined) {
  const { reason, ...rest } = body;
  return recordStep(
    db,
    scope,
    householdId,
    { ...rest, workflow: 'return', step: 'returned', note: reason },
    { version },
  );
}
