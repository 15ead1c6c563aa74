/**
 * Region scope of the workbench and the global search: a village user never gets another village's households,
 * persons, cadres, regions or counts, a township user never another township's, a county user never another
 * county's; a region outside the caller's scope answers 403 (an unknown one 404). A full ID number is found only
 * where the caller may reveal personal data — shown in full and audited as a reveal — and matched by its visible
 * parts elsewhere.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../src/shared/codes.ts';
import type { SearchResult } from '../src/shared/contracts/search.ts';
import type { WorkbenchGlance, WorkbenchTodo } from '../src/shared/contracts/workbench.ts';
import { nowIso } from '../src/core/db/index.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { maskIdNumber } from '../src/core/pii/mask.ts';
import { buildCadre } from './factories.ts';
import { household, idNumber } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

const DONG = '420323104211'; // 董家沟村, 擂鼓镇
const ZAOYUAN = '420323104205'; // 枣园村, 擂鼓镇
const LONGJING = '420323103211'; // 龙井村, 宝丰镇
const YUNXI = '420322100200'; // a village of 郧西县
const NAME = '龚同名';

const USERS: Record<string, [Role, string]> = {
  dong: ['village', DONG],
  leigu: ['township', '420323104'],
  zhushan: ['county', '420323'],
  yunxi: ['county', '420322'],
};

/** One household headed by 龚同名 (and a second member) in each village; a cadre of the same name in each. */
async function world(t: TestApp) {
  const made: Record<string, { id: number; code: string; idNumber: string }> = {};
  let seq = 40;
  for (const [key, village] of Object.entries({ dong: DONG, zaoyuan: ZAOYUAN, longjing: LONGJING, yunxi: YUNXI })) {
    const code = `S-${key.toUpperCase()}`;
    const id = idNumber('1966-06-06', ++seq);
    const ids = await saveHouseholds(t.db, `${village.slice(0, 6)}000000`, [
      household(code, village, {
        members: [
          { name: NAME, idNumber: id, gender: 'male', birthDate: '1966-06-06', relation: 'head' },
          { name: `${key}之妻`, idNumber: null, gender: 'female', birthDate: '1968-01-01', relation: 'spouse' },
        ],
      }) as never,
    ]);
    made[key] = { id: ids.get(code)!, code, idNumber: id };
    await buildCadre(t.db, village, { name: NAME });
  }
  // An applicant waiting for its village's second step, in 董家沟村 and in 龙井村.
  for (const key of ['dong', 'longjing']) {
    const h = made[key]!;
    await t.db.updateTable('household').set({ status: 'applicant' }).where('id', '=', h.id).execute();
    await t.db
      .insertInto('household_event')
      .values({
        household_id: h.id,
        region_code: key === 'dong' ? DONG : LONGJING,
        workflow: 'identification',
        step: 'application',
        event_date: '2026-03-02',
        created_at: nowIso(),
      })
      .execute();
  }
  // An open cross-check hit on each applicant.
  for (const [key, village] of [
    ['dong', DONG],
    ['longjing', LONGJING],
  ] as const)
    await t.db
      .insertInto('crosscheck_hit')
      .values({
        household_id: made[key]!.id,
        member_id: null,
        region_code: village,
        source: 'vehicle',
        detail: null,
        status: 'open',
        created_at: nowIso(),
      })
      .execute();
  const as: Record<string, Session> = {};
  for (const [name, [role, scope]] of Object.entries(USERS)) as[name] = await t.as(role, scope);
  return { made, as };
}

