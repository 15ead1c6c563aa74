/**
 * The identification (识别), exit (退出) and return (返贫) workflows of a household, the cross-check with other
 * departments' records (一比对: rows as JSON or an uploaded file, the hits and their review) and the village notice
 * lists (公示名单).
 *
 * Versions: a step changes the household's status, so a step sends the household's version as the caller read it
 * (body `version` or If-Match; from the workflow view or the household detail) and moves it on — a household form
 * open meanwhile gets 409 on save, and a step decided on a stale read gets 409 with the workflow as it is now.
 * A cross-check hit is reviewed with its own version: two reviewers at once, one wins and the other gets 409.
 */
import { z } from 'zod';
import { localized } from '../lang.ts';
import { HouseholdStatusSchema } from '../household.ts';
import { WORKFLOW_STEPS, type Workflow } from '../workflow.ts';
import { contract } from './contract.ts';
import {
  CodeParam,
  DateString,
  IdParam,
  listOf,
  optionalText,
  Paging,
  QueryYear,
  RegionCode,
  text,
  VersionField,
} from './fields.ts';
import { HouseholdEventView } from './households.ts';

const tags = ['workflow'];

/** A calendar date that exists (2026-02-30 does not). */
const RealDate = DateString.refine(
  (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
  localized('日期不存在', 'Not a real date'),
);

export const WorkflowName = z.enum(['identification', 'exit', 'return']) satisfies z.ZodType<Workflow>;

/** Metadata of a file attached to a step (the files themselves live elsewhere). */
export const Attachment = z.object({
  name: text(200),
  size: z.number().int().min(0),
  type: z.string().max(100),
});
export type Attachment = z.output<typeof Attachment>;

/** What every step records: the day it took place, a note (the reason, where one is needed), who acted, files. */
export const StepFields = z.object({
  date: RealDate,
  /** Free note; for 不予识别, 终止退出 and 返贫 the required reason. */
  note: optionalText(2000),
  /** Who acted (e.g. 村民代表大会, a cadre's name); the user's name when absent. */
  actorName: optionalText(50),
  attachments: z.array(Attachment).max(50).optional(),
});
export type StepFields = z.output<typeof StepFields>;

export const IdentificationStepBody = StepFields.extend({
  step: z.enum(WORKFLOW_STEPS.identification),
  ...VersionField,
});
export type IdentificationStepBody = z.output<typeof IdentificationStepBody>;

export const ExitStepBody = StepFields.extend({
  step: z.enum(WORKFLOW_STEPS.exit),
  /** The year whose record and poverty line decide eligibility, and the exit year (default: the date's). */
  year: QueryYear.optional(),
  ...VersionField,
});
export type ExitStepBody = z.output<typeof ExitStepBody>;

/** 返贫 — one step, with its reason. */
export const ReturnBody = StepFields.omit({ note: true }).extend({
  reason: text(2000),
  ...VersionField,
});
export type ReturnBody = z.output<typeof ReturnBody>;

export const HitStatus = z.enum(['open', 'cleared', 'confirmed']);
export type HitStatus = z.output<typeof HitStatus>;

/** A cross-check hit (比对疑点) with its household and member names (never the ID number). */
export const CrosscheckHit = z.object({
  id: z.number(),
  householdId: z.number(),
  householdCode: z.string(),
  headName: z.string(),
  memberName: z.string().nullable(),
  source: z.string(),
  detail: z.string().nullable(),
  status: HitStatus,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  version: z.number(),
});
export type CrosscheckHit = z.output<typeof CrosscheckHit>;

/** A step the workflow allows next, with its name in the caller's language. */
export const AllowedStep = z.object({ workflow: WorkflowName, step: z.string(), label: z.string() });
export type AllowedStep = z.output<typeof AllowedStep>;

/** A recorded step as the household detail shows it, with its label and when it was recorded. */
export const WorkflowEvent = HouseholdEventView.extend({
  workflow: WorkflowName,
  label: z.string(),
  attachments: z.array(Attachment),
  createdAt: z.string(),
});
export type WorkflowEvent = z.output<typeof WorkflowEvent>;

/** A household's workflow: its events, the derived position, the steps allowed next and its cross-check hits. */
export const WorkflowView = z.object({
  householdId: z.number(),
  code: z.string(),
  headName: z.string(),
  status: HouseholdStatusSchema,
  identifiedYear: z.number().nullable(),
  exitedYear: z.number().nullable(),
  /** The household's version: a step sends it back. */
  version: z.number(),
  active: z.enum(['identification', 'exit']).nullable(),
  step: z.string().nullable(),
  allowed: z.array(AllowedStep),
  events: z.array(WorkflowEvent),
  hits: z.array(CrosscheckHit),
});
export type WorkflowView = z.output<typeof WorkflowView>;

/** 退出条件核查 — may the household exit for the year? The reasons (in the caller's language) say why not. */
export const ExitCheck = z.object({
  year: z.number(),
  povertyLine: z.number(),
  eligible: z.boolean(),
  reasons: z.array(z.string()),
});
export type ExitCheck = z.output<typeof ExitCheck>;

/** A department's record: whose ID number, which department (code or Chinese name), what it says. */
export const CrosscheckRow = z.object({
  idNumber: z.coerce.string().max(40),
  source: z.string().max(30),
  detail: z.string().max(500).nullable().optional(),
});
export type CrosscheckRow = z.output<typeof CrosscheckRow>;

/** The rows as a JSON array, or `{ rows }`. */
export const CrosscheckBody = z.preprocess(
  (b) => (Array.isArray(b) ? { rows: b } : b),
  z.object({ rows: z.array(CrosscheckRow).max(200_000) }),
);

/** A row that was not checked, by its row number (from 1; the header of a file is usually row 1) and column. */
export const RejectedRow = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type RejectedRow = z.output<typeof RejectedRow>;

export const CrosscheckResult = z.object({
  checked: z.number(),
  /** The hits this upload opened (a record seen before opens none). */
  hits: z.array(CrosscheckHit),
  rejected: z.array(RejectedRow),
});
export type CrosscheckResult = z.output<typeof CrosscheckResult>;

export const CrosscheckFileResult = z.object({
  checked: z.number(),
  /** How many hits this upload opened. */
  hits: z.number(),
  rejected: z.array(RejectedRow),
});
export type CrosscheckFileResult = z.output<typeof CrosscheckFileResult>;

export const CrosscheckHitsQuery = z.object({ status: HitStatus.optional(), ...Paging });
export type CrosscheckHitsQuery = z.output<typeof CrosscheckHitsQuery>;

/** The hits of any region in the caller's scope (a township's, a county's), for the to-do and the hits card. */
export const RegionHitsQuery = CrosscheckHitsQuery.extend({ region: RegionCode.optional() });
export type RegionHitsQuery = z.output<typeof RegionHitsQuery>;

export const ReviewHitBody = z.object({ status: z.enum(['cleared', 'confirmed']), ...VersionField });

export const NoticeQuery = z.object({
  workflow: z.enum(['identification', 'exit']).default('identification'),
  /** The year of the list (exit: of the incomes shown); the first day's year by default. */
  year: QueryYear.optional(),
  /** 公示期 — first and last day of the notice period; today and six days on by default. */
  from: RealDate.optional(),
  to: RealDate.optional(),
  /** 监督电话 or another contact line. */
  contact: z.string().trim().max(100).optional(),
});
export type NoticeQuery = z.output<typeof NoticeQuery>;

/** The village of a cross-check or notice: the registrar resolves it (400 malformed, 404 unknown, 403 outside). */
const village = { region: 'params', key: 'code' } as const;

export const workflow = {
  state: contract({
    method: 'GET',
    path: '/api/households/:id/workflow',
    summary: '识别/退出流程 Workflow of a household',
    tags,
    params: IdParam,
    response: WorkflowView,
    permission: 'household.read',
    scope: 'row',
  }),
  identification: contract({
    method: 'POST',
    path: '/api/households/:id/identification',
    summary: '记录识别步骤 Record an identification step (send the household version; 409 when stale)',
    tags,
    params: IdParam,
    body: IdentificationStepBody,
    response: WorkflowView,
    status: 201,
    permission: 'household.write',
    scope: 'row',
    versioned: true,
  }),
  exit: contract({
    method: 'POST',
    path: '/api/households/:id/exit',
    summary: '记录退出步骤（首步核查退出条件）Record an exit step (send the household version; 409 when stale)',
    tags,
    params: IdParam,
    body: ExitStepBody,
    response: WorkflowView,
    status: 201,
    permission: 'household.write',
    scope: 'row',
    versioned: true,
  }),
  return: contract({
    method: 'POST',
    path: '/api/households/:id/return',
    summary: '返贫 Return to poverty (send the household version; 409 when stale)',
    tags,
    params: IdParam,
    body: ReturnBody,
    response: WorkflowView,
    status: 201,
    permission: 'household.write',
    scope: 'row',
    versioned: true,
  }),
  exitCheck: contract({
    method: 'GET',
    path: '/api/households/:id/exit-check',
    summary: '退出条件核查 Exit eligibility',
    tags,
    params: IdParam,
    query: z.object({ year: QueryYear.optional() }),
    response: ExitCheck,
    permission: 'household.read',
    scope: 'row',
  }),
  crosscheck: contract({
    method: 'POST',
    path: '/api/villages/:code/crosscheck',
    summary: '部门信息比对 Cross-check upload (rows, or {rows})',
    tags,
    params: CodeParam,
    body: CrosscheckBody,
    response: CrosscheckResult,
    permission: 'household.write',
    scope: village,
    bodyLimit: 20 * 1024 * 1024,
  }),
  crosscheckFile: contract({
    method: 'POST',
    path: '/api/villages/:code/crosscheck/file',
    summary: '部门信息比对（上传工作簿或 CSV）Cross-check with an uploaded file (field file; optional field source)',
    tags,
    params: CodeParam,
    response: CrosscheckFileResult,
    permission: 'household.write',
    scope: village,
    multipart: true,
  }),
  hits: contract({
    method: 'GET',
    path: '/api/villages/:code/crosscheck-hits',
    summary: '比对疑点 Cross-check hits of a village',
    tags,
    params: CodeParam,
    query: CrosscheckHitsQuery,
    response: listOf(CrosscheckHit),
    permission: 'household.read',
    scope: village,
  }),
  regionHits: contract({
    method: 'GET',
    path: '/api/crosscheck-hits',
    summary: '比对疑点（区域）Cross-check hits of a region (the caller’s whole scope without one)',
    tags,
    query: RegionHitsQuery,
    response: listOf(CrosscheckHit),
    permission: 'household.read',
    scope: { region: 'query', key: 'region' },
  }),
  reviewHit: contract({
    method: 'PATCH',
    path: '/api/crosscheck-hits/:id',
    summary: '核实比对疑点 Review a cross-check hit (send its version; 409 when stale or reviewed)',
    tags,
    params: IdParam,
    body: ReviewHitBody,
    response: CrosscheckHit,
    permission: 'household.write',
    scope: 'row',
    versioned: true,
  }),
  notice: contract({
    method: 'GET',
    path: '/api/villages/:code/notice.docx',
    summary: '公示名单（Word）Village notice list',
    tags,
    params: CodeParam,
    query: NoticeQuery,
    response: 'file',
    permission: 'household.read',
    scope: village,
  }),
};
