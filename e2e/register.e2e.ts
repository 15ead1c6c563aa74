/**
 * The household register in the browser: a county user finds a household and opens it (ID numbers
 * masked), reads the poverty statistics by township, records a workflow step; a village user is refused
 * another village's list.
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

  it('county user zhushan records an application (农户申请) for a non-poor household', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto('/households?region=420323000000&status=non_poor');
    const link = page.locator('[data-testid=household-table] tbody tr.ant-table-row a').first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    assert.ok(href, 'a link to the household');
    await page.goto(`${href}?tab=workflow`);
    await page.locator('[data-testid=workflow-actions]').waitFor();
    await page.locator('[data-testid=step-application]').click();
    // The modal's root has no box of its own: wait for its dialog.
    const modal = page.locator('[data-testid=step-modal] .ant-modal');
    await modal.waitFor();
    await modal.locator('[data-testid=step-note]').fill('本人申请，家庭收入低');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已记录').first().waitFor();
    const timeline = page.locator('[data-testid=workflow-timeline]');
    await timeline.getByText('本人申请，家庭收入低').waitFor();
    await timeline.getByText('农户申请').first().waitFor();
    // The next step is offered, and the household is now an applicant.
    await page.locator('[data-testid=step-first_appraisal]').waitFor();
    await page.locator('[data-testid=status-tag][data-status=applicant]').first().waitFor();
    await screenshot(page, 'workflow-step');

    // Someone else records the first appraisal while the dialog for it is open: saving says the household changed
    // and shows the workflow as it is now; saving again is refused (the step was taken).
    await page.locator('[data-testid=step-first_appraisal]').click();
    await modal.waitFor();
    const id = Number(href!.split('/').pop());
    const csrf = (await page.context().cookies()).find((c) => c.name === 'xh_csrf')?.value ?? '';
    const wf = (await (await page.request.get(`/api/households/${id}/workflow`)).json()) as {
      version: number;
      events: { date: string }[];
    };
    const other = (
      await page.request.post(`/api/households/${id}/identification`, {
        headers: { 'x-csrf-token': decodeURIComponent(csrf) },
        data: { step: 'first_appraisal', date: wf.events[0]!.date, note: '另一位干部', version: wf.version },
      })
    ).status();
    assert.equal(other, 201);
    await modal.locator('[data-testid=step-note]').fill('评议通过');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal
      .locator('[data-testid=step-refusal] .ant-alert-title')
      .getByText(/已被他人更新/)
      .waitFor();
    await timeline.getByText('另一位干部').waitFor();
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal
      .locator('[data-testid=step-refusal] .ant-alert-title')
      .getByText(/不能办理/)
      .waitFor();
    await screenshot(page, 'workflow-step-stale');
    assert.equal(await timeline.getByText('评议通过').count(), 0, 'the stale step was not recorded');
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
