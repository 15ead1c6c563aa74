/**
 * The household register in the browser: a county user finds a household and opens it (ID numbers
 * masked), reads the poverty statistics by township; a village user is refused another village's list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();

describe('household register', () => {
  it('county user zhushan lists 董家沟村 households, opens one and sees masked ID numbers', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto('/households?region=420323104211');
    const rows = page.locator('[data-testid=household-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    assert.ok((await rows.count()) > 0, 'no households listed for 董家沟村');
    await screenshot(page, 'households-list');
    await rows.first().locator('a').first().click();
    const detail = page.locator('[data-testid=household-detail]');
    await detail.waitFor();
    const head = (await page.locator('[data-testid=household-head]').innerText()).trim();
    assert.ok(head.length >= 2, `head name shown: ${head}`);
    await detail
      .getByText(/420323\*{8}/)
      .first()
      .waitFor();
    assert.equal(await detail.getByText(/\b420323\d{11}[\dX]\b/).count(), 0, 'an unmasked ID number is shown');
    await screenshot(page, 'household-detail');
  });

  it('county user zhushan reads poverty incidence by township', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto('/stats?region=420323000000');
    const card = page.locator('[data-testid=poverty-card]');
    await card.waitFor();
    await card.getByText('擂鼓镇').first().waitFor();
    await card.getByText('柳林乡').first().waitFor();
    assert.match(await card.innerText(), /%/);
    await screenshot(page, 'stats');
  });

  it('village user dongjiagou is refused the households of 龙井村', async () => {
    const page = await app().newPage();
    await login(page, 'dongjiagou');
    await page.goto('/households?region=420323103211');
    await page
      .getByText(/无权访问/)
      .first()
      .waitFor();
    assert.equal(await page.locator('[data-testid=household-table] tbody tr.ant-table-row').count(), 0);
    await screenshot(page, 'households-forbidden');
  });
});
