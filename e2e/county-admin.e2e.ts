/**
 * The county runs its own accounts, in the browser: zhushan (竹山县's organisation department) creates a village
 * user for 董家沟村 with a temporary password and signs out; the new user signs in, is sent to change the password,
 * then lands in the app, inside its village. zhushan renames the user and edits a household (whose status the form
 * shows read-only, linking to the workflow); the audit log shows Chinese labels, filters by action and user, and
 * each edit as a diff (field, before, after).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();
const TEMP = 'Temp2026pass';
const OWN = 'Dongjia2026own';

const openOptions = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

describe('a county runs its own accounts', () => {
  it('zhushan creates a village user who must change the temporary password, then works in its village', async () => {
    const county = await app().newPage();
    await login(county, 'zhushan');
    await county.goto('/users');
    const rows = county.locator('[data-testid=users-table] tbody tr.ant-table-row');
    await rows.filter({ hasText: 'dongjiagou' }).first().waitFor();
    // The users of 竹山县 only: not the national administrator.
    const names = await rows.locator('td:first-child').allInnerTexts();
    assert.ok(!names.includes('admin'), names.join(','));

    await county.getByTestId('user-new').click();
    const form = county.locator('.ant-modal').filter({ visible: true });
    await form.getByLabel('用户名').fill('djg_wang');
    await form.getByLabel('姓名').fill('王村干');
    await form.getByLabel('初始密码').fill(TEMP);
    await form.locator('.ant-select').nth(0).click();
    const roles = await openOptions(county).allInnerTexts();
    assert.ok(!roles.some((r) => r.includes('系统管理员')), `a county may not grant admin: ${roles.join(',')}`);
    await openOptions(county).filter({ hasText: '村指挥所' }).first().click();
    await form.locator('.ant-select').nth(1).click();
    await county.keyboard.type('董家沟');
    await openOptions(county).filter({ hasText: '董家沟村' }).first().click();
    await screenshot(county, 'county-admin-new-user');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    const created = rows.filter({ hasText: 'djg_wang' });
    await created.waitFor();
    assert.match(await created.innerText(), /待改密码/);
    assert.match(await created.innerText(), /董家沟村/);

    // zhushan signs out.
    await county.getByTestId('user-menu').click();
    await county.getByText('退出登录').click();
    await county.waitForURL((url) => url.pathname.startsWith('/login'));

    // The new user signs in with the temporary password and must change it first.
    await login(county, 'djg_wang', TEMP);
    await county.waitForURL((url) => url.pathname === '/password');
    await county.getByTestId('password-must-change').waitFor();
    await county.goto('/households');
    await county.waitForURL((url) => url.pathname === '/password'); // nowhere else until it is changed
    await screenshot(county, 'county-admin-must-change');
    await county.getByLabel('当前密码').fill(TEMP);
    await county.getByLabel('新密码', { exact: true }).fill(OWN);
    await county.getByLabel('确认新密码').fill(OWN);
    await county.getByRole('button', { name: /保\s*存/ }).click();
    // Then it lands in the app (where it asked to go), inside its village.
    await county.waitForURL((url) => url.pathname === '/households');
    await county.locator('[data-testid=household-table] tbody tr.ant-table-row').first().waitFor();
    const villages = await county.locator('[data-testid=household-table] tbody tr.ant-table-row').allInnerTexts();
    assert.ok(
      villages.every((r) => r.includes('董家沟村')),
      villages.slice(0, 3).join('\n'),
    );
    await screenshot(county, 'county-admin-new-user-in');

    // Signed in again later: no detour.
    await county.getByTestId('user-menu').click();
    await county.getByText('退出登录').click();
    await county.waitForURL((url) => url.pathname.startsWith('/login'));
    await login(county, 'djg_wang', OWN);
    assert.notEqual(new URL(county.url()).pathname, '/password');
  });

  it('the audit page as zhushan: Chinese labels, filters, and a rename as field / before / after', async () => {
    const county = await app().newPage();
    await login(county, 'zhushan');
    await county.goto('/users?q=djg_wang');
    await county.getByTestId('user-edit-djg_wang').click();
    const form = county.locator('.ant-modal').filter({ visible: true });
    await form.getByLabel('姓名').fill('王二');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await county.locator('[data-testid=users-table] tbody tr.ant-table-row').filter({ hasText: '王二' }).waitFor();

    // A household of 董家沟村: the status is the workflow's (read-only, a link to the workflow tab); the address is not.
    await county.goto('/households?region=420323104211');
    const first = county.locator('[data-testid=household-table] tbody tr.ant-table-row').first();
    await first.waitFor();
    await first.locator('a').first().click();
    await county.locator('[data-testid=household-detail]').waitFor();
    const id = /\/households\/(\d+)/.exec(county.url())![1]!;
    await county.goto(`/households/${id}/edit`);
    const household = county.locator('[data-testid=household-form]');
    await household.getByLabel('住址').waitFor();
    assert.equal(
      await household.locator('.ant-select-disabled[data-testid=field-status]').count(),
      1,
      'status read-only',
    );
    assert.match(await county.getByTestId('status-by-workflow').innerText(), /只能通过识别、退出、返贫流程变更/);
    assert.equal(
      await county.getByTestId('status-workflow-link').getAttribute('href'),
      `/households/${id}?tab=workflow`,
    );
    await household.getByLabel('住址').fill('董家沟村二组 16 号');
    await county.locator('[data-testid=household-save]').click();
    await county.waitForURL(new RegExp(`/households/${id}$`));

    await county.goto('/audit');
    const rows = county.locator('[data-testid=audit-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    // Labels, not codes: 新建 / 修改 / 登录, 用户; no raw English action or entity.
    assert.ok(
      texts.some((r) => r.includes('修改') && r.includes('用户')),
      texts.join('\n'),
    );
    assert.ok(
      texts.some((r) => r.includes('登录')),
      texts.join('\n'),
    );
    for (const code of ['update', 'create', 'login', 'user', 'household'])
      assert.ok(!texts.some((r) => new RegExp(`\\b${code}\\b`).test(r)), `raw code ${code}:\n${texts.join('\n')}`);
    // Every row is 竹山县's.
    const regions = await rows
      .locator('[data-region]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-region')));
    assert.ok(regions.length > 0 && regions.every((r) => r?.startsWith('420323')), regions.join(','));

    // Filter by action (a select of labels): only the edits.
    await county.getByTestId('audit-action').click();
    await openOptions(county)
      .filter({ hasText: /^修改$/ })
      .first()
      .click();
    await county.waitForURL((url) => url.searchParams.get('action') === 'update');
    await rows.filter({ hasText: '新建' }).first().waitFor({ state: 'detached' });
    const edits = await rows.allInnerTexts();
    assert.ok(
      edits.every((r) => r.includes('修改')),
      edits.join('\n'),
    );
    // The user picker narrows to zhushan's own rows.
    await county.getByTestId('audit-user').click();
    await county.keyboard.type('zhushan');
    await openOptions(county).filter({ hasText: 'zhushan' }).first().click();
    await county.waitForURL((url) => url.searchParams.get('username') === 'zhushan');
    await rows.first().waitFor();
    assert.ok((await rows.allInnerTexts()).every((r) => r.includes('zhushan')));

    // Opened, the rename reads as a diff: 姓名 王村干 → 王二; the household edit: 住址 (空) → the new address.
    const opened = async (entity: string) => {
      const row = rows.filter({ hasText: entity }).first();
      await row.locator('.ant-table-row-expand-icon').click();
      const changes = row.locator('xpath=following-sibling::tr[1]').getByTestId('audit-changes');
      await changes.waitFor();
      return changes.innerText();
    };
    const rename = await opened('用户');
    assert.match(rename, /字段[\s\S]*修改前[\s\S]*修改后/);
    assert.match(rename, /姓名\s+王村干\s+王二/);
    assert.ok(!/displayName|version/.test(rename), rename);
    const edit = await opened('农户');
    assert.match(edit, /住址\s+\S+\s+董家沟村二组 16 号/);
    assert.ok(!/address|members|status/.test(edit), edit);
    await screenshot(county, 'county-admin-audit-diff');
  });
});
