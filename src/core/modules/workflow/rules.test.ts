import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HouseholdStatus } from '../../../shared/register.ts';
import {
  allowedSteps,
  applyStep,
  awaitingSteps,
  decidingLevelOf,
  EXIT_STEPS,
  IDENTIFICATION_STEPS,
  positionOf,
  type FlowEvent,
  type Workflow,
} from './rules.ts';

const ev = (workflow: Workflow, ...steps: string[]): FlowEvent[] =>
  steps.map((step, i) => ({ workflow, step, date: `2026-01-${String(i + 10).padStart(2, '0')}` }));
const idUpTo = (last: string) =>
  ev('identification', ...IDENTIFICATION_STEPS.slice(0, IDENTIFICATION_STEPS.indexOf(last as never) + 1));
const exitUpTo = (last: string) => ev('exit', ...EXIT_STEPS.slice(0, EXIT_STEPS.indexOf(last as never) + 1));

describe('identification and exit state machine', () => {
  type Case = [
    label: string,
    status: HouseholdStatus,
    events: FlowEvent[],
    workflow: Workflow,
    step: string,
    expect: HouseholdStatus | 'conflict' | 'invalid',
    reason?: string,
  ];
  const cases: Case[] = [
    ['a non-poor household applies', 'non_poor', [], 'identification', 'application', 'applicant'],
    ['a cleared household may apply again', 'removed', [], 'identification', 'application', 'applicant'],
    ['a poor household cannot apply', 'poor', [], 'identification', 'application', 'conflict'],
    ['appraisal before any application', 'non_poor', [], 'identification', 'first_appraisal', 'conflict'],
    [
      'first appraisal after application',
      'applicant',
      idUpTo('application'),
      'identification',
      'first_appraisal',
      'applicant',
    ],
    [
      'cross-check after first appraisal',
      'applicant',
      idUpTo('first_appraisal'),
      'identification',
      'crosscheck',
      'applicant',
    ],
    [
      'skipping the cross-check',
      'applicant',
      idUpTo('first_appraisal'),
      'identification',
      'second_appraisal',
      'conflict',
    ],
    ['repeating a step', 'applicant', idUpTo('crosscheck'), 'identification', 'crosscheck', 'conflict'],
    [
      'township notice after village notice',
      'applicant',
      idUpTo('village_notice'),
      'identification',
      'township_notice',
      'applicant',
    ],
    [
      'registered after the announcement',
      'applicant',
      idUpTo('county_announcement'),
      'identification',
      'registered',
      'poor',
    ],
    [
      'registered before the announcement',
      'applicant',
      idUpTo('township_notice'),
      'identification',
      'registered',
      'conflict',
    ],
    [
      'rejected at first appraisal',
      'applicant',
      idUpTo('application'),
      'identification',
      'rejected',
      'non_poor',
      '不符合条件',
    ],
    [
      'rejected by the cross-check',
      'applicant',
      idUpTo('first_appraisal'),
      'identification',
      'rejected',
      'non_poor',
      '有车辆',
    ],
    [
      'rejected at second appraisal',
      'applicant',
      idUpTo('crosscheck'),
      'identification',
      'rejected',
      'non_poor',
      '评议未通过',
    ],
    ['rejection needs a reason', 'applicant', idUpTo('application'), 'identification', 'rejected', 'invalid'],
    [
      'no rejection once announced',
      'applicant',
      idUpTo('county_announcement'),
      'identification',
      'rejected',
      'conflict',
      'x',
    ],
    [
      'no step after a rejection',
      'non_poor',
      ev('identification', 'application', 'rejected'),
      'identification',
      'first_appraisal',
      'conflict',
    ],
    [
      'a new application after a rejection',
      'non_poor',
      ev('identification', 'application', 'rejected'),
      'identification',
      'application',
      'applicant',
    ],
    [
      'status must fit the workflow in progress',
      'poor',
      idUpTo('crosscheck'),
      'identification',
      'second_appraisal',
      'conflict',
    ],
    ['exit starts for a poor household', 'poor', idUpTo('registered'), 'exit', 'village_appraisal', 'poor'],
    ['exit starts for a returned household', 'returned', [], 'exit', 'village_appraisal', 'returned'],
    ['exit cannot start for a non-poor household', 'non_poor', [], 'exit', 'village_appraisal', 'conflict'],
    [
      'exit cannot start mid-identification',
      'applicant',
      idUpTo('crosscheck'),
      'exit',
      'village_appraisal',
      'conflict',
    ],
    ['verification after appraisal', 'poor', exitUpTo('village_appraisal'), 'exit', 'team_verification', 'poor'],
    [
      'consent cannot come before verification',
      'poor',
      exitUpTo('village_appraisal'),
      'exit',
      'household_consent',
      'conflict',
    ],
    [
      'removed from the list after the announcement',
      'poor',
      exitUpTo('announcement'),
      'exit',
      'removed_from_list',
      'exited',
    ],
    ['exit halted with a reason', 'poor', exitUpTo('team_verification'), 'exit', 'halted', 'poor', '收入核实不达标'],
    ['exit halted without a reason', 'poor', exitUpTo('team_verification'), 'exit', 'halted', 'invalid'],
    ['no exit step once exited', 'exited', exitUpTo('removed_from_list'), 'exit', 'notice', 'conflict'],
    [
      'an exited household returns with a reason',
      'exited',
      exitUpTo('removed_from_list'),
      'return',
      'returned',
      'returned',
      '因病返贫',
    ],
    ['return without a reason', 'exited', [], 'return', 'returned', 'invalid'],
    ['a poor household cannot return', 'poor', [], 'return', 'returned', 'conflict', '因灾'],
    ['a returned household exits again', 'returned', ev('return', 'returned'), 'exit', 'village_appraisal', 'returned'],
    ['unknown step', 'applicant', idUpTo('application'), 'identification', 'teleport', 'conflict'],
    ['a step of the other workflow', 'applicant', idUpTo('application'), 'exit', 'first_appraisal', 'conflict'],
  ];
  for (const [label, status, events, workflow, step, expect, reason] of cases) {
    it(label, () => {
      const date = '2026-02-01';
      const r = applyStep(status, events, { workflow, step, date, reason });
      if (expect === 'conflict' || expect === 'invalid') {
        assert.equal(r.ok, false);
        if (!r.ok) {
          assert.equal(r.kind, expect);
          assert.ok(r.reasons.length > 0 && r.reasons.every((p) => p.message.zh && p.message.en));
        }
      } else {
        assert.deepEqual(r.ok && r.status, expect, JSON.stringify(r));
      }
    });
  }

  it('refuses a date before the previous step', () => {
    const r = applyStep('applicant', idUpTo('application'), {
      workflow: 'identification',
      step: 'first_appraisal',
      date: '2026-01-09',
    });
    assert.ok(!r.ok && r.kind === 'invalid');
    assert.match(!r.ok ? r.reasons[0]!.message.zh : '', /早于上一步「农户申请」的日期 2026-01-10/);
    assert.equal(
      applyStep('applicant', idUpTo('application'), {
        workflow: 'identification',
        step: 'first_appraisal',
        date: '2026-01-10',
      }).ok,
      true,
    );
  });

  it('explains what is expected instead', () => {
    const r = applyStep('applicant', idUpTo('first_appraisal'), {
      workflow: 'identification',
      step: 'registered',
      date: '2026-02-01',
    });
    assert.ok(!r.ok);
    assert.match(
      r.ok ? '' : r.reasons[0]!.message.zh,
      /识别流程已到「村民主评议（第一次）」，下一步为「部门信息比对、不予识别」/,
    );
  });

  it('walks the whole identification path and marks its end', () => {
    let status: HouseholdStatus = 'non_poor';
    const events: FlowEvent[] = [];
    for (const step of IDENTIFICATION_STEPS) {
      const r = applyStep(status, events, { workflow: 'identification', step, date: '2026-03-01' });
      assert.ok(r.ok, step);
      assert.equal(r.ends, step === 'registered');
      status = r.status;
      events.push({ workflow: 'identification', step, date: '2026-03-01' });
    }
    assert.equal(status, 'poor');
    assert.deepEqual(positionOf(events).active, null);
    assert.deepEqual(allowedSteps(status, events), [{ workflow: 'exit', step: 'village_appraisal' }]);
  });

  it('derives the position and next steps from the events', () => {
    assert.deepEqual(positionOf([]), { active: null, last: null });
    assert.equal(positionOf(idUpTo('crosscheck')).active, 'identification');
    assert.equal(positionOf(exitUpTo('notice')).active, 'exit');
    assert.deepEqual(allowedSteps('poor', exitUpTo('notice')), [
      { workflow: 'exit', step: 'announcement' },
      { workflow: 'exit', step: 'halted' },
    ]);
    assert.deepEqual(allowedSteps('exited', []), [{ workflow: 'return', step: 'returned' }]);
    assert.deepEqual(allowedSteps('non_poor', idUpTo('crosscheck')), []);
  });
});

