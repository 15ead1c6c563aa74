/**
 * The demo tells one story from the 2014 registration to the demo day: the village user dongjiagou (董家沟村)
 * finds a household in an identification step with the steps so far, one with its full history (identified in its
 * year, exited later, yearly records to 2026), and a household in exit that the exit check finds eligible; the
 * township user leigu (擂鼓镇) sees applicants in several of its villages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();
const DONG = '420323104211';

interface Workflow {
  active: 'identification' | 'exit' | null;
  status: string;
  identifiedYear: number | null;
  exitedYear: number | null;
  events: { workflow: string; step: string; date: string; label: string }[];
}

const rows = (page: Page) => page.locator('[data-testid=household-table] tbody tr.ant-table-row');

/** The ids of the households a list page shows. */
async function listed(page: Page, query: string): Promise<number[]> {
  await page.goto(`/households?${query}`);
  await rows(page).first().waitFor();
  const hrefs = await page
    .locator('[data-testid=household-table] [data-testid=household-link]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => Number(h.split('/').pop()));
}

async function workflowOf(page: Page, id: number): Promise<Workflow> {
  const res = await page.request.get(`/api/households/${id}/workflow`);
  assert.equal(res.status(), 200);
  return (await res.json()) as Workflow;
}

describe('the demo story', () => {
  it('dongjiagou sees a household in an identification step, with the steps so far', async () => {
    const page = await app().newPage();
    await login(page, 'dongjiagou');
    const ids = await listed(page, `region=${DONG}&status=applicant`);
    assert.ok(ids.length >= 1, 'an applicant in 董家沟村');
    const wf = await workflowOf(page, ids[0]!);
    assert.equal(wf.active, 'identification');
    assert.equal(wf.events[0]!.step, 'application');
    assert.ok(wf.events.every((e) => e.workflow === 'identification' && e.date.startsWith('2026')));

    await page.goto(`/households/${ids[0]}?tab=workflow`);
    const timeline = page.locator('[data-testid=workflow-timeline]');
    await timeline.getByText('农户申请').first().waitFor();
    assert.equal(await timeline.locator('.ant-timeline-item').count(), wf.events.length);
    for (const e of wf.events) await timeline.getByText(e.date).first().waitFor();
    // the next step is offered
    await page.locator('[data-testid=workflow-actions] button[data-testid^=step-]').first().waitFor();
    await page.locator('[data-testid=status-tag][data-status=applicant]').first().waitFor();
    await screenshot(page, 'story-applicant');

    // 识别退出 lists the village's applicants too
    await page.goto(`/workflow?region=${DONG}`);
    await page.locator('[data-testid=applicants-table] [data-testid=applicant-workflow]').first().waitFor();
    // and the cross-check hit that holds one of them, to review
    await page.locator('[data-testid=hit-clear]').first().waitFor();
    await screenshot(page, 'story-village-workflow');
  });

  it('dongjiagou sees a household with its full history: identified, exited, yearly records to 2026', async () => {
    const page = await app().newPage();
    await login(page, 'dongjiagou');
    const ids = await listed(page, `region=${DONG}&status=exited`);
    let found: { id: number; wf: Workflow } | null = null;
    for (const id of ids) {
      const wf = await workflowOf(page, id);
      if (wf.identifiedYear !== null && wf.exitedYear !== null && wf.exitedYear > wf.identifiedYear) {
        found = { id, wf };
        break;
      }
    }
    assert.ok(found, 'an exited household of 董家沟村');
    const { id, wf } = found;
    const registered = wf.events.find((e) => e.step === 'registered')!;
    const removed = wf.events.findLast((e) => e.step === 'removed_from_list')!;
    assert.ok(registered.date.startsWith(String(wf.identifiedYear)), registered.date);
    assert.ok(removed.date.startsWith(String(wf.exitedYear)), removed.date);

    await page.goto(`/households/${id}?tab=workflow`);
    const timeline = page.locator('[data-testid=workflow-timeline]');
    await timeline.getByText('建档立卡').first().waitFor();
    await timeline.getByText('销号').first().waitFor();
    await timeline.getByText(registered.date).first().waitFor();
    await timeline.getByText(removed.date).first().waitFor();
    assert.equal(await timeline.getByText('暂无流程记录').count(), 0);
    await screenshot(page, 'story-history');

    await page.goto(`/households/${id}?tab=years`);
    const years = page.locator('[data-testid=years-table] tbody tr.ant-table-row');
    await years.first().waitFor();
    const first = (await years.first().innerText()).trim();
    assert.match(first, /^2026/);
    assert.equal(await years.count(), 2026 - 2014 + 1);
    await screenshot(page, 'story-years');
  });

  it('dongjiagou checks a household in exit (eligible) and a poor one (not yet)', async () => {
    const page = await app().newPage();
    await login(page, 'dongjiagou');
    const ids = await listed(page, `region=${DONG}&status=poor`);
    const flows = await Promise.all(ids.map(async (id) => ({ id, wf: await workflowOf(page, id) })));
    const exiting = flows.find((f) => f.wf.active === 'exit');
    const staying = flows.find((f) => f.wf.active === null);
    assert.ok(exiting && staying, 'a poor household in exit and one not');
    await page.goto(`/households/${exiting.id}?tab=workflow`);
    await page.locator('[data-testid=exit-eligible]').waitFor();
    await page.locator('[data-testid=workflow-timeline]').getByText('村两委评议').first().waitFor();
    await page.goto(`/households/${staying.id}?tab=workflow`);
    await page.locator('[data-testid=exit-not-eligible]').waitFor();
    await screenshot(page, 'story-exit-check');
  });

  it('leigu sees applicants in several of its villages', async () => {
    const page = await app().newPage();
    await login(page, 'leigu');
    await page.goto('/households?region=420323104000&status=applicant');
    await rows(page).first().waitFor();
    const codes = await page
      .locator('[data-testid=household-table] [data-testid=household-link]')
      .evaluateAll((as) => as.map((a) => a.textContent ?? ''));
    const villages = new Set(codes.map((c) => c.match(/\d{16}/)?.[0].slice(0, 12)).filter(Boolean));
    assert.ok(villages.size >= 3, `applicants in ${[...villages].join(', ')}`);
  });
});
