/**
 * Attendance and leave, assessments, pairings, measures and the household plan in the browser: the township
 * user leigu approves a pending leave from 待我审批 and the cadre's days in the village grow by the leave's
 * days; two assessors correct the same assessment and the second sees the conflict dialog; the household page
 * shows its 帮扶计划 with the responsible cadre; the county user opens each page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();

interface Leave {
  id: number;
  personId: number;
  personName: string;
  regionCode: string;
  startDate: string;
  endDate: string;
  days: number;
  approver: string;
  status: string;
  canDecide: boolean;
}
interface Days {
  days: number;
  approvedLeaveDays: number;
  checkInDays: number;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  assert.equal(res.status(), 200, `GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The days in the village shown on the 考勤登记 tab for a cadre and month. */
async function daysShown(page: Page, personId: number, month: string): Promise<number> {
  await page.goto(`/forces/duty?tab=attendance&personId=${personId}&month=${month}`);
  const stat = page.locator('[data-testid=cadre-days]');
  await stat.waitFor();
  const value = (await stat.locator('.ant-statistic-content-value').innerText()).replace(/[^\d]/g, '');
  return Number(value);
}

describe('attendance and leave', () => {
  it('township user leigu approves a pending leave and the days in the village reflect it', async () => {
    const page = await app().newPage();
    await login(page, 'leigu');
    await page.goto('/forces/duty');
    const inbox = page.locator('[data-testid=leave-inbox]');
    await inbox.locator('tbody tr.ant-table-row').first().waitFor();
    const badge = page.locator('[data-testid=inbox-count] sup').first();
    await badge.waitFor();
    const count = Number(await badge.getAttribute('title'));
    assert.ok(count > 0, 'the inbox badge shows pending leaves');
    await screenshot(page, 'forces-b-leave-inbox');

    // A leave of the township that has already ended: all its days count once approved.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const pending = await getJson<{ items: Leave[]; total: number }>(page, '/api/leaves/inbox?pageSize=200');
    assert.equal(pending.total, count, 'badge = inbox total');
    const leave = pending.items.find(
      (l) =>
        l.canDecide && l.approver === 'township' && l.endDate < today && l.startDate.slice(0, 4) === today.slice(0, 4),
    );
    assert.ok(leave, `no past township leave in leigu's inbox: ${JSON.stringify(pending.items)}`);
    const year = leave.startDate.slice(0, 4);
    const month = leave.startDate.slice(0, 7);
    const before = await getJson<Days>(page, `/api/cadres/${leave.personId}/days?year=${year}`);
    const shownBefore = await daysShown(page, leave.personId, month);
    assert.equal(shownBefore, before.days, 'the 考勤登记 tab shows the days of the API');

    // Approve it in the browser.
    await page.goto('/forces/duty?tab=inbox');
    const row = page.locator(`[data-testid=leave-inbox] tr[data-row-key="${leave.id}"]`);
    await row.waitFor();
    assert.equal((await row.locator('[data-testid=leave-days]').innerText()).trim(), String(leave.days));
    await row.locator('[data-testid=leave-approve]').click();
    await page.locator('[data-testid=leave-decide-note]').fill('同意，请按时返岗');
    await screenshot(page, 'forces-b-leave-approve');
    await page.locator('[data-testid=leave-decide-ok]').click();
    await page
      .locator('.ant-message')
      .getByText(/已批准/)
      .waitFor();
    await row.waitFor({ state: 'detached' });

    const after = await getJson<Days>(page, `/api/cadres/${leave.personId}/days?year=${year}`);
    assert.equal(
      after.approvedLeaveDays - before.approvedLeaveDays,
      leave.days,
      'approved leave days grow by the leave',
    );
    assert.equal(after.days - before.days, leave.days, 'days in the village grow by the leave');
    const shownAfter = await daysShown(page, leave.personId, month);
    assert.equal(shownAfter, shownBefore + leave.days, 'the 考勤登记 tab shows the new days');
    await screenshot(page, 'forces-b-attendance-after');

    // 在村天数 of the cadre's village shows the same figure.
    await page.goto(`/forces/duty?tab=days&region=${leave.regionCode}&year=${year}`);
    const daysRow = page.locator(`[data-testid=days-table] tr[data-row-key="${leave.personId}"]`);
    await daysRow.waitFor();
    assert.equal(Number((await daysRow.locator('[data-testid=days-cell]').innerText()).trim()), after.days);
    await screenshot(page, 'forces-b-days');

    const status = await getJson<Leave>(page, `/api/leaves/${leave.id}`);
    assert.equal(status.status, 'approved');
  });
});

