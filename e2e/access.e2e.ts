/**
 * Region scope in the browser: a village user sees only its village; a county user sees its 17 townships; a
 * county administrator sees its county's users and audit rows, and a stale user edit shows the conflict dialog.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZHUSHAN_TOWNSHIPS } from '../test/fixtures.ts';
import type { Page } from 'playwright-core';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();

describe('region scope', () => {
  it('village user dongjiagou sees 董家沟村 in the tree and is refused a page of 宝丰镇', async () => {
    const page = await app().newPage();
    await login(page, 'dongjiagou');
    await page.goto('/regions');

    const tree = page.locator('[data-testid=region-tree]');
    await tree.waitFor();
    await tree.getByText('董家沟村', { exact: true }).first().waitFor();
    await tree.getByText('一组', { exact: true }).first().waitFor(); // its groups load lazily below it
    // Nothing of another township is offered in the tree.
    assert.equal(await tree.getByText('宝丰镇').count(), 0, 'the tree of a 董家沟村 user must not list 宝丰镇');
    await screenshot(page, 'village-user-tree');

    await page.goto('/regions/420323103000');
    const forbidden = page.locator('[data-testid=forbidden]');
    await forbidden.waitFor();
    assert.match(await forbidden.innerText(), /无权访问/);
    // None of 宝丰镇's villages leak onto the page.
    assert.equal(await page.getByText('铧厂村').count(), 0, 'a village of 宝丰镇 is shown to a 董家沟村 user');
    await screenshot(page, 'village-user-forbidden');
  });

  it('county user zhushan sees the 17 townships of 竹山县', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');

    await page.goto('/regions/420323000000');
    await page.getByText('竹山县').first().waitFor();
    const main = page.locator('main');
    for (const township of ZHUSHAN_TOWNSHIPS) {
      await main.getByText(township, { exact: true }).first().waitFor();
    }
    // The children table lists exactly the 17 townships (rows carrying a township code 420323xxx000).
    const townshipRows = page.getByRole('row').filter({ hasText: /420323\d{3}000/ });
    assert.equal(await townshipRows.count(), ZHUSHAN_TOWNSHIPS.length);
    assert.equal(await page.locator('[data-testid=forbidden]').count(), 0);
    await screenshot(page, 'county-user-townships');
  });
});

describe('administrators in their scope', () => {
  it('a county administrator made in the form sees its county’s users and audit rows; a stale edit shows the conflict dialog', async () => {
    const national = await app().newPage();
    await login(national, 'admin');
    await national.goto('/users');
    const rows = (page: Page) => page.locator('[data-testid=users-table] tbody tr.ant-table-row');
    await rows(national).first().waitFor();
    assert.ok((await rows(national).filter({ hasText: 'admin' }).count()) > 0);

    // The national administrator makes a county administrator of 竹山县.
    await national.getByTestId('user-new').click();
    const form = national.locator('.ant-modal').filter({ visible: true });
    await form.getByLabel('用户名').fill('zs_admin');
    await form.getByLabel('姓名').fill('竹山县管理员');
    await form.getByLabel('初始密码').fill('Zhushan2026');
    const option = national.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await form.locator('.ant-select').nth(0).click();
    await option.filter({ hasText: '系统管理员' }).first().click();
    await form.locator('.ant-select').nth(1).click();
    await national.keyboard.type('420323');
    await option.filter({ hasText: '420323' }).first().click();
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await rows(national).filter({ hasText: 'zs_admin' }).waitFor();

    // The county administrator lists the users of 竹山县, not the national administrator.
    const county = await app().newPage();
    await login(county, 'zs_admin', 'Zhushan2026');
    // A password an administrator gave: changed first.
    await county.waitForURL((url) => url.pathname === '/password');
    await county.getByLabel('当前密码').fill('Zhushan2026');
    await county.getByLabel('新密码', { exact: true }).fill('Zhushan2026own');
    await county.getByLabel('确认新密码').fill('Zhushan2026own');
    await county.getByRole('button', { name: /保\s*存/ }).click();
    await county.waitForURL((url) => url.pathname === '/');
    await county.goto('/users');
    await rows(county).filter({ hasText: 'zhushan' }).first().waitFor();
    const names = await rows(county).locator('td:first-child').allInnerTexts();
    assert.ok(names.includes('leigu') && names.includes('zs_admin'), names.join(','));
    assert.ok(!names.includes('admin'), `the national administrator is listed to a county one: ${names.join(',')}`);
    await screenshot(county, 'county-admin-users');

    // Both open 擂鼓镇's user; the county administrator saves first, the national one's save is stale.
    const rename = async (page: Page, name: string) => {
      await page.getByTestId('user-edit-leigu').click();
      const modal = page.locator('.ant-modal').filter({ visible: true });
      await modal.getByLabel('姓名').fill(name);
      return modal;
    };
    const mine = await rename(county, '擂鼓镇（县里改）');
    const theirs = await rename(national, '擂鼓镇（省里改）');
    await mine.getByRole('button', { name: /保\s*存/ }).click();
    await rows(county).filter({ hasText: '擂鼓镇（县里改）' }).waitFor();
    await theirs.getByRole('button', { name: /保\s*存/ }).click();
    const conflict = national.getByTestId('conflict-table');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /擂鼓镇（县里改）/);
    await screenshot(national, 'user-edit-conflict');
    await national.getByTestId('conflict-overwrite').click();
    await rows(national).filter({ hasText: '擂鼓镇（省里改）' }).waitFor();

    // The county administrator's audit log: the rows of 竹山县 (its edit, the creation, its users' logins).
    await county.goto('/audit');
    const audit = county.locator('[data-testid=audit-table] tbody tr.ant-table-row');
    await audit.first().waitFor();
    const texts = await audit.allInnerTexts();
    assert.ok(
      texts.some((r) => r.includes('修改')),
      texts.join('\n'),
    );
    const regions = await audit
      .locator('[data-region]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-region') ?? ''));
    assert.equal(regions.length, texts.length, `a row without a region:\n${texts.join('\n')}`);
    assert.ok(
      regions.every((r) => r.startsWith('420323')),
      `a row outside 竹山县: ${regions.join(',')}`,
    );
    await screenshot(county, 'county-admin-audit');
  });
});
