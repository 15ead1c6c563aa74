/** 考核表彰 — assessments of stationed cadres (with their evidence) and honours. Contracts in shared/contracts/assessments.ts. */
import { assessments as c } from '../../shared/contracts/assessments.ts';
import { assessmentEvidence, listAssessments, saveAssessment } from '../../core/modules/duty/assessments.ts';
import { createHonour, listHonours } from '../../core/modules/duty/honours.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

export const assessmentBindings = ({ database: { db } }: Deps) => [
  bind(c.list, ({ query }, { scope }) => listAssessments(db, scope, query)),
  bind(c.save, ({ body }, { scope, version }) => saveAssessment(db, scope, body, version)),
  bind(c.evidence, ({ params, query }, { scope }) => assessmentEvidence(db, scope, params.id, query.period)),
  bind(c.honours, ({ query }, { scope }) => listHonours(db, scope, query)),
  bind(c.addHonour, ({ body }, { scope }) => createHonour(db, scope, body)),
];
