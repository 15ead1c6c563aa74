// Pairings (结对帮扶): the five kinds, the fields each needs, the household cap, ending, the caller's scope, and the
// versions of a pairing (end and edit: 428 without one, 409 with the current pairing when stale, one of two at once).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIALECTS, eachTest, type Session } from './harness.ts';
import { buildPairing } from './factories.ts';
import {
  count,
  dayBefore,
  DONG,
  LEIGU_VILLAGE,
  LONGJING,
  pairingWorld,
  SHANGBA,
  YUNXI_VILLAGE,
} from './pairings-world.ts';

for (const dialect of DIALECTS) {
  describe(`pairings [${dialect}]`, () => {
    const app = eachTest(dialect, pairingWorld);
    /** 王帮扶 ↔ DJG-01 from 2025-01-01 (version 1), open or ending on `end`. */
    const oneOfDong = (end: string | null = null) => {
      const { t, h, c } = app();
      return buildPairing(t.db, {
        kind: 'cadre_household',
        region: DONG,
        householdId: h['DJG-01'],
        personId: c.a,
        start: '2025-01-01',
        end,
      });
    };

    it('creates a pairing of each of the five kinds', async () => {
      const { t, county, h, c, unitId, partnerId } = app();
      const auditBefore = await count(t.db, 'audit_log');
      const bodies: [string, Record<string, unknown>][] = [
        ['cadre_household', { householdId: h['DJG-07'], personId: c.b }],
        ['village_village', { regionCode: DONG, helperRegionCode: LEIGU_VILLAGE }],
        ['unit_village', { regionCode: '420323104211', unitId }],
        ['enterprise_village', { regionCode: DONG, partnerId }],
        ['member_member', { regionCode: DONG, helperName: '陈富', helpedName: '刘贫' }],
      ];
      const ids: Record<string, number> = {};
      for (const [kind, body] of bodies) {
        const res = await t.call(county, 'POST', '/api/pairings', { kind, startDate: '2025-01-01', ...body });
        assert.equal(res.statusCode, 201, `${kind}: ${res.body}`);
        const p = res.json();
        assert.equal(p.kind, kind);
        assert.equal(p.regionCode, DONG);
        assert.equal(p.regionName, '董家沟村');
        assert.equal(p.active, true);
        assert.equal(p.endDate, null);
        assert.equal(p.version, 1);
        ids[kind] = p.id;
        if (kind === 'cadre_household') {
          assert.deepEqual(p.household, { id: h['DJG-07'], code: 'DJG-07', headName: '张大山' });
          assert.deepEqual(p.person, { id: c.b, name: '李驻村' });
        }
        if (kind === 'village_village') assert.deepEqual(p.helperRegion, { code: LEIGU_VILLAGE, name: '擂鼓村' });
        if (kind === 'unit_village') assert.deepEqual(p.unit, { id: unitId, name: '竹山县财政局', level: 'county' });
        if (kind === 'enterprise_village')
          assert.deepEqual(p.partner, { id: partnerId, name: '竹山绿松石公司', kind: 'enterprise' });
        if (kind === 'member_member') assert.deepEqual([p.helperName, p.helpedName, p.person], ['陈富', '刘贫', null]);
      }
      const list = (await t.call(county, 'GET', `/api/pairings?region=${DONG}`)).json();
      assert.equal(list.total, 5);
      assert.deepEqual(list.items.map((i: { kind: string }) => i.kind).sort(), [
        'cadre_household',
        'enterprise_village',
        'member_member',
        'unit_village',
        'village_village',
      ]);
      assert.ok(list.items.every((i: { version: number }) => i.version === 1));
      const byKind = (await t.call(county, 'GET', `/api/pairings?region=420323&kind=unit_village`)).json();
      assert.equal(byKind.total, 1);
      const byPerson = (await t.call(county, 'GET', `/api/pairings?personId=${c.b}`)).json();
      assert.deepEqual(
        byPerson.items.map((i: { id: number }) => i.id),
        [ids.cadre_household],
      );
      const byHousehold = (await t.call(county, 'GET', `/api/pairings?householdId=${h['DJG-07']}`)).json();
      assert.equal(byHousehold.total, 1);
      assert.equal(await count(t.db, 'audit_log'), auditBefore + 5);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'region_code'])
        .where('entity', '=', 'pairing')
        .execute();
      assert.deepEqual(
        audit.map((a) => [a.action, a.region_code]),
        Array(5).fill(['create', DONG]),
      );
    });

    it('refuses missing fields for the kind, naming the field, and writes nothing', async () => {
      const { t, county, h, c, unitId, partnerId } = app();
      const before = await count(t.db, 'pairing');
      const cases: [Record<string, unknown>, string][] = [
        [{ kind: 'cadre_household', householdId: h['DJG-01'] }, 'personId'],
        [{ kind: 'cadre_household', personId: c.a, regionCode: DONG }, 'householdId'],
        [{ kind: 'village_village', regionCode: DONG }, 'helperRegionCode'],
        [{ kind: 'village_village', helperRegionCode: LEIGU_VILLAGE }, 'regionCode'],
        [{ kind: 'unit_village', regionCode: DONG, partnerId }, 'unitId'],
        [{ kind: 'enterprise_village', regionCode: DONG, unitId }, 'partnerId'],
        [{ kind: 'member_member', regionCode: DONG, helperName: '陈富' }, 'helpedName'],
        [{ kind: 'member_member', regionCode: DONG, helperName: ' ', helpedName: '刘贫' }, 'helperName'],
        // wrong values, each named
        [{ kind: 'cadre_household', householdId: h['DJG-10'], personId: c.a }, 'householdId'], // not registered
        [{ kind: 'cadre_household', householdId: 999999, personId: c.a }, 'householdId'],
        [{ kind: 'cadre_household', householdId: h['DJG-01'], personId: 999999 }, 'personId'],
        [{ kind: 'cadre_household', householdId: h['DJG-01'], personId: c.a, regionCode: LONGJING }, 'regionCode'],
        [{ kind: 'unit_village', regionCode: '420323104', unitId }, 'regionCode'], // a township
        [{ kind: 'unit_village', regionCode: DONG, unitId: 999999 }, 'unitId'],
        [{ kind: 'enterprise_village', regionCode: DONG, partnerId: 999999 }, 'partnerId'],
        [{ kind: 'village_village', regionCode: DONG, helperRegionCode: DONG }, 'helperRegionCode'],
        [{ kind: 'village_village', regionCode: DONG, helperRegionCode: YUNXI_VILLAGE }, 'helperRegionCode'],
        [{ kind: 'village_village', regionCode: DONG, helperRegionCode: '420323104' }, 'helperRegionCode'],
        [{ kind: 'cadre_household', householdId: h['DJG-01'], personId: c.a, startDate: '2025-02-30' }, 'startDate'],
        [{ kind: 'twinning', regionCode: DONG }, 'kind'],
      ];
      for (const [body, path] of cases) {
        const res = await t.call(county, 'POST', '/api/pairings', { startDate: '2025-01-01', ...body });
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
        const err = res.json().error;
        assert.equal(err.code, 'VALIDATION');
        assert.deepEqual(
          err.details.map((d: { path: string }) => d.path),
          [path],
          JSON.stringify(body),
        );
        assert.ok(err.details[0].message.length > 0);
      }
      const en = await t.call(
        county,
        'POST',
        '/api/pairings',
        { kind: 'unit_village', regionCode: DONG, startDate: '2025-01-01' },
        { 'accept-language': 'en' },
      );
      assert.equal(en.json().error.details[0].message, 'This kind of pairing needs the paired unit');
      assert.equal(await count(t.db, 'pairing'), before);
    });

    it('holds a cadre to the household cap: at the cap passes, one more fails; ending frees a place', async () => {
      const { t, county, h, c, today } = app();
      await buildPairing(t.db, { kind: 'cadre_household', region: DONG, householdId: h['DJG-07'], personId: c.b });
      const ids: Record<string, number> = {};
      for (const code of ['DJG-01', 'DJG-02', 'DJG-03', 'DJG-04', 'DJG-05']) {
        const res = await t.call(county, 'POST', '/api/pairings', {
          kind: 'cadre_household',
          householdId: h[code],
          personId: c.a,
          startDate: '2025-01-01',
        });
        assert.equal(res.statusCode, 201, `${code}: ${res.body}`);
        ids[code] = res.json().id;
      }
      const before = await count(t.db, 'pairing');
      const auditBefore = await count(t.db, 'audit_log');
      const sixth = await t.call(county, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-06'],
        personId: c.a,
        startDate: '2025-01-01',
      });
      assert.equal(sixth.statusCode, 400, sixth.body);
      const err = sixth.json().error;
      assert.equal(err.code, 'VALIDATION');
      assert.equal(err.details[0].path, 'personId');
      assert.equal(err.details[0].message, '该干部已结对帮扶 5 户，已达上限 5 户');
      assert.equal(await count(t.db, 'pairing'), before);
      assert.equal(await count(t.db, 'audit_log'), auditBefore);

      const dup = await t.call(county, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-07'],
        personId: c.b,
        startDate: '2025-06-01',
      });
      assert.equal(dup.statusCode, 409, dup.body);

      const yesterday = dayBefore(today);
      const end = (endDate: string, version?: number) =>
        t.call(county, 'POST', `/api/pairings/${ids['DJG-05']}/end`, { endDate, version });
      const bad = await end('2024-12-31', 1);
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].path, 'endDate');
      const ended = await end(yesterday, 1);
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal(ended.json().endDate, yesterday);
      assert.equal(ended.json().active, false);
      assert.equal(ended.json().version, 2);
      // once more with the version it has now: it has ended already (409 CONFLICT, not a version race)
      const again = await end(yesterday, 2);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'CONFLICT');
      const endAudit = await t.db
        .selectFrom('audit_log')
        .select(['before_json', 'after_json'])
        .where('entity', '=', 'pairing')
        .where('action', '=', 'end')
        .execute();
      assert.equal(endAudit.length, 1);
      assert.equal(JSON.parse(endAudit[0]!.before_json!).endDate, null);
      assert.equal(JSON.parse(endAudit[0]!.after_json!).endDate, yesterday);

      const now = await t.call(county, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-06'],
        personId: c.a,
        startDate: today,
      });
      assert.equal(now.statusCode, 201, now.body);
      const active = (await t.call(county, 'GET', `/api/pairings?personId=${c.a}`)).json();
      assert.equal(active.total, 5);
      const ended2 = (await t.call(county, 'GET', `/api/pairings?personId=${c.a}&active=false`)).json();
      assert.deepEqual(
        ended2.items.map((i: { id: number }) => i.id),
        [ids['DJG-05']],
      );
      assert.equal((await t.call(county, 'GET', `/api/pairings?personId=${c.a}&active=all`)).json().total, 6);
    });

    it('refuses a pairing across the caller’s scope', async () => {
      const { t, dong, yunxi, h, c, unitId, today } = app();
      const before = await count(t.db, 'pairing');
      const cases: [Session, Record<string, unknown>, number, string | null][] = [
        // the household or village is outside the caller's scope
        [dong, { kind: 'cadre_household', householdId: h['LJ-01'], personId: c.b }, 403, null],
        [dong, { kind: 'unit_village', regionCode: LONGJING, unitId }, 403, null],
        [yunxi, { kind: 'cadre_household', householdId: h['DJG-11'], personId: c.c }, 403, null],
        [yunxi, { kind: 'member_member', regionCode: DONG, helperName: 'a', helpedName: 'b' }, 403, null],
        // the helping cadre is not visible to the caller
        [dong, { kind: 'cadre_household', householdId: h['DJG-08'], personId: c.l }, 400, 'personId'],
        [dong, { kind: 'cadre_household', householdId: h['DJG-08'], personId: c.c }, 400, 'personId'],
        [
          dong,
          { kind: 'member_member', regionCode: DONG, helperName: 'a', helpedName: 'b', personId: c.l },
          400,
          'personId',
        ],
      ];
      for (const [s, body, status, path] of cases) {
        const res = await t.call(s, 'POST', '/api/pairings', { startDate: '2025-01-01', ...body });
        assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
        if (path) assert.equal(res.json().error.details[0].path, path);
        assert.ok(res.json().error.message.length > 0);
      }
      const msg = await t.call(dong, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-08'],
        personId: c.l,
        startDate: '2025-01-01',
      });
      assert.match(msg.json().error.details[0].message, /孙龙井.*管辖范围/);
      assert.equal(await count(t.db, 'pairing'), before);

      // a cadre stationed in the caller's village is visible; an advanced village may be anywhere in the county
      const ok = await t.call(dong, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-08'],
        personId: c.b,
        startDate: '2025-01-01',
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const vv = await t.call(dong, 'POST', '/api/pairings', {
        kind: 'village_village',
        regionCode: DONG,
        helperRegionCode: SHANGBA,
        startDate: '2025-01-01',
      });
      assert.equal(vv.statusCode, 201, vv.body);
      assert.equal(vv.json().helperRegion.name, '上坝村');
      // another county's user can neither end nor edit it, whatever version it sends
      const id = vv.json().id as number;
      assert.equal(
        (await t.call(yunxi, 'POST', `/api/pairings/${id}/end`, { endDate: today, version: 1 })).statusCode,
        403,
      );
      assert.equal((await t.call(yunxi, 'POST', `/api/pairings/${id}/end`, { endDate: today })).statusCode, 403);
      assert.equal((await t.call(yunxi, 'PATCH', `/api/pairings/${id}`, { note: 'x', version: 1 })).statusCode, 403);
    });

    it('edits the start date and the note, never past the end date, audited', async () => {
      const { t, dong, c } = app();
      const id = await oneOfDong('2025-12-31');
      const patch = (body: Record<string, unknown>) => t.call(dong, 'PATCH', `/api/pairings/${id}`, body);
      const late = await patch({ startDate: '2026-01-01', version: 1 });
      assert.equal(late.statusCode, 400, late.body);
      assert.equal(late.json().error.details[0].path, 'startDate');
      const sides = await patch({ personId: c.b, version: 1 });
      assert.equal(sides.statusCode, 400, 'the sides of a pairing never change');
      const ok = await patch({ startDate: '2025-02-01', note: '  入户走访  ', version: 1 });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().startDate, ok.json().note, ok.json().version], ['2025-02-01', '入户走访', 2]);
      assert.equal(ok.headers.etag, '"2"');
      const cleared = await patch({ note: '', version: 2 });
      assert.deepEqual([cleared.json().note, cleared.json().startDate], [null, '2025-02-01']);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['before_json', 'after_json'])
        .where('entity', '=', 'pairing')
        .where('action', '=', 'update')
        .orderBy('id')
        .execute();
      assert.equal(audit.length, 2);
      assert.deepEqual(
        [JSON.parse(audit[0]!.before_json!).startDate, JSON.parse(audit[0]!.after_json!).startDate],
        ['2025-01-01', '2025-02-01'],
      );
      assert.deepEqual([JSON.parse(audit[0]!.before_json!).version, JSON.parse(audit[0]!.after_json!).version], [1, 2]);
    });

    it('ending or editing without a version answers 428; a stale one 409 with the pairing as it is now', async () => {
      const { t, county, dong, h, c, today } = app();
      const id = await oneOfDong();
      const yesterday = dayBefore(today);
      const none = await t.call(dong, 'POST', `/api/pairings/${id}/end`, { endDate: yesterday });
      assert.equal(none.statusCode, 428, none.body);
      assert.equal(none.json().error.code, 'PRECONDITION_REQUIRED');
      assert.equal((await t.call(dong, 'PATCH', `/api/pairings/${id}`, { note: 'x' })).statusCode, 428);
      // the county edits the note first; the village, still holding version 1, tries to end it
      const first = await t.call(county, 'PATCH', `/api/pairings/${id}`, { note: '县里补充', version: 1 });
      assert.equal(first.statusCode, 200, first.body);
      const stale = await t.call(dong, 'POST', `/api/pairings/${id}/end`, { endDate: yesterday, version: 1 });
      assert.equal(stale.statusCode, 409, stale.body);
      const err = stale.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.deepEqual([err.current.note, err.current.version, err.current.endDate], ['县里补充', 2, null]);
      assert.deepEqual(err.current.person, { id: c.a, name: '王帮扶' });
      const list = (await t.call(dong, 'GET', `/api/pairings?householdId=${h['DJG-01']}`)).json();
      assert.deepEqual([list.items[0].active, list.items[0].note], [true, '县里补充']);
      // If-Match carries the version as well as the body
      const ifMatch = await t.call(
        dong,
        'POST',
        `/api/pairings/${id}/end`,
        { endDate: yesterday },
        { 'if-match': '"2"' },
      );
      assert.equal(ifMatch.statusCode, 200, ifMatch.body);
      assert.equal(ifMatch.json().version, 3);
    });

    const races: [what: string, call: (id: number) => ['POST' | 'PATCH', string, Record<string, unknown>]][] = [
      ['end', (id) => ['POST', `/api/pairings/${id}/end`, { endDate: '2025-06-30', version: 1 }]],
      ['edit', (id) => ['PATCH', `/api/pairings/${id}`, { note: '同时修改', version: 1 }]],
    ];
    for (const [what, call] of races) {
      it(`two editors ${what} one pairing at once: exactly one 200 and one 409`, async () => {
        const { t, county, dong } = app();
        const id = await oneOfDong();
        const [method, url, body] = call(id);
        const results = await Promise.all([t.call(county, method, url, body), t.call(dong, method, url, body)]);
        assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
        const lost = results.find((r) => r.statusCode === 409)!.json().error;
        assert.equal(lost.code, 'VERSION_CONFLICT');
        assert.equal(lost.current.version, 2);
        const stored = await t.db.selectFrom('pairing').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        assert.equal(stored.version, 2);
        assert.equal(await count(t.db, 'audit_log'), 1);
      });
    }
  });
}
