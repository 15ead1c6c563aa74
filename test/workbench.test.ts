/**
 * The workbench over the demo county: every to-do count and every headline figure equals the figure of the list
 * it opens (its API call, as the entry names it) for every demo role, each level's workflow to-do holds that
 * level's steps, and the incidence by year equals the statistics of each year.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { HEADLINES, TODO_ENTRIES } from '../src/core/modules/workbench/registry.ts';
import { todayInChina } from '../src/core/clock.ts';
import type { Figure, TodoItem, WorkbenchGlance, WorkbenchTodo } from '../src/shared/contracts/workbench.ts';
import { DIALECTS, PASSWORD, testApp, type Session, type TestApp } from './harness.ts';
import { todoWorld } from './workbench-world.ts';

const USERS = ['admin', 'zhushan', 'leigu', 'dongjiagou', 'baofeng', 'inspector'] as const;
type User = (typeof USERS)[number];

/** `total.persons` of `{ total: { persons: 5 } }` → 5. */
const at = (body: unknown, path: string) =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], body);

describe('the workbench registry', () => {
  it('has unique keys, labels in both languages, and each headline an order', () => {
    const keys = [...TODO_ENTRIES, ...HEADLINES].map((e) => e.key);
    assert.equal(new Set(keys).size, keys.length, keys.join());
    for (const e of [...TODO_ENTRIES, ...HEADLINES]) assert.ok(e.label.zh && e.label.en, e.key);
    assert.deepEqual(
      HEADLINES.map((h) => h.order),
      [...HEADLINES.map((h) => h.order)].sort((a, b) => a - b),
    );
  });
});

