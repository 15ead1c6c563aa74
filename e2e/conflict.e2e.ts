/**
 * No lost update in the browser: two people edit one household at once. The second to save sees the conflict
 * dialog with the other person's change beside their own, and chooses — overwrite, or take theirs (reload).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();

/** Opens the edit form of the first household of 董家沟村 and returns its id. */
async function openFirstEdit(page: Page, id?: string): Promise<string> {
  if (!id) {
    await page.goto('/households?region=420323104211');
    const first = page.locator('[data-testid=household-table] tbody tr.ant-table-row').first();
    await first.waitFor();
    await first.locator('a').first().click();
    await page.locator('[data-testid=household-detail]').waitFor();
    id = /\/households\/(\d+)/.exec(page.url())![1]!;
  }
  await page.goto(`/households/${id}/edit`);
  await page.locator('[data-testid=household-form]').waitFor();
  await address(page).waitFor();
  return id;
}

const address = (page: Page) => page.locator('[data-testid=household-form]').getByLabel('住址');

/** Waits until an input shows `value` (the form re-renders after the click), failing with what it shows. */
async function untilValue(input: ReturnType<typeof address>, value: string) {
  const deadline = Date.now() + 10_000;
  let shown = '';
  while (Date.now() < deadline) {
    shown = await input.inputValue();
    if (shown === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(shown, value);
}

async function save(page: Page) {
  await page.locator('[data-testid=household-save]').click();
}

describe('lost updates', () => {
  it('the second editor sees both changes and overwrites consciously, or takes the other change', async () => {
    const a = await app().newPage();
    const b = await app().newPage();
    await login(a, 'zhushan');
    await login(b, 'dongjiagou');
    const id = await openFirstEdit(a);
    await openFirstEdit(b, id);

    // A saves first.
    await address(a).fill('董家沟村一组 8 号（甲）');
    await save(a);
    await a.waitForURL(new RegExp(`/households/${id}$`));

    // B saves a form read before A's save: the dialog shows A's address beside B's.
    await address(b).fill('董家沟村二组 3 号（乙）');
    await save(b);
    const dialog = b.locator('[data-testid=conflict-dialog]').last();
    const table = b.locator('[data-testid=conflict-table]');
    await table.waitFor();
    const text = await table.innerText();
    assert.match(text, /住址/);
    assert.match(text, /二组 3 号（乙）/);
    assert.match(text, /一组 8 号（甲）/);
    assert.equal(await table.locator('tbody tr.ant-table-row').count(), 1, 'only the address differs');
    await screenshot(b, 'conflict-dialog');

    // Overwrite: B's address is saved, knowingly.
    await b.locator('[data-testid=conflict-overwrite]').click();
    await b.waitForURL(new RegExp(`/households/${id}$`));
    await b.locator('[data-testid=household-detail]').getByText('董家沟村二组 3 号（乙）').waitFor();
    assert.equal(await dialog.isVisible().catch(() => false), false);

    // Again, now B takes A's change: the form reloads with A's value and saves without a conflict.
    await openFirstEdit(a, id);
    await openFirstEdit(b, id);
    await address(a).fill('董家沟村三组 1 号（甲）');
    await save(a);
    await a.waitForURL(new RegExp(`/households/${id}$`));
    await address(b).fill('董家沟村四组 2 号（乙）');
    await save(b);
    await b.locator('[data-testid=conflict-table]').waitFor();
    await b.locator('[data-testid=conflict-reload]').click();
    await untilValue(address(b), '董家沟村三组 1 号（甲）');
    await save(b);
    await b.waitForURL(new RegExp(`/households/${id}$`));
    await b.locator('[data-testid=household-detail]').getByText('董家沟村三组 1 号（甲）').waitFor();
  });
});
