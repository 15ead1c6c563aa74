/**
 * Versioned changes of the help plan in the browser: the village user edits a measure (帮扶措施) that the county
 * user changed in the meantime — the conflict dialog shows both, the user takes theirs and saves again; the county
 * user ends a pairing (结对帮扶) from the pairings page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();
const DONG = '420323104211';

interface MeasureRow {
  id: number;
  householdId: number;
  title: string;
  status: string;
  version: number;
}
interface PairingRow {
  id: number;
  endDate: string | null;
  version: number;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  assert.equal(res.status(), 200, `GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A write through the page's session (cookie and CSRF token), as the web app sends it. */
async function patchJson(page: Page, path: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'xh_csrf')?.value ?? '';
  return page.request.patch(path, { data, headers: { 'x-csrf-token': csrf } });
}

const saveButton = (page: Page) => page.locator('.ant-modal').getByRole('button', { name: /保\s*存/ });

describe('versions in the help plan', () => {
  it('a measure changed by someone else meanwhile opens the conflict dialog; taking theirs and saving works', async () => {
    const village = await app().newPage();
    await login(village, 'dongjiagou');
    const county = await app().newPage();
    await login(county, 'zhushan');

    const page = await getJson<{ items: MeasureRow[] }>(village, `/api/measures?region=${DONG}&pageSize=1`);
    const measure = page.items[0]!;
    await village.goto(`/households/${measure.householdId}?tab=plan`);
    await village.locator('[data-testid=household-detail]').waitFor();
    await village.getByRole('tab', { name: '帮扶计划' }).click();
    const row = village.locator(`[data-testid=plan-measures] tr[data-row-key="${measure.id}"]`);
    await row.getByText('编辑').click();
    const title = village.locator('[data-testid=measure-title]');
    await title.waitFor();
    assert.equal(await title.inputValue(), measure.title);

    // The county saves the measure first.
    const theirs = `${measure.title}（县里已改）`;
    const first = await patchJson(county, `/api/measures/${measure.id}`, { title: theirs, version: measure.version });
    assert.equal(first.status(), 200, await first.text());

    // The village saves its own change with the version it read: the conflict dialog shows both titles.
    await title.fill(`${measure.title}（村里改）`);
    await saveButton(village).click();
    const table = village.getByTestId('conflict-table');
    await table.waitFor();
    const text = await table.innerText();
    assert.match(text, /县里已改/);
    assert.match(text, /村里改/);
    await screenshot(village, 'pairings-measure-conflict');

    // Take theirs: the form now holds the saved title; saving sends the new version and succeeds.
    await village.getByTestId('conflict-reload').click();
    assert.equal(await title.inputValue(), theirs);
    await village.locator('[data-testid=measure-status]').click();
    await village.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('实施中').click();
    await saveButton(village).click();
    await title.waitFor({ state: 'hidden' });
    const saved = (
      await getJson<{ items: MeasureRow[] }>(village, `/api/measures?householdId=${measure.householdId}`)
    ).items.find((m) => m.id === measure.id)!;
    assert.deepEqual([saved.title, saved.status, saved.version], [theirs, 'in_progress', measure.version + 2]);
  });

  it('the county user ends a pairing from the pairings page', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto(`/forces/pairings?region=${DONG}&kind=cadre_household`);
    const rows = page.locator('[data-testid=pairing-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const id = Number(await rows.first().getAttribute('data-row-key'));
    await rows.first().getByTestId('pair-end').click();
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /结束结对/ })
      .click();
    await page.getByText('已结束结对').first().waitFor();
    const all = await getJson<{ items: PairingRow[] }>(
      page,
      `/api/pairings?region=${DONG}&kind=cadre_household&active=all&pageSize=200`,
    );
    const ended = all.items.find((p) => p.id === id)!;
    assert.ok(ended.endDate, 'the pairing has an end date');
    assert.equal(ended.version, 2);
  });
});