describe('the assessment form', () => {
  it('two assessors correct one assessment: the second gets the conflict dialog and may overwrite', async () => {
    const region = '420323104000'; // 擂鼓镇: both leigu and zhushan assess there
    const open = async (username: string) => {
      const page = await app().newPage();
      await login(page, username);
      await page.goto(`/forces/assessments?region=${region}`);
      await page.locator('[data-testid=assessment-table] tbody tr.ant-table-row').first().waitFor();
      return page;
    };
    const township = await open('leigu');
    const county = await open('zhushan');
    const id = await township
      .locator('[data-testid=assessment-table] tbody tr.ant-table-row')
      .first()
      .getAttribute('data-row-key');
    assert.ok(id, 'an assessment in 擂鼓镇');
    const before = (
      await getJson<{ items: { id: number; version: number }[] }>(
        township,
        `/api/assessments?region=${region}&pageSize=200`,
      )
    ).items.find((a) => a.id === Number(id))!;

    // Both open 重新考核 on the same row; each picks another grade.
    const form = async (page: Page, grade: string) => {
      await page.locator(`[data-testid=assessment-table] tr[data-row-key="${id}"]`).getByText('重新考核').click();
      const modal = page.locator('.ant-modal').filter({ hasText: '考核依据' });
      await modal.waitFor();
      await modal.getByText(grade, { exact: true }).click();
      return modal;
    };
    const theirs = await form(township, '基本称职');
    const mine = await form(county, '不称职');
    await theirs.getByRole('button', { name: /保\s*存/ }).click();
    await township.locator('.ant-message').getByText('已保存').waitFor();

    await mine.getByRole('button', { name: /保\s*存/ }).click();
    const dialog = county.locator('[data-testid=conflict-dialog]');
    await dialog.locator('[data-testid=conflict-table]').waitFor();
    const rows = await dialog.locator('[data-testid=conflict-table] tbody tr').allInnerTexts();
    assert.ok(
      rows.some((r) => r.includes('incompetent') && r.includes('basic')),
      `the grades side by side: ${rows.join(' | ')}`,
    );
    await screenshot(county, 'forces-b-assessment-conflict');
    await dialog.locator('[data-testid=conflict-overwrite]').click();
    await county.locator('.ant-message').getByText('已保存').waitFor();

    const after = (
      await getJson<{ items: { id: number; version: number; grade: string; assessedBy: string }[] }>(
        county,
        `/api/assessments?region=${region}&pageSize=200`,
      )
    ).items.find((a) => a.id === Number(id))!;
    assert.deepEqual(
      [after.grade, after.assessedBy, after.version],
      ['incompetent', 'zhushan', before.version + 2],
      'both saves happened, the second consciously over the first',
    );
  });
});