for (const dialect of DIALECTS) {
  describe(`workbench counts are the totals of their lists [${dialect}]`, () => {
    let t: TestApp;
    let waiting: Awaited<ReturnType<typeof todoWorld>>;
    const as: Partial<Record<User, Session>> = {};
    before(
      async () => {
        t = await testApp(dialect);
        await loadDemo(t.db, { county: '420323', password: PASSWORD, households: 600 });
        waiting = await todoWorld(t.db);
        for (const u of USERS) as[u] = await t.login(u);
      },
      { timeout: 300_000 },
    );
    after(async () => {
      await t?.close();
    });

    const get = async (u: User, url: string) => {
      const res = await t.call(as[u]!, 'GET', url);
      assert.equal(res.statusCode, 200, `${u} GET ${url}: ${res.body}`);
      return res.json();
    };
    const todo = (u: User, region?: string) =>
      get(u, `/api/workbench/todo${region ? `?region=${region}` : ''}`) as Promise<WorkbenchTodo>;
    const glance = (u: User, region?: string) =>
      get(u, `/api/workbench/glance${region ? `?region=${region}` : ''}`) as Promise<WorkbenchGlance>;
    const byKey = (items: TodoItem[]) => new Map(items.map((i) => [i.key, i]));

    for (const u of USERS) {
      it(`${u}: each to-do count equals the total of the list it opens`, async () => {
        const { items } = await todo(u);
        for (const i of items) assert.equal(at(await get(u, i.api), i.field), i.count, `${u} ${i.key} ${i.api}`);
      });

      it(`${u}: each headline figure and each year's incidence equals its list or statistics`, async () => {
        const g = await glance(u);
        assert.ok(g.figures.length > 0);
        for (const f of g.figures as Figure[])
          assert.equal(at(await get(u, f.api), f.field), f.value, `${u} ${f.key} ${f.api}`);
        assert.ok(g.incidenceByYear.length > 0, 'no years');
        for (const y of g.incidenceByYear) {
          const s = await get(u, `/api/stats/poverty?region=${g.region.code}&year=${y.year}`);
          assert.equal(y.poorPersons, s.total.poorPersons, `${u} ${y.year}`);
          assert.equal(y.persons, s.total.persons, `${u} ${y.year}`);
          assert.equal(y.incidence, s.total.incidence, `${u} ${y.year}`);
          assert.equal(y.link, `/stats?region=${g.region.code}&year=${y.year}`);
        }
      });
    }

    it('zhushan sees every to-do of the registry and every headline, none of the to-dos empty', async () => {
      const { region, items } = await todo('zhushan');
      assert.equal(region.code, '420323000000');
      assert.deepEqual(new Set(items.map((i) => i.key)), new Set(TODO_ENTRIES.map((e) => e.key)));
      const elapsed = Number(todayInChina().slice(5, 7)) > 1 || Number(todayInChina().slice(8)) > 3;
      for (const i of items) if (i.key !== 'duty.behind' || elapsed) assert.ok(i.count > 0, `${i.key} is empty`);
      const g = await glance('zhushan');
      assert.deepEqual(
        g.figures.map((f) => f.key),
        HEADLINES.map((h) => h.key),
      );
    });

    it('the workflow to-do of each level holds the steps that level decides, and no other', async () => {
      const members = async (u: User) => {
        const item = byKey((await todo(u)).items).get('workflow.awaiting')!;
        const list = await get(u, `${item.api}&pageSize=500`);
        return { item, ids: new Set((list.items as { id: number }[]).map((h) => h.id)) };
      };
      const dong = await members('dongjiagou');
      assert.match(dong.item.link, /awaiting=village/);
      assert.ok(dong.ids.has(waiting.village.id));
      for (const h of [waiting.township, waiting.exitTownship]) assert.ok(!dong.ids.has(h.id));

      const leigu = await members('leigu');
      assert.match(leigu.item.link, /awaiting=township/);
      for (const h of [waiting.township, waiting.exitTownship]) assert.ok(leigu.ids.has(h.id));
      assert.ok(!leigu.ids.has(waiting.village.id));

      const county = await members('zhushan');
      assert.match(county.item.link, /awaiting=county/);
      for (const h of [waiting.county, waiting.exitCounty]) assert.ok(county.ids.has(h.id));
      for (const h of [waiting.village, waiting.township, waiting.exitTownship]) assert.ok(!county.ids.has(h.id));
    });

    it('an entry shows only to whom holds its permission: the inspector sees figures and no to-do', async () => {
      assert.deepEqual((await todo('inspector')).items, []);
      assert.ok((await glance('inspector')).figures.some((f) => f.key === 'register.households'));
      // A village decides no leave and approves no recall; a township approves no recall either.
      const dong = byKey((await todo('dongjiagou')).items);
      for (const k of ['leave.inbox', 'recall.pending', 'five_ones.gaps']) assert.ok(!dong.has(k), k);
      const leigu = byKey((await todo('leigu')).items);
      assert.ok(leigu.has('leave.inbox') && !leigu.has('recall.pending'));
    });

    it('the leave inbox is the caller’s whole scope; its overdue part is inside it', async () => {
      const county = byKey((await todo('zhushan', '420323104')).items);
      assert.equal(county.get('leave.inbox')!.reach, 'caller');
      assert.equal(county.get('leave.inbox')!.count, (await get('zhushan', '/api/leaves/inbox')).total);
      assert.ok(county.get('leave.overdue')!.count >= 1);
      assert.ok(county.get('leave.overdue')!.count < county.get('leave.inbox')!.count);
      const today = todayInChina();
      const overdue = (await get('zhushan', county.get('leave.overdue')!.api)).items as { startDate: string }[];
      assert.ok(overdue.length > 0 && overdue.every((l) => l.startDate <= today));
      const all = (await get('zhushan', '/api/leaves/inbox?pageSize=200')).items as { startDate: string }[];
      assert.ok(
        all.some((l) => l.startDate > today),
        'the leave starting in 3 days is in the inbox',
      );
    });

    it('a region asked for narrows the counts to it, and the links carry it', async () => {
      const { region, items } = await todo('zhushan', '420323104');
      assert.equal(region.code, '420323104000');
      for (const i of items.filter((x) => x.reach === 'region')) {
        assert.match(i.link, /region=420323104000/, i.key);
        assert.equal(at(await get('zhushan', i.api), i.field), i.count, i.key);
      }
      const g = await glance('zhushan', '420323104211');
      assert.equal(g.region.name, '董家沟村');
      for (const f of g.figures) assert.equal(at(await get('zhushan', f.api), f.field), f.value, f.key);
    });
  });
}
