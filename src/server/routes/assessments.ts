/** 考核表彰 — assessments of stationed cadres (with their evidence) and honours. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codesOf } from '../../shared/codes.ts';
import { ASSESSMENT_GRADES, ASSESSMENT_KINDS, HONOURS, STATION_ROLES } from '../../shared/forces.ts';
import {
  assessmentEvidence,
  createHonour,
  listAssessments,
  listHonours,
  saveAssessment,
} from '../../core/modules/duty/assessments.ts';
import { actorOf } from '../plugins/auth.ts';
import { ForcePaging as Paging, IdParam, listOf, optionalText, QueryId as Id, QueryYear as Year } from '../schemas.ts';
import type { Deps } from './deps.ts';

const Region = z.string().max(20).optional();

const Assessment = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  role: z.enum(codesOf(STATION_ROLES)).nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(codesOf(ASSESSMENT_KINDS)),
  period: z.string(),
  grade: z.enum(codesOf(ASSESSMENT_GRADES)),
  score: z.number().nullable(),
  comments: z.string().nullable(),
  assessedBy: z.string().nullable(),
  updatedAt: z.string(),
});

const HonourItem = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.enum(codesOf(HONOURS)),
  year: z.number(),
  awardedBy: z.string().nullable(),
  note: z.string().nullable(),
});

export const assessmentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['duty'];

    app.get(
      '/api/assessments',
      {
        schema: {
          tags,
          summary: '考核 Assessments',
          querystring: z.object({
            region: Region,
            period: z.string().max(10).optional(),
            grade: z.enum(codesOf(ASSESSMENT_GRADES)).optional(),
            personId: Id.optional(),
            ...Paging,
          }),
          response: { 200: listOf(Assessment) },
        },
      },
      async (req) => listAssessments(db, actorOf(req), req.query),
    );

    app.post(
      '/api/assessments',
      {
        schema: {
          tags,
          summary: '考核（同一期间再次提交即修改）Assess a cadre (upsert per period)',
          body: z.object({
            personId: Id,
            kind: z.enum(codesOf(ASSESSMENT_KINDS)),
            period: z.string().trim().max(10),
            grade: z.enum(codesOf(ASSESSMENT_GRADES)),
            score: z.number().int().min(0).max(100).nullable().optional(),
            comments: optionalText(1000),
          }),
          response: { 200: Assessment },
        },
      },
      async (req) => saveAssessment(db, actorOf(req), req.body),
    );

    app.get(
      '/api/cadres/:id/evidence',
      {
        schema: {
          tags,
          summary: '考核依据 Assessment evidence (attendance, logs, leave)',
          params: IdParam,
          querystring: z.object({ period: z.string().trim().max(10) }),
          response: {
            200: z.object({
              personId: z.number(),
              period: z.string(),
              from: z.string(),
              to: z.string(),
              checkInDays: z.number(),
              approvedLeaveDays: z.number(),
              awayDays: z.number(),
              unapprovedAwayDays: z.number(),
              logs: z.number(),
              recentLogs: z.array(z.object({ day: z.string(), content: z.string() })),
              leaves: z.number(),
              leaveList: z.array(z.object({ startDate: z.string(), endDate: z.string(), days: z.number() })),
            }),
          },
        },
      },
      async (req) => assessmentEvidence(db, actorOf(req), req.params.id, req.query.period),
    );

    app.get(
      '/api/honours',
      {
        schema: {
          tags,
          summary: '表彰 Honours',
          querystring: z.object({
            region: Region,
            year: Year.optional(),
            personId: Id.optional(),
            title: z.enum(codesOf(HONOURS)).optional(),
            ...Paging,
          }),
          response: { 200: listOf(HonourItem) },
        },
      },
      async (req) => listHonours(db, actorOf(req), req.query),
    );

    app.post(
      '/api/honours',
      {
        schema: {
          tags,
          summary: '登记表彰 Record an honour',
          body: z.object({
            personId: Id,
            title: z.enum(codesOf(HONOURS)),
            year: z.number().int().min(2000).max(2100),
            awardedBy: optionalText(100),
            note: optionalText(200),
          }),
          response: { 201: HonourItem },
        },
      },
      async (req, reply) => reply.status(201).send(await createHonour(db, actorOf(req), req.body)),
    );
  };
