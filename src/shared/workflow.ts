/**
 * The identification (识别) and exit (退出) workflows: steps and labels, shared by the server's state
 * machines (src/core/modules/workflow/rules.ts) and the web app.
 */
import type { Bilingual } from './codes.ts';

/** 识别 — identification, 两评议、两公示、一比对、一公告, in order. */
export const IDENTIFICATION_STEPS = [
  'application',
  'first_appraisal',
  'crosscheck',
  'second_appraisal',
  'village_notice',
  'township_notice',
  'county_announcement',
  'registered',
] as const;
/** 退出 — household exit, in order; the last step is 销号 (removal from the poor list). */
export const EXIT_STEPS = [
  'village_appraisal',
  'team_verification',
  'household_consent',
  'notice',
  'announcement',
  'removed_from_list',
] as const;

/** Every step a workflow may record: its sequence plus the step that ends it early. 返贫 is one step. */
export const WORKFLOW_STEPS = {
  identification: [...IDENTIFICATION_STEPS, 'rejected'],
  exit: [...EXIT_STEPS, 'halted'],
  return: ['returned'],
} as const;
export type Workflow = keyof typeof WORKFLOW_STEPS;
export type WorkflowStep<W extends Workflow = Workflow> = (typeof WORKFLOW_STEPS)[W][number];
export const WORKFLOWS = Object.keys(WORKFLOW_STEPS) as Workflow[];

export const WORKFLOW_LABELS: Record<Workflow, Bilingual> = {
  identification: { zh: '贫困户识别', en: 'identification' },
  exit: { zh: '脱贫退出', en: 'exit' },
  return: { zh: '返贫', en: 'return to poverty' },
};
export const STEP_LABELS: Record<WorkflowStep, Bilingual> = {
  application: { zh: '农户申请', en: 'Household application' },
  first_appraisal: { zh: '村民主评议（第一次）', en: 'First village appraisal' },
  crosscheck: { zh: '部门信息比对', en: 'Cross-check with departments' },
  second_appraisal: { zh: '村民主评议（第二次）', en: 'Second village appraisal' },
  village_notice: { zh: '村内公示', en: 'Village notice' },
  township_notice: { zh: '乡镇公示', en: 'Township notice' },
  county_announcement: { zh: '县级公告', en: 'County announcement' },
  registered: { zh: '建档立卡', en: 'Registered as poor' },
  rejected: { zh: '不予识别', en: 'Not identified' },
  village_appraisal: { zh: '村两委评议', en: 'Village committees appraisal' },
  team_verification: { zh: '驻村工作队核实', en: 'Work-team verification' },
  household_consent: { zh: '贫困户认可签字', en: 'Household consent' },
  notice: { zh: '村内公示', en: 'Village notice' },
  announcement: { zh: '公告', en: 'Announcement' },
  removed_from_list: { zh: '销号', en: 'Removed from the poor list' },
  halted: { zh: '终止退出', en: 'Exit halted' },
  returned: { zh: '返贫', en: 'Returned to poverty' },
};

/** Steps that end a workflow early or mark a return, and so must carry a reason. */
export const NEEDS_REASON: ReadonlySet<string> = new Set(['rejected', 'halted', 'returned']);

/**
 * Who decides (records) a step: the village its application, appraisals, cross-check, verification, consent and
 * notice; the township its notice (identification) and the exit announcement; the county the announcement, the
 * registration (建档立卡) and the removal from the poor list (销号). The workbench's "steps waiting for me" and the
 * household list's `awaiting` filter read it.
 */
export const DECIDING_LEVELS = ['village', 'township', 'county'] as const;
export type DecidingLevel = (typeof DECIDING_LEVELS)[number];
export const DECIDING_LEVEL_LABELS: Record<DecidingLevel, Bilingual> = {
  village: { zh: '待村级办理', en: 'Waiting for the village' },
  township: { zh: '待乡镇办理', en: 'Waiting for the township' },
  county: { zh: '待县级办理', en: 'Waiting for the county' },
};
export const STEP_DECIDER: Record<(typeof IDENTIFICATION_STEPS)[number] | (typeof EXIT_STEPS)[number], DecidingLevel> =
  {
    application: 'village',
    first_appraisal: 'village',
    crosscheck: 'village',
    second_appraisal: 'village',
    village_notice: 'village',
    township_notice: 'township',
    county_announcement: 'county',
    registered: 'county',
    village_appraisal: 'village',
    team_verification: 'village',
    household_consent: 'village',
    notice: 'village',
    announcement: 'township',
    removed_from_list: 'county',
  };