describe('which steps wait for which level (awaitingSteps)', () => {
  const cases: [Parameters<typeof awaitingSteps>[0], { identification: string[]; exit: string[] }][] = [
    [
      'village',
      {
        identification: ['application', 'first_appraisal', 'crosscheck', 'second_appraisal'],
        exit: ['village_appraisal', 'team_verification', 'household_consent'],
      },
    ],
    ['township', { identification: ['village_notice'], exit: ['notice'] }],
    ['county', { identification: ['township_notice', 'county_announcement'], exit: ['announcement'] }],
  ];
  for (const [level, expected] of cases)
    it(`${level}: ${[...expected.identification, ...expected.exit].join(', ')}`, () =>
      assert.deepEqual(awaitingSteps(level), expected));

  it('every step in progress waits for exactly one level; the terminal steps wait for none', () => {
    const all = cases.flatMap(([l]) => [...awaitingSteps(l).identification, ...awaitingSteps(l).exit]);
    assert.equal(new Set(all).size, all.length);
    assert.deepEqual(new Set(all), new Set([...IDENTIFICATION_STEPS.slice(0, -1), ...EXIT_STEPS.slice(0, -1)]));
    assert.ok(!all.includes('registered') && !all.includes('removed_from_list'));
  });

  it('follows the decider it is given (a province that lets the township register)', () => {
    const decider = {
      ...Object.fromEntries(IDENTIFICATION_STEPS.map((s) => [s, 'village' as const])),
      registered: 'township' as const,
    };
    assert.deepEqual(awaitingSteps('township', decider), { identification: ['county_announcement'], exit: [] });
  });
});

describe('the level a caller decides (decidingLevelOf)', () => {
  const cases: [Parameters<typeof decidingLevelOf>[0], ReturnType<typeof decidingLevelOf>][] = [
    [[], null],
    [['group'], 'village'],
    [['village'], 'village'],
    [['township'], 'township'],
    [['county'], 'county'],
    [['city'], 'county'],
    [['nation'], 'county'],
    [['village', 'township'], 'township'],
    [['village', 'county', 'township'], 'county'],
  ];
  for (const [levels, expected] of cases)
    it(`${levels.join('+') || 'nowhere'} → ${expected}`, () => assert.equal(decidingLevelOf(levels), expected));
});