for (const dialect of DIALECTS) {
  describe(`workbench and search stay in the caller's scope [${dialect}]`, () => {
    const app = eachTest(dialect, world);
    const get = async (s: Session, url: string, status = 200) => {
      const res = await app().t.call(s, 'GET', url);
      assert.equal(res.statusCode, status, `GET ${url}: ${res.body}`);
      return res.json();
    };
    const search = (s: Session, q: string) =>
      get(s, `/api/search?q=${encodeURIComponent(q)}&limit=20`) as Promise<SearchResult>;

    it('a search by name finds the households, persons and cadres of the caller’s scope only', async () => {
      const { as, made } = app();
      const expect: Record<string, string[]> = {
        dong: ['dong'],
        leigu: ['dong', 'zaoyuan'],
        zhushan: ['dong', 'longjing', 'zaoyuan'],
        yunxi: ['yunxi'],
      };
      for (const [user, keys] of Object.entries(expect)) {
        const r = await search(as[user]!, NAME);
        const ids = (list: { id?: number; householdId?: number }[]) =>
          list.map((x) => x.id ?? x.householdId).sort((a, b) => a! - b!);
        const want = keys.map((k) => made[k]!.id).sort((a, b) => a - b);
        assert.deepEqual(ids(r.households), want, `${user} households`);
        assert.deepEqual(ids(r.persons), want, `${user} persons`);
        assert.equal(r.cadres.length, keys.length, `${user} cadres`);
        // Persons show masked ID numbers to every caller.
        for (const p of r.persons) assert.ok(!p.revealed && p.idNumber?.includes('*'), `${user} ${p.idNumber}`);
      }
    });

    it('a household of another village, township or county is not found by its code', async () => {
      const { as, made } = app();
      assert.deepEqual((await search(as.dong!, made.zaoyuan!.code)).households, []);
      assert.deepEqual((await search(as.dong!, made.longjing!.code)).households, []);
      assert.deepEqual((await search(as.leigu!, made.longjing!.code)).households, []);
      assert.deepEqual((await search(as.zhushan!, made.yunxi!.code)).households, []);
      // … while its own village's is.
      assert.deepEqual(
        (await search(as.dong!, made.dong!.code)).households.map((h) => h.id),
        [made.dong!.id],
      );
    });

    it('regions are found inside the scope only', async () => {
      const { as } = app();
      assert.deepEqual((await search(as.dong!, '龙井')).regions, []);
      assert.deepEqual((await search(as.leigu!, '龙井')).regions, []);
      const county = await search(as.zhushan!, '龙井村');
      assert.ok(county.regions.some((r) => r.code === LONGJING && r.parentName === '宝丰镇'));
      assert.deepEqual((await search(as.yunxi!, '龙井村')).regions, []);
    });

    it('a full ID number is revealed, and audited, only where the caller may reveal; elsewhere it stays masked', async () => {
      const { t, as, made } = app();
      const full = made.longjing!.idNumber;
      const reveals = async () =>
        Number(
          (
            await t.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('action', '=', 'reveal')
              .executeTakeFirstOrThrow()
          ).n,
        );
      // The township (no pii.reveal) finds nobody of 宝丰镇, and its own people only by the number's visible parts.
      const township = await search(as.leigu!, full);
      assert.ok(township.persons.every((p) => !p.revealed && p.idNumber?.includes('*')));
      assert.ok(!township.persons.some((p) => p.householdId === made.longjing!.id));
      const own = await search(as.leigu!, made.dong!.idNumber);
      assert.deepEqual(
        own.persons.map((p) => [p.householdId, p.revealed, p.idNumber]),
        [[made.dong!.id, false, maskIdNumber(made.dong!.idNumber)]],
      );
      assert.equal(await reveals(), 0);
      // The county reveals it: in full, once in the audit log as a reveal of that member.
      const county = await search(as.zhushan!, full);
      const hit = county.persons.find((p) => p.householdId === made.longjing!.id)!;
      assert.equal(hit.idNumber, full);
      assert.equal(hit.revealed, true);
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'reveal')
        .executeTakeFirstOrThrow();
      assert.equal(audit.entity, 'household_member');
      assert.equal(audit.entity_id, String(hit.memberId));
      assert.equal(audit.region_code, LONGJING);
      assert.equal(await reveals(), 1);
      // Another county's reveal-holder finds nobody of 竹山县 by it.
      assert.ok(!(await search(as.yunxi!, full)).persons.some((p) => p.householdId === made.longjing!.id));
      // The mask as shown finds the person, masked, without an audit row.
      const masked = await search(as.zhushan!, maskIdNumber(full)!);
      assert.ok(masked.persons.some((p) => p.householdId === made.longjing!.id && !p.revealed));
      assert.equal(await reveals(), 1);
    });

    it('a search needs 2 characters; a region outside the scope answers 403, an unknown one 404', async () => {
      const { as } = app();
      await get(as.zhushan!, `/api/search?q=${encodeURIComponent('龚')}`, 400);
      await get(as.dong!, `/api/search?q=${encodeURIComponent(NAME)}&region=${LONGJING}`, 403);
      await get(as.leigu!, `/api/search?q=${encodeURIComponent(NAME)}&region=420323103`, 403);
      await get(as.zhushan!, `/api/search?q=${encodeURIComponent(NAME)}&region=420322`, 403);
      await get(as.zhushan!, `/api/search?q=${encodeURIComponent(NAME)}&region=420323999`, 404);
    });

    it('the workbench of another village, township or county answers 403; an unknown region 404', async () => {
      const { as } = app();
      for (const path of ['todo', 'glance']) {
        await get(as.dong!, `/api/workbench/${path}?region=${ZAOYUAN}`, 403);
        await get(as.dong!, `/api/workbench/${path}?region=420323104`, 403);
        await get(as.leigu!, `/api/workbench/${path}?region=420323103`, 403);
        await get(as.zhushan!, `/api/workbench/${path}?region=420322`, 403);
        await get(as.yunxi!, `/api/workbench/${path}?region=420323`, 403);
        await get(as.zhushan!, `/api/workbench/${path}?region=420323999`, 404);
      }
    });

    it('the cross-check hits of a region are the caller’s only (the hits to review)', async () => {
      const { as, made } = app();
      const hits = async (u: string, q = '') =>
        ((await get(as[u]!, `/api/crosscheck-hits?status=open${q}`)).items as { householdId: number }[]).map(
          (h) => h.householdId,
        );
      assert.deepEqual(await hits('dong'), [made.dong!.id]);
      assert.deepEqual(await hits('leigu'), [made.dong!.id]);
      assert.deepEqual((await hits('zhushan')).sort(), [made.dong!.id, made.longjing!.id].sort());
      assert.deepEqual(await hits('yunxi'), []);
      assert.deepEqual(await hits('zhushan', '&region=420323103'), [made.longjing!.id]);
      await get(as.dong!, `/api/crosscheck-hits?region=${LONGJING}`, 403);
      await get(as.leigu!, '/api/crosscheck-hits?region=420323103', 403);
      await get(as.yunxi!, '/api/crosscheck-hits?region=420323', 403);
    });

    it('the workbench counts only the caller’s scope', async () => {
      const { as } = app();
      const figure = (g: WorkbenchGlance, key: string) => g.figures.find((f) => f.key === key)?.value;
      const households = async (u: string) => figure(await get(as[u]!, '/api/workbench/glance'), 'register.households');
      assert.equal(await households('dong'), 1);
      assert.equal(await households('leigu'), 2);
      assert.equal(await households('zhushan'), 3);
      assert.equal(await households('yunxi'), 1);
      const awaiting = async (u: string) =>
        ((await get(as[u]!, '/api/workbench/todo')) as WorkbenchTodo).items.find((i) => i.key === 'workflow.awaiting')
          ?.count;
      // The applicants wait for their villages: 董家沟村's is the village user's; the township and the county
      // decide none of it.
      assert.equal(await awaiting('dong'), 1);
      assert.equal(await awaiting('leigu'), 0);
      assert.equal(await awaiting('zhushan'), 0);
      const open = async (u: string) =>
        ((await get(as[u]!, '/api/workbench/todo')) as WorkbenchTodo).items.find((i) => i.key === 'crosscheck.open')
          ?.count;
      assert.deepEqual(
        [await open('dong'), await open('leigu'), await open('zhushan'), await open('yunxi')],
        [1, 1, 2, 0],
      );
      const dong = (await get(as.dong!, '/api/workbench/todo')) as WorkbenchTodo;
      assert.equal(dong.region.code, DONG);
      for (const i of dong.items.filter((x) => x.reach === 'region'))
        assert.match(i.link, new RegExp(`region=${DONG}`));
    });
  });
}
