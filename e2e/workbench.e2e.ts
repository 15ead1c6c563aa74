/**
 * The workbench as the landing page: zhushan lands on "/" with to-dos and the register's figures, a figure opens
 * its list with the same total, the header's search finds a household by its head's name and opens it; a village
 * user searching another village's household finds nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();
const DONG = '420323104211';
const LONGJING = '420323103211';

/** The number of a list's "共 N 条" (separators dropped), once the list has loaded. */
async function listTotal(page: Page): Promise<number> {
  const text = page.locator('.ant-pagination-total-text').first();
  await text.waitFor();
  return Number((await text.innerText()).replace(/\D/g, ''));
}

/** A household of a village, read through the API as the page's user. */
async function firstHousehold(page: Page, village: string) {
  const res = await page.request.get(`/api/households?region=${village}&pageSize=1&sort=code`);
  assert.equal(res.status(), 200);
  const { items } = (await res.json()) as { items: { id: number; code: string; headName: string }[] };
  assert.ok(items[0], `no household in ${village}`);
  return items[0];
}

/** Types into the header's search and waits for its answer. */
async function searchFor(page: Page, text: string) {
  const input = page.locator('[data-testid=global-search] input');
  await input.waitFor();
  const answered = page.waitForResponse((r) => r.url().includes('/api/search?'));
  await input.fill(text);
  await answered;
}

describe('workbench', () => {
  it('zhushan lands on the workbench, sees to-dos and figures, and a figure opens its list with that total', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('workbench-title').getByText('竹山县').waitFor();

    // My to-do: the approvals, overdue items and gaps of the registry, each a count linking to its list.
    const todos = page.locator('[data-testid^=todo-]:is(a)');
    await todos.first().waitFor();
    assert.ok((await todos.count()) >= 5, `to-dos shown: ${await todos.count()}`);
    for (const key of ['leave.inbox', 'five_ones.gaps', 'workflow.awaiting', 'pairing.gaps'])
      await page.getByTestId(`todo-${key}`).waitFor();

    // My region at a glance: the register's figures and the incidence by year.
    const registered = page.getByTestId('figure-register.registered');
    await registered.waitFor();
    for (const key of ['register.households', 'register.persons', 'register.incidence', 'forces.stationed'])
      await page.getByTestId(`figure-${key}`).waitFor();
    await page.getByTestId('incidence-sparkline').locator('canvas').waitFor();
    const value = Number(await registered.getAttribute('data-value'));
    assert.ok(value > 0, 'no registered households');
    await screenshot(page, 'workbench-zhushan');

    // The registered households open the household list filtered alike, with the same total.
    await registered.click();
    await page.waitForURL(
      /\/households\?.*status=poor%2Cexited%2Creturned|\/households\?.*status=poor,exited,returned/,
    );
    await page.locator('[data-testid=household-table] tbody tr.ant-table-row').first().waitFor();
    assert.equal(await listTotal(page), value);

    // The stationed cadres open the cadre list with the same total.
    await page.goto('/');
    const stationed = page.getByTestId('figure-forces.stationed');
    await stationed.waitFor();
    const cadres = Number(await stationed.getAttribute('data-value'));
    await stationed.click();
    await page.waitForURL(/\/forces\/cadres\?.*stationed=true/);
    assert.equal(await listTotal(page), cadres);

    // A to-do opens its list too: the villages missing one of the five ones.
    await page.goto('/');
    const gaps = page.getByTestId('todo-five_ones.gaps');
    await gaps.waitFor();
    const count = Number(await gaps.getAttribute('data-count'));
    await gaps.click();
    await page.waitForURL(/\/forces\/five-ones\?.*missing=true/);
    await page.locator('[data-testid=five-ones-table] tbody tr.ant-table-row').first().waitFor();
    assert.equal(await listTotal(page), count);
  });

  it('the header search finds a household by its head’s name and opens it', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    const h = await firstHousehold(page, DONG);
    await searchFor(page, h.headName);
    const option = page.getByTestId(`search-household-${h.id}`);
    await option.waitFor();
    await screenshot(page, 'workbench-search');
    await option.click();
    await page.waitForURL(new RegExp(`/households/${h.id}$`));
    await page.getByText(h.code).first().waitFor();
  });

  it('dongjiagou searching a household of another village finds nothing', async () => {
    const county = await app().newPage();
    await login(county, 'zhushan');
    const foreign = await firstHousehold(county, LONGJING);

    const page = await app().newPage();
    await login(page, 'dongjiagou');
    await page.getByTestId('workbench').waitFor();
    // By its code: nothing at all.
    await searchFor(page, foreign.code);
    await page.locator('.ant-select-dropdown').getByText('未找到结果').waitFor();
    assert.equal(await page.locator('[data-testid^=search-household-]').count(), 0);
    // By its head's name: never that household (a namesake of 董家沟村 may appear).
    await searchFor(page, foreign.headName);
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId(`search-household-${foreign.id}`).count(), 0);
    await screenshot(page, 'workbench-search-village');
  });
});
