/**
 * Tables, pages and numbers at 1280 × 800, as the county user zhushan: a wide table keeps its first and actions
 * columns in view and scrolls its last column into view inside its card; every page names itself in the heading,
 * the breadcrumb and the browser tab (in Chinese and in English); the statistics and the lists they link to agree
 * on the stationed cadres and on those behind their days-in-village pace; the household list exports what it shows.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();
const COUNTY = '420323000000';
const DONGJIAGOU = '420323104211';

async function page1280(locale = 'zh-CN'): Promise<Page> {
  const page = await app().newPage({ locale });
  await page.setViewportSize({ width: 1280, height: 800 });
  return page;
}

/** Whether the element lies inside the viewport and inside the table's visible (scrolled) area. */
async function visibleIn(cell: Locator, table: Locator): Promise<boolean> {
  const [c, box] = await Promise.all([cell.boundingBox(), table.locator('.ant-table-container').boundingBox()]);
  if (!c || !box) return false;
  return c.x >= box.x - 1 && c.x + c.width <= box.x + box.width + 1 && c.x + c.width <= 1280;
}

/** Waits until the browser tab shows `title`. */
async function titled(page: Page, title: string): Promise<void> {
  for (let i = 0; i < 100 && (await page.title()) !== title; i++) await page.waitForTimeout(100);
  assert.equal(await page.title(), title);
}

