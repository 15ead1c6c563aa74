import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workflowChangeProblems, workflowChanges, type WorkflowInput, type WorkflowState } from './status.ts';

const exited: WorkflowState = { status: 'exited', identifiedYear: 2014, exitedYear: 2016 };

describe('the workflow owns status, identification year and exit year', () => {
  it('an edit changes none of them, by table', () => {
    const cases: [string, WorkflowInput, [string, unknown, unknown][]][] = [
      ['all as stored', { status: 'exited', identifiedYear: 2014, exitedYear: 2016 }, []],
      ['none sent: kept', {}, []],
      ['only the status, as stored', { status: 'exited' }, []],
      ['exited → poor', { status: 'poor' }, [['status', 'exited', 'poor']]],
      ['exited → non_poor', { status: 'non_poor', identifiedYear: 2014 }, [['status', 'exited', 'non_poor']]],
      ['the exit year cleared', { exitedYear: null }, [['exitedYear', 2016, null]]],
      ['another identification year', { identifiedYear: 2015 }, [['identifiedYear', 2014, 2015]]],
      [
        'everything at once',
        { status: 'returned', identifiedYear: null, exitedYear: 2017 },
        [
          ['status', 'exited', 'returned'],
          ['identifiedYear', 2014, null],
          ['exitedYear', 2016, 2017],
        ],
      ],
    ];
    for (const [name, input, expected] of cases)
      assert.deepEqual(
        workflowChanges(exited, input).map((c) => [c.field, c.from, c.to]),
        expected,
        name,
      );
  });

  it('a null stored year and a null sent one are the same', () => {
    const fresh: WorkflowState = { status: 'non_poor', identifiedYear: null, exitedYear: null };
    assert.deepEqual(workflowChanges(fresh, { status: 'non_poor', identifiedYear: null, exitedYear: null }), []);
    assert.deepEqual(
      workflowChanges(fresh, { identifiedYear: 2020 }).map((c) => c.field),
      ['identifiedYear'],
    );
  });

  it('each refusal names its field and the stored value', () => {
    const problems = workflowChangeProblems(
      workflowChanges(exited, { status: 'poor', identifiedYear: 2015, exitedYear: null }),
    );
    assert.deepEqual(
      problems.map((p) => p.path),
      ['status', 'identifiedYear', 'exitedYear'],
    );
    assert.match(problems[0]!.message.zh, /现为“已脱贫”/);
    assert.match(problems[0]!.message.en, /Exited/);
    assert.match(problems[1]!.message.zh, /2014/);
    assert.match(problems[2]!.message.zh, /2016/);
  });
});
