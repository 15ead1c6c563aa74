import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../core/errors.ts';
import { localized, msg, t, type Lang } from '../../core/i18n.ts';
import { povertyLine } from '../../core/modules/policy/service.ts';
import { crosscheckUpload, resolveHit, villageHits } from '../../core/modules/workflow/crosscheck-service.ts';
import { noticeDocx, noticeTitle } from '../../core/modules/workflow/notice.ts';
import { requireRegion } from '../../core/modules/regions/service.ts';
import type { HitView } from '../../core/modules/workflow/repo.ts';
import { STEP_LABELS, WORKFLOW_STEPS, type WorkflowStep } from '../../core/modules/workflow/rules.ts';
import { checkExit, getWorkflow, recordStep, type WorkflowView } from '../../core/modules/workflow/service.ts';
import { todayInChina } from '../../core/clock.ts';
import { actorOf } from '../plugins/auth.ts';
import { CodeParam, IdParam } from '../schemas.ts';
import type { Deps } from './deps.ts';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, localized('日期格式应为 YYYY-MM-DD', 'Dates are YYYY-MM-DD'))
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    localized('日期不存在', 'Not a real date'),
  );
const Year = z.coerce.number().int().min(2000).max(2100);
const Attachment = z.object({
  name: z.string().trim().min(1).max(200),
  size: z.number().int().min(0),
  type: z.string().max(100),
});
const StepFields = {
  date: IsoDate,
  note: z.string().trim().max(2000).nullable().optional(),
  actorName: z.string().trim().max(50).nullable().optional(),
  attachments: z.array(Attachment).max(50).optional(),
};
const Labelled = { label: z.string() };
const HitSchema = z.object({
  id: z.number(),
  householdId: z.number(),
  householdCode: z.string(),
  headName: z.string(),
  memberName: z.string().nullable(),
  source: z.string(),
  detail: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
const WorkflowSchema = z.object({
  householdId: z.number(),
  code: z.string(),
  headName: z.string(),
  status: z.string(),
  identifiedYear: z.number().nullable(),
  exitedYear: z.number().nullable(),
  active: z.enum(['identification', 'exit']).nullable(),
  step: z.string().nullable(),
  allowed: z.array(z.object({ workflow: z.string(), step: z.string(), ...Labelled })),
  events: z.array(
    z.object({
      id: z.number(),
      workflow: z.string(),
      step: z.string(),
      ...Labelled,
      date: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      attachments: z.array(Attachment),
      createdAt: z.string(),
    }),
  ),
  hits: z.array(HitSchema),
});
const CrosscheckRowSchema = z.object({
  idNumber: z.coerce.string().max(40),
  source: z.string().max(30),
  detail: z.string().max(500).nullable().optional(),
});

const label = (step: string, lang: Lang) => t(STEP_LABELS[step as WorkflowStep] ?? { zh: step, en: step }, lang);
const present = (v: WorkflowView, lang: Lang) => ({
  ...v,
  allowed: v.allowed.map((n) => ({ ...n, label: label(n.step, lang) })),
  events: v.events.map((e) => ({ ...e, label: label(e.step, lang) })),
});
const thisYear = () => Number(todayInChina().slice(0, 4));

/** 识别、退出、返贫, cross-check and notices of the household register. */
export const workflowRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['workflow'];
    const getPovertyLine = (year: number, province: string) => povertyLine(db, year, province);
    const ok = { 200: WorkflowSchema };
    const created = { 201: WorkflowSchema };

    app.get(
      '/api/households/:id/workflow',
      { schema: { tags, summary: '识别/退出流程 Workflow of a household', params: IdParam, response: ok } },
      async (req) => present(await getWorkflow(db, actorOf(req), req.params.id), req.lang),
    );

    app.post(
      '/api/households/:id/identification',
      {
        schema: {
          tags,
          summary: '记录识别步骤 Record an identification step',
          params: IdParam,
          body: z.object({ step: z.enum(WORKFLOW_STEPS.identification), ...StepFields }),
          response: created,
        },
      },
      async (req, reply) => {
        const v = await recordStep(db, actorOf(req), req.params.id, { workflow: 'identification', ...req.body });
        return reply.status(201).send(present(v, req.lang));
      },
    );

    app.post(
      '/api/households/:id/exit',
      {
        schema: {
          tags,
          summary: '记录退出步骤（首步核查退出条件）Record an exit step',
          params: IdParam,
          body: z.object({ step: z.enum(WORKFLOW_STEPS.exit), year: Year.optional(), ...StepFields }),
          response: created,
        },
      },
      async (req, reply) => {
        const input = { workflow: 'exit' as const, ...req.body };
        const v = await recordStep(db, actorOf(req), req.params.id, input, getPovertyLine);
        return reply.status(201).send(present(v, req.lang));
      },
    );

    app.post(
      '/api/households/:id/return',
      {
        schema: {
          tags,
          summary: '返贫 Return to poverty',
          params: IdParam,
          body: z.object({
            date: IsoDate,
            reason: z.string().trim().min(1).max(2000),
            actorName: StepFields.actorName,
            attachments: StepFields.attachments,
          }),
          response: created,
        },
      },
      async (req, reply) => {
        const { reason, ...rest } = req.body;
        const input = { workflow: 'return' as const, step: 'returned', note: reason, ...rest };
        return reply.status(201).send(present(await recordStep(db, actorOf(req), req.params.id, input), req.lang));
      },
    );

    app.get(
      '/api/households/:id/exit-check',
      {
        schema: {
          tags,
          summary: '退出条件核查 Exit eligibility',
          params: IdParam,
          querystring: z.object({ year: Year.optional() }),
          response: {
            200: z.object({
              year: z.number(),
              povertyLine: z.number(),
              eligible: z.boolean(),
              reasons: z.array(z.string()),
            }),
          },
        },
      },
      async (req) => {
        const year = req.query.year ?? thisYear();
        const e = await checkExit(db, actorOf(req), req.params.id, year, getPovertyLine);
        return {
          year,
          povertyLine: e.povertyLine,
          eligible: e.eligible,
          reasons: e.reasons.map((m) => t(m, req.lang)),
        };
      },
    );

    app.post(
      '/api/villages/:code/crosscheck',
      {
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags,
          summary: '部门信息比对 Cross-check upload (rows, or {rows})',
          params: CodeParam,
          body: z.preprocess(
            (b) => (Array.isArray(b) ? { rows: b } : b),
            z.object({ rows: z.array(CrosscheckRowSchema).max(200_000) }),
          ),
          response: {
            200: z.object({
              checked: z.number(),
              hits: z.array(HitSchema),
              rejected: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
            }),
          },
        },
      },
      async (req) => {
        const r = await crosscheckUpload(db, actorOf(req), req.params.code, req.body.rows);
        return { ...r, rejected: r.rejected.map((p) => ({ ...p, message: t(p.message, req.lang) })) };
      },
    );

    app.get(
      '/api/villages/:code/crosscheck-hits',
      {
        schema: {
          tags,
          summary: '比对疑点 Cross-check hits of a village',
          params: CodeParam,
          querystring: z.object({ status: z.enum(['open', 'cleared', 'confirmed']).optional() }),
          response: { 200: z.object({ items: z.array(HitSchema) }) },
        },
      },
      async (req) => ({ items: await villageHits(db, actorOf(req), req.params.code, req.query.status) }),
    );

    app.patch(
      '/api/crosscheck-hits/:id',
      {
        schema: {
          tags,
          summary: '核实比对疑点 Review a cross-check hit',
          params: IdParam,
          body: z.object({ status: z.enum(['cleared', 'confirmed']) }),
          response: { 200: HitSchema },
        },
      },
      async (req): Promise<HitView> => resolveHit(db, actorOf(req), req.params.id, req.body.status),
    );

    app.get(
      '/api/villages/:code/notice.docx',
      {
        schema: {
          tags,
          summary: '公示名单（Word）Village notice list',
          params: CodeParam,
          querystring: z.object({
            workflow: z.enum(['identification', 'exit']).default('identification'),
            year: Year.optional(),
            from: IsoDate.optional(),
            to: IsoDate.optional(),
            contact: z.string().trim().max(100).optional(),
          }),
        },
      },
      async (req, reply) => {
        const q = req.query;
        const from = q.from ?? todayInChina();
        const to = q.to ?? new Date(Date.parse(from) + 6 * 86_400_000).toISOString().slice(0, 10);
        if (to < from) throw invalid('query.to', msg('公示结束日期早于开始日期', 'The notice ends before it starts'));
        const year = q.year ?? Number(from.slice(0, 4));
        const buffer = await noticeDocx(db, actorOf(req), req.params.code, { ...q, year, from, to });
        const village = await requireRegion(db, req.params.code, 'code');
        const name = encodeURIComponent(`${noticeTitle(village.name, year, q.workflow)}.docx`);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename="notice-${village.code}.docx"; filename*=UTF-8''${name}`)
          .send(buffer);
      },
    );
  };