/** The number in the pagination's "共 N 条" / "N items". */
async function listTotal(page: Page): Promise<number> {
  const text = await page.locator('.ant-pagination-total-text').first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

describe('tables, pages and numbers at 1280 px', () => {
  it('a wide table keeps its first and actions columns in view and scrolls to its last column', async () => {
    const page = await page1280();
    await login(page, 'zhushan');
    await page.goto(`/forces/teams?tab=recalls&region=${COUNTY}`);
    const table = page.locator('.ant-table').first();
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const headers = table.locator('thead th');
    const last = headers.last();
    assert.match(await last.innerText(), /操作/);
    // Wider than its card: it scrolls inside the card, and the page itself does not.
    const scroll = await table
      .locator('.ant-table-content, .ant-table-body')
      .first()
      .evaluate((e) => [e.scrollWidth, e.clientWidth]);
    assert.ok(scroll[0]! > scroll[1]!, `the recalls table is not wider than its card (${scroll.join(' / ')})`);
    assert.equal(await page.evaluate('document.documentElement.scrollWidth'), 1280, 'the page scrolls sideways');
    assert.ok(await visibleIn(last, table), 'the actions column is not in view');
    assert.ok(await visibleIn(headers.first(), table), 'the first column is not in view');
    await screenshot(page, 'tables-recalls-1280');

    // The English household list is wider still: its last column scrolls into view, the first stays.
    const en = await page1280('en-US');
    await en.goto('/login');
    await en.evaluate("localStorage.setItem('xh_lang', 'en')");
    await login(en, 'zhushan');
    await en.goto(`/households?region=${COUNTY}`);
    const list = en.locator('[data-testid=household-table]');
    await list.locator('tbody tr.ant-table-row').first().waitFor();
    const income = list.locator('thead th').last();
    assert.match(await income.innerText(), /Per-capita income/);
    await income.scrollIntoViewIfNeeded();
    assert.ok(await visibleIn(income, list), 'the last column cannot be brought into view');
    assert.ok(await visibleIn(list.locator('thead th').first(), list), 'the code column scrolled away');
    await screenshot(en, 'tables-households-en-1280');
  });

  it('the edit grid and the sub-region table show every column and row', async () => {
    const page = await page1280();
    await login(page, 'zhushan');
    await page.goto(`/households?region=${DONGJIAGOU}`);
    await page.locator('[data-testid=household-link]').first().click();
    await page.getByTestId('household-edit').click();
    await page.getByTestId('member-name').first().waitFor();
    const table = page
      .locator('.ant-table')
      .filter({ has: page.getByTestId('member-name') })
      .first();
    assert.ok(await visibleIn(table.locator('thead th').last(), table), 'the members grid hides its actions column');
    assert.ok(await visibleIn(table.locator('thead th').first(), table), 'the members grid hides its name column');
    await screenshot(page, 'tables-members-editor-1280');

    await page.goto(`/forces/stats?region=${COUNTY}`);
    const children = page.getByTestId('stat-by-child-table');
    await children.locator('tbody tr.ant-table-row').first().waitFor();
    const rows = children.locator('tbody tr.ant-table-row');
    assert.equal(await rows.count(), 17, 'all 17 townships are listed');
    // No inner scrolling: the last township is reached by scrolling the page, not the table.
    assert.equal(await children.locator('.ant-table-body').count(), 0, 'the table scrolls inside itself');
    await rows.last().scrollIntoViewIfNeeded();
    assert.ok(await rows.last().isVisible());
  });

  it('every page names itself in the heading, the breadcrumb and the tab title', async () => {
    const page = await page1280();
    await login(page, 'zhushan');
    await page.goto(`/households?region=${DONGJIAGOU}`);
    await page.locator('[data-testid=household-link]').first().waitFor();
    assert.equal(await page.title(), '农户台账 · 绣花');
    assert.equal(await page.getByTestId('page-title').innerText(), '农户台账');
    await page.locator('[data-testid=household-link]').first().click();
    await page.waitForURL(/\/households\/\d+$/);
    const detail = new URL(page.url()).pathname;
    await titled(page, '农户详情 · 绣花');
    const crumbs = page.getByTestId('breadcrumb');
    assert.match(await crumbs.innerText(), /首页\s*\/\s*建档立卡\s*\/\s*农户台账\s*\/\s*农户详情/);
    await page.getByTestId('household-edit').click();
    await titled(page, '编辑农户 · 绣花');
    assert.match(await crumbs.innerText(), /农户台账\s*\/\s*农户详情\s*\/\s*编辑农户/);
    // The crumbs above the page lead back up.
    await crumbs.getByRole('link', { name: '农户详情' }).click();
    await page.waitForURL((u) => u.pathname === detail);
    await crumbs.getByRole('link', { name: '农户台账' }).click();
    await page.waitForURL((u) => u.pathname === '/households');
    for (const [path, title] of [
      ['/forces/stats', '帮扶力量统计 · 绣花'],
      ['/forces/duty?tab=days', '考勤与请假 · 绣花'],
      ['/password', '修改密码 · 绣花'],
      ['/no/such/page', '未找到 · 绣花'],
    ] as const) {
      await page.goto(path);
      await titled(page, title);
    }

    // In English: the tab title, half-width punctuation, and no menu item cut off.
    const en = await page1280('en-US');
    await en.goto('/login');
    await en.evaluate("localStorage.setItem('xh_lang', 'en')");
    await login(en, 'zhushan');
    await en.goto(detail);
    await titled(en, 'Household · Xiuhua');
    await en.goto(`/forces/stats?region=${COUNTY}`);
    const pairs = en.getByTestId('stat-pairs');
    await pairs.getByTestId('stat-pairs-cadre_household').waitFor();
    const text = await pairs.innerText();
    assert.doesNotMatch(text, /[：（）、；]/, `full-width punctuation in English: ${text}`);
    assert.match(text, /: [\d,]+ pairs \(\d+%\)/);
    for (const path of ['/forces/stats', '/workflow']) {
      await en.goto(path);
      await en.getByTestId('side-menu').waitFor();
      const cut = await en.evaluate(`[...document.querySelectorAll('[data-testid=side-menu] .ant-menu-title-content')]
        .filter((e) => {
          const r = document.createRange();
          r.selectNodeContents(e);
          return r.getBoundingClientRect().right > e.getBoundingClientRect().right + 0.5;
        })
        .map((e) => e.textContent)`);
      assert.deepEqual(cut, [], `menu items cut off on ${path}`);
    }
    await screenshot(en, 'tables-stats-en-1280');
  });

  it('the statistics and the lists they link to agree on the stationed cadres and on those behind the pace', async () => {
    const page = await page1280();
    await login(page, 'zhushan');
    await page.goto(`/forces/stats?region=${COUNTY}`);
    const figure = async (id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^\d]/g, ''));
    await page.getByTestId('stat-behind').waitFor();
    const behind = await figure('stat-behind');
    const stationed = await figure('stat-stationed');
    assert.ok(stationed > 600, `stationed cadres: ${stationed}`);

    await page.getByTestId('stat-behind').click();
    await page.waitForURL(/\/forces\/duty\?.*behind=true/);
    await page.getByTestId('days-table').waitFor();
    const listed = async (n: number) => {
      for (let i = 0; i < 100 && (await listTotal(page).catch(() => -1)) !== n; i++) await page.waitForTimeout(100);
      return listTotal(page);
    };
    assert.equal(await listed(behind), behind, 'the days summary lists another number of cadres behind');
    assert.equal(await page.locator('[data-testid=days-table] [data-testid=behind-tag]').count(), Math.min(behind, 20));

    // Without the behind filter, the days summary lists the stationed cadres: as many as the statistics say.
    await page.getByTestId('behind-switch').click();
    await page.waitForURL((u) => !u.searchParams.has('behind'));
    assert.equal(await listed(stationed), stationed, 'the days summary lists another number of stationed cadres');

    await page.goto(`/forces/stats?region=${COUNTY}`);
    await page.getByTestId('stat-stationed').click();
    await page.waitForURL(/\/forces\/cadres\?.*stationed=true/);
    await page.locator('[data-testid=cadre-table] tbody tr.ant-table-row').first().waitFor();
    assert.equal(await listed(stationed), stationed, 'the cadre list shows another number of stationed cadres');

    // 工作队队员 counts the stationings of team leaders and members: the station list it opens has as many.
    await page.goto(`/forces/stats?region=${COUNTY}`);
    await page.getByTestId('stat-team-cadres').waitFor();
    const teamCadres = await figure('stat-team-cadres');
    await page.getByTestId('stat-team-cadres').click();
    await page.waitForURL(/tab=stations.*role=team_leader,team_member/);
    await page.locator('[data-testid=station-table] tbody tr.ant-table-row').first().waitFor();
    assert.equal(await listed(teamCadres), teamCadres, 'the station list shows another number of team cadres');
    assert.equal(
      (await page.getByTestId('station-role-filter').locator('.ant-select-selection-item').count()) > 0,
      true,
    );
  });

  it('导出当前列表 writes the rows the list shows; 导出导入格式 the per-person layout', async () => {
    const page = await page1280();
    await login(page, 'zhushan');
    await page.goto(`/households?region=${DONGJIAGOU}&status=exited&sort=-income`);
    const rows = page.locator('[data-testid=household-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const total = await listTotal(page);
    const shown = await page.locator('[data-testid=household-link]').allInnerTexts();

    await page.getByTestId('household-export').hover();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('household-export-list').click(),
    ]);
    assert.match(file.suggestedFilename(), /^农户台账-董家沟村-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await file.path())!)) as never);
    const sheet = wb.worksheets[0]!;
    assert.equal(sheet.rowCount, total + 1, 'one row per household of the list, and the header');
    assert.equal(sheet.getRow(1).getCell(1).value, '户编号');
    const codes = Array.from({ length: Math.min(total, shown.length) }, (_, i) =>
      String(sheet.getRow(i + 2).getCell(1).value),
    );
    assert.deepEqual(codes, shown, 'the export is in the order of the list');

    await page.getByTestId('household-export').hover();
    const [layout] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('household-export-import').click(),
    ]);
    assert.match(layout.suggestedFilename(), /^建档立卡户-董家沟村-.*\.xlsx$/);
  });
});