describe('household plan', () => {
  it('the household page shows the 帮扶计划 tab with a responsible cadre', async () => {
    const page = await app().newPage();
    await login(page, 'dongjiagou');
    const pairs = await getJson<{ items: { household: { id: number } | null; person: { name: string } | null }[] }>(
      page,
      '/api/pairings?kind=cadre_household&region=420323104211&pageSize=5',
    );
    const pair = pairs.items.find((p) => p.household && p.person);
    assert.ok(pair?.household && pair.person, 'a cadre-household pairing in 董家沟村');
    await page.goto(`/households/${pair.household.id}`);
    await page.locator('[data-testid=household-detail]').waitFor();
    await page.getByRole('tab', { name: '帮扶计划' }).click();
    const responsible = page.locator('[data-testid=plan-responsible]').first();
    await responsible.waitFor();
    assert.match(await responsible.innerText(), new RegExp(pair.person.name));
    await page.locator('[data-testid=plan-suggested]').waitFor();
    await page.locator('[data-testid=plan-measures]').waitFor();
    await screenshot(page, 'forces-b-household-plan');

    // 帮扶历程: the same cadre, current.
    await page.getByRole('tab', { name: '帮扶历程' }).click();
    const history = page.locator('[data-testid=help-history]');
    await history.getByText(pair.person.name).first().waitFor();
    await history.getByText('至今').first().waitFor();
  });
});

describe('pages of the county user', () => {
  it('zhushan opens pairings, gaps, measures and assessments', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    const noFailure = async (what: string) =>
      assert.equal(await page.getByText(/加载失败|无权访问/).count(), 0, `${what} failed to load`);

    await page.goto('/forces/pairings');
    await page.locator('[data-testid=pairing-table] tbody tr.ant-table-row').first().waitFor();
    await page.locator('[data-testid=pairing-summary] .ant-statistic').first().waitFor();
    await noFailure('pairings');
    await screenshot(page, 'forces-b-pairings');
    await page.goto('/forces/pairings?tab=gaps');
    await page.locator('[data-testid=gap-table]').waitFor();
    await noFailure('pairing gaps');
    await screenshot(page, 'forces-b-pairing-gaps');

    await page.goto('/forces/measures');
    await page.locator('[data-testid=measure-table] tbody tr.ant-table-row').first().waitFor();
    await page.locator('[data-testid=measure-summary] .ant-statistic').first().waitFor();
    await noFailure('measures');
    await screenshot(page, 'forces-b-measures');

    await page.goto('/forces/assessments');
    await page.locator('[data-testid=assessment-table] tbody tr.ant-table-row').first().waitFor();
    await page.locator('[data-testid=asm-new]').click();
    const evidence = page.locator('[data-testid=assessment-evidence]');
    await evidence.waitFor();
    await page.locator('[data-testid=asm-person]').click();
    await page.locator('.ant-select-item-option').first().click();
    await evidence.locator('.ant-statistic').first().waitFor();
    await noFailure('assessments');
    await screenshot(page, 'forces-b-assessment-form');

    // The pickers that search the server as one types: a household for a new pairing, a unit for a new cadre.
    const pick = async (testId: string, text: string) => {
      await page.locator(`[data-testid=${testId}]`).click();
      if (text) await page.keyboard.type(text);
      const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
      const chosen = (await option.filter({ hasText: text }).first().innerText()).trim();
      await option.filter({ hasText: text }).first().click();
      // the chosen label now shows in the form (the dropdown is rendered outside the dialog)
      await page.locator('.ant-modal').getByText(chosen).filter({ visible: true }).first().waitFor();
    };
    // (a still-poor household of the county, the first the picker offers)
    await page.goto('/forces/pairings');
    await page.locator('[data-testid=pair-new]').click();
    await pick('pair-household', '');
    await page.keyboard.press('Escape');
    await page.goto('/forces/cadres');
    await page.locator('[data-testid=cadre-new]').click();
    await pick('cadre-unit', '竹山县');
    await page.keyboard.press('Escape');
    // A command unit's commander: the current one is labelled before any search, another can be picked.
    await page.goto('/command');
    await page.locator('.ant-table-row').first().getByText('编辑').click();
    await page.locator('[data-testid=unit-commander]').waitFor();
    assert.doesNotMatch(await page.locator('.ant-modal').innerText(), /#\d+/);
    await pick('unit-commander', '');
  });
});
