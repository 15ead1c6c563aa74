import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWithin } from '../src/shared/regions.ts';
import { buildCadre, buildStation } from './factories.ts';
import { buildTeam, counts, d, DONGJIAGOU, LONGJING, LY, TODAY } from './duty-fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

/**
 * Region scope of the daily-management endpoints, table-driven: every endpoint, called by users of a
 * sibling village, township or county on a cadre of 龙井村 (宝丰镇), answers 403 or 404 and changes
 * nothing; the read-only inspector reads but cannot write; the owning township can; lists never
 * return rows outside the caller's scope (the leave inbox is for holders of leave.approve only).
 */
const snapshot = counts;

interface Fixture {
  personId: number;
  teamId: number;
  leaveId: number;
  countyLeaveId: number;
  /** Versions read of the leaves and the assessment (writes to them send it). */
  versions: { leave: number; countyLeave: number; assessment: number };
}

/** A stationed cadre with a day, a log, leaves, insurance, a team with spending, an assessment, an honour. */
async function fixture(t: TestApp, admin: Session, village: string): Promise<Fixture> {
  const personId = await buildCadre(t.db, village);
  const team = { id: await buildTeam(t.db, village) };
  await buildStation(t.db, personId, village, 'team_leader', { start: d('01-01'), end: null, teamId: team.id });
  const ok = async (method: 'POST', url: string, body: unknown) => {
    const res = await t.call(admin, method, url, body);
    assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  await ok('POST', '/api/attendance', { personId, day: d('03-01'), present: true });
  await ok('POST', '/api/work-logs', { personId, day: d('03-01'), content: '走访' });
  const leave = await ok('POST', '/api/leaves', {
    personId,
    startDate: d('04-01'),
    endDate: d('04-02'),
    reason: '事假',
  });
  const longLeave = await ok('POST', '/api/leaves', {
    personId,
    startDate: d('05-01'),
    endDate: d('05-10'),
    reason: '病假',
  });
  await ok('POST', '/api/insurance', {
    personId,
    insurer: '中国人寿',
    startDate: d('01-01'),
    endDate: `${LY + 2}-01-01`,
  });
  await ok('POST', `/api/teams/${team.id}/funds`, { spentOn: TODAY, amount: 100, purpose: '办公' });
  const assessment = await ok('POST', '/api/assessments', {
    personId,
    kind: 'annual',
    period: `${LY}`,
    grade: 'competent',
  });
  await ok('POST', '/api/honours', { personId, title: 'advanced_worker', year: LY });
  return {
    personId,
    teamId: team.id,
    leaveId: leave.id,
    countyLeaveId: longLeave.id,
    versions: { leave: leave.version, countyLeave: longLeave.version, assessment: assessment.version },
  };
}

for (const dialect of DIALECTS) {
  describe(`region scope on every daily-management endpoint [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const s: Record<string, Session> = {};
      const users: [string, Parameters<TestApp['as']>[0], string][] = [
        ['admin', 'admin', '000000000000'],
        ['zhushan', 'county', '420323'],
        ['leigu', 'township', '420323104'],
        ['baofeng', 'township', '420323103'],
        ['dongjiagou', 'village', DONGJIAGOU],
        ['longjing', 'village', LONGJING],
        ['inspector', 'inspector', '420323'],
        ['yunxi', 'county', '420322'],
      ];
      for (const [name, role, scope] of users) s[name] = await t.as(role, scope, name);
      const lj = await fixture(t, s.admin!, LONGJING);
      await fixture(t, s.admin!, DONGJIAGOU);
      return { s, lj };
    });

    type Call = [method: 'GET' | 'POST', url: () => string, body?: () => unknown];
    /** Every endpoint of the module on 龙井村's rows; writes send the versions read. */
    const endpointsOf = (lj: Fixture): Record<string, Call> => ({
      'check in': ['POST', () => '/api/attendance', () => ({ personId: lj.personId, day: d('03-02'), present: true })],
      'attendance of a cadre': ['GET', () => `/api/attendance?personId=${lj.personId}`],
      'attendance summary': ['GET', () => `/api/attendance/summary?region=${LONGJING}&year=${LY}`],
      'days of a cadre': ['GET', () => `/api/cadres/${lj.personId}/days?year=${LY}`],
      'work logs of region': ['GET', () => `/api/work-logs?region=${LONGJING}`],
      'write a work log': [
        'POST',
        () => '/api/work-logs',
        () => ({ personId: lj.personId, day: d('03-02'), content: '越权' }),
      ],
      'leaves of region': ['GET', () => `/api/leaves?region=${LONGJING}`],
      'leave detail': ['GET', () => `/api/leaves/${lj.leaveId}`],
      'request leave': [
        'POST',
        () => '/api/leaves',
        () => ({ personId: lj.personId, startDate: d('06-01'), endDate: d('06-02'), reason: '越权' }),
      ],
      'decide short leave': [
        'POST',
        () => `/api/leaves/${lj.leaveId}/decide`,
        () => ({ approve: true, version: lj.versions.leave }),
      ],
      'decide long leave': [
        'POST',
        () => `/api/leaves/${lj.countyLeaveId}/decide`,
        () => ({ approve: true, version: lj.versions.countyLeave }),
      ],
      'cancel leave': ['POST', () => `/api/leaves/${lj.leaveId}/cancel`, () => ({ version: lj.versions.leave })],
      'insurance of region': ['GET', () => `/api/insurance?region=${LONGJING}`],
      'record insurance': [
        'POST',
        () => '/api/insurance',
        () => ({ personId: lj.personId, insurer: '越权', startDate: d('01-01'), endDate: d('12-31') }),
      ],
      'team funds': ['GET', () => `/api/teams/${lj.teamId}/funds`],
      'spend team funds': [
        'POST',
        () => `/api/teams/${lj.teamId}/funds`,
        () => ({ spentOn: TODAY, amount: 1, purpose: '越权' }),
      ],
      'assessments of region': ['GET', () => `/api/assessments?region=${LONGJING}`],
      assess: [
        'POST',
        () => '/api/assessments',
        () => ({
          personId: lj.personId,
          kind: 'annual',
          period: `${LY}`,
          grade: 'incompetent',
          version: lj.versions.assessment,
        }),
      ],
      evidence: ['GET', () => `/api/cadres/${lj.personId}/evidence?period=${LY}`],
      'honours of region': ['GET', () => `/api/honours?region=${LONGJING}`],
      'award honour': ['POST', () => '/api/honours', () => ({ personId: lj.personId, title: 'other', year: LY })],
    });

    for (const outsider of ['dongjiagou', 'leigu', 'yunxi']) {
      it(`${outsider} gets 403/404 on every endpoint for 龙井村 and nothing changes`, async () => {
        const { t, s, lj } = app();
        const endpoints = endpointsOf(lj);
        const before = await snapshot(t.db);
        for (const [name, [method, url, body]] of Object.entries(endpoints)) {
          const res = await t.call(s[outsider]!, method, url(), body?.());
          assert.ok([403, 404].includes(res.statusCode), `${outsider} ${name}: ${res.statusCode} ${res.body}`);
        }
        assert.deepEqual(await snapshot(t.db), before);
        const leave = await t.db
          .selectFrom('leave_request')
          .select('status')
          .where('id', '=', lj.leaveId)
          .executeTakeFirstOrThrow();
        assert.equal(leave.status, 'pending');
      });
    }

    it('the read-only inspector reads the county but every write is refused', async () => {
      const { t, s, lj } = app();
      const endpoints = endpointsOf(lj);
      const before = await snapshot(t.db);
      for (const [name, [method, url, body]] of Object.entries(endpoints)) {
        const res = await t.call(s.inspector!, method, url(), body?.());
        if (method === 'GET') assert.equal(res.statusCode, 200, `inspector ${name}: ${res.body}`);
        else assert.equal(res.statusCode, 403, `inspector ${name}: ${res.body}`);
      }
      assert.deepEqual(await snapshot(t.db), before);
    });

    it('the village may record but not assess, honour or decide leave', async () => {
      const { t, s, lj } = app();
      const endpoints = endpointsOf(lj);
      const v = s.longjing!;
      const res = (name: string) => {
        const [method, url, body] = endpoints[name]!;
        return t.call(v, method, url(), body?.());
      };
      assert.equal((await res('check in')).statusCode, 200);
      assert.equal((await res('write a work log')).statusCode, 201);
      for (const name of ['assess', 'award honour', 'decide short leave', 'decide long leave'])
        assert.equal((await res(name)).statusCode, 403, name);
    });

    it('the owning township decides the short leave but not the long one; the county decides that', async () => {
      const { t, s, lj } = app();
      const endpoints = endpointsOf(lj);
      const v = lj.versions;
      assert.equal(
        (await t.call(s.baofeng!, 'POST', `/api/leaves/${lj.leaveId}/decide`, { approve: true, version: v.leave }))
          .statusCode,
        200,
      );
      const body = { approve: true, version: v.countyLeave };
      assert.equal((await t.call(s.baofeng!, 'POST', `/api/leaves/${lj.countyLeaveId}/decide`, body)).statusCode, 403);
      assert.equal((await t.call(s.zhushan!, 'POST', `/api/leaves/${lj.countyLeaveId}/decide`, body)).statusCode, 200);
      const assess = endpoints.assess!;
      assert.equal((await t.call(s.baofeng!, 'POST', assess[1](), assess[2]!())).statusCode, 200);
    });

    const lists: [string, string, (item: Record<string, string>) => string][] = [
      [`/api/attendance/summary?year=${LY}&pageSize=200`, 'summary', (i) => i.regionCode!],
      ['/api/work-logs?pageSize=200', 'work logs', (i) => i.regionCode!],
      ['/api/leaves?pageSize=200', 'leaves', (i) => i.regionCode!],
      ['/api/leaves/inbox?pageSize=200', 'inbox', (i) => i.regionCode!],
      ['/api/insurance?pageSize=200', 'insurance', (i) => i.regionCode!],
      ['/api/assessments?pageSize=200', 'assessments', (i) => i.regionCode!],
      ['/api/honours?pageSize=200', 'honours', (i) => i.regionCode!],
    ];
    const scopes: Record<string, string> = {
      dongjiagou: DONGJIAGOU,
      leigu: '420323104000',
      baofeng: '420323103000',
      yunxi: '420322000000',
    };
    for (const [user, scope] of Object.entries(scopes)) {
      it(`${user}'s lists hold only rows inside its scope`, async () => {
        const { t, s, lj } = app();
        for (const [url, name, codeOf] of lists) {
          const res = await t.call(s[user]!, 'GET', url);
          if (name === 'inbox' && user === 'dongjiagou') {
            // no leave.approve: the inbox is refused, not filtered to nothing
            assert.equal(res.statusCode, 403, `${user} ${name}: ${res.body}`);
            continue;
          }
          assert.equal(res.statusCode, 200, `${user} ${name}: ${res.body}`);
          const items = res.json().items as Record<string, string>[];
          const expectRows = user !== 'yunxi' && !(name === 'inbox' && user === 'dongjiagou');
          if (expectRows && name !== 'inbox') assert.ok(items.length > 0, `${user} ${name} is empty`);
          if (!expectRows) assert.equal(items.length, 0, `${user} ${name}`);
          for (const item of items) assert.ok(isWithin(codeOf(item), scope), `${user} ${name} leaked ${codeOf(item)}`);
        }
        // a cadre's attendance outside the scope is refused, not filtered to nothing
        if (user !== 'baofeng')
          assert.equal((await t.call(s[user]!, 'GET', `/api/attendance?personId=${lj.personId}`)).statusCode, 403);
      });
    }
  });
}
