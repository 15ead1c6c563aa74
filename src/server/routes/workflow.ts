import { workflow as c } from '../../shared/contracts/workflow.ts';
import {
  crosscheckUpload,
  regionHits,
  reviewHit,
  villageHits,
} from '../../core/modules/workflow/crosscheck-service.ts';
import { noticeDocx } from '../../core/modules/workflow/notice.ts';
import {
  checkExit,
  getWorkflow,
  recordExitStep,
  recordIdentificationStep,
  recordReturn,
} from '../../core/modules/workflow/service.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 识别、退出、返贫 of a household; the cross-check (一比对) and the notice lists (公示) of a village. */
export const workflowBindings = ({ database: { db } }: Deps) => [
  bind(c.state, ({ params }, { scope }) => getWorkflow(db, scope, params.id)),
  bind(c.identification, ({ params, body }, { scope, version }) =>
    recordIdentificationStep(db, scope, params.id, body, version),
  ),
  bind(c.exit, ({ params, body }, { scope, version }) => recordExitStep(db, scope, params.id, body, version)),
  bind(c.return, ({ params, body }, { scope, version }) => recordReturn(db, scope, params.id, body, version)),
  bind(c.exitCheck, ({ params, query }, { scope }) => checkExit(db, scope, params.id, query.year)),
  bind(c.crosscheck, ({ body }, { scope }) => crosscheckUpload(db, scope, body.rows)),
  bind(c.hits, ({ query }, { scope }) => villageHits(db, scope, query)),
  bind(c.regionHits, ({ query }, { scope }) => regionHits(db, scope, query)),
  bind(c.reviewHit, ({ params, body }, { scope, version }) => reviewHit(db, scope, params.id, body.status, version)),
  bind(c.notice, async ({ query }, { scope }) => {
    const { buffer, filename } = await noticeDocx(db, scope, query);
    return { body: buffer, type: DOCX, filename };
  }),
];
