/**
 * Help forces in the browser, as the county user zhushan: the five ones with their gaps, the statistics
 * (239 first secretaries and the age and education shares, drilling to the cadre list), a cadre's page,
 * and the county page's help-force card.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();
const COUNTY = '420323000000';

describe('help forces: five ones, statistics, cadres', () => {
  it('county user zhushan sees the villages with five-ones gaps and opens one', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto('/forces/five-ones');
    const rows = page.locator('[data-testid=five-ones-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const villages = Number(await page.locator('[data-testid=five-card-villages] .ant-statistic-content').innerText());
    assert.ok(villages > 200, `villages counted: ${villages}`);

    // Only the villages with a gap: every row shows at least one cross.
    await page.getByTestId('filter-missing').click();
    await page.waitForURL(/missing=true/);
    const totalText = page.locator('.ant-pagination-total-text');
    const listed = async () => Number(/\d+/.exec(await totalText.innerText())?.[0]);
    for (let i = 0; i < 50 && (await listed()) >= villages; i++) await page.waitForTimeout(100);
    const withGaps = await listed();
    assert.ok(withGaps > 0 && withGaps < villages, `villages with gaps: ${withGaps} of ${villages}`);
    const shown = await rows.count();
    assert.ok(shown > 0, 'no village with a gap is listed');
    for (let i = 0; i < shown; i++) {
      assert.ok((await rows.nth(i).getByTestId('five-cross').count()) > 0, `row ${i} has no gap`);
    }
    await screenshot(page, 'forces-five-ones');

    // A village's drawer names who is there and marks what is missing.
    await rows.first().getByTestId('five-village').click();
    const drawer = page.locator('[data-testid=village-five-ones]');
    await drawer.waitFor();
    assert.ok((await drawer.getByTestId('five-missing').count()) > 0, 'the drawer shows no missing item');
    await screenshot(page, 'forces-five-ones-village');
  });

  it('the statistics show 239 first secretaries and the two shares, and drill to the cadres', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto(`/forces/stats?region=${COUNTY}`);
    const first = page.getByTestId('stat-first-secretaries');
    await first.waitFor();
    assert.equal((await first.innerText()).trim(), '239');
    const counts: Record<string, number> = {};
    for (const id of ['stat-young-share', 'stat-bachelor-share']) {
      const text = (await page.getByTestId(id).innerText()).trim();
      const m = /^(\d+)%（(\d+)\/(\d+)）$/.exec(text);
      assert.ok(m, `${id} reads "${text}"`);
      const [, share, count, base] = m.map(Number) as [number, number, number, number];
      assert.ok(count <= base && base > 0, `${id}: ${count}/${base}`);
      assert.equal(share, Math.round((count / base) * 100), `${id}: share and counts agree`);
      counts[id] = count;
    }
    // The seed's "13家国家、省、市单位对口帮扶" and "103家非公企业与83个贫困村对接".
    assert.equal((await page.getByTestId('stat-higher-units').innerText()).trim(), '13');
    assert.equal((await page.getByTestId('stat-enterprises').innerText()).trim(), '103');
    await screenshot(page, 'forces-stats');

    await first.click();
    await page.waitForURL(/\/forces\/cadres\?.*role=first_secretary/);
    const rows = page.locator('[data-testid=cadre-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    await page.locator('.ant-pagination-total-text').getByText(/239/).waitFor();
    await screenshot(page, 'forces-cadres-first-secretaries');

    // The share aged 45 or under drills to exactly that many cadres, its filters shown as tags.
    await page.goBack();
    await page.getByTestId('stat-young-share').click();
    await page.waitForURL(/\/forces\/cadres\?.*stationed=true.*maxAge=45/);
    await page.getByTestId('filter-tag-maxAge').getByText('45 岁及以下').waitFor();
    await page.getByTestId('filter-tag-stationed').waitFor();
    await page
      .locator('.ant-pagination-total-text')
      .getByText(new RegExp(`共 ${counts['stat-young-share']} 条`))
      .waitFor();
    await screenshot(page, 'forces-cadres-young');

    // The cadres sent to villages since 2014 (ended stationings too) drill to a list of as many cadres.
    await page.goBack();
    const sent = page.getByTestId('stat-sent');
    const sentCount = Number((await sent.innerText()).replace(/[^\d]/g, ''));
    assert.ok(sentCount >= 665, `sent since 2014: ${sentCount}`);
    await sent.click();
    await page.waitForURL(/\/forces\/cadres\?.*sentSince=2014/);
    await page.getByTestId('filter-tag-sentSince').waitFor();
    await page
      .locator('.ant-pagination-total-text')
      .getByText(new RegExp(`共 ${sentCount} 条`))
      .waitFor();

    // The higher units drill to their unit–village pairings.
    await page.goBack();
    await page.getByTestId('stat-higher-units').click();
    await page.waitForURL(/\/forces\/pairings\?.*unitLevel=central,provincial,city/);
    await page
      .getByTestId('filter-tag-unitLevel')
      .getByText(/中央单位/)
      .waitFor();
    await page.locator('[data-testid=pairing-table] tbody tr.ant-table-row').first().waitFor();
  });

  it("opens a first secretary's page with profile, stations and days in village", async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto(`/forces/cadres?region=${COUNTY}&role=first_secretary`);
    const link = page.locator('[data-testid=cadre-table] tbody tr.ant-table-row').first().getByTestId('cadre-link');
    await link.waitFor();
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/forces\/cadres\/\d+$/);
    await page.getByTestId('cadre-detail').waitFor();
    assert.equal((await page.getByTestId('cadre-name').innerText()).trim(), name);
    const profile = page.getByTestId('cadre-profile');
    // The phone is masked by the server.
    await profile
      .getByText(/1\d{2}\*{4}\d{4}/)
      .first()
      .waitFor();
    assert.equal(await profile.getByText(/\b1\d{10}\b/).count(), 0, 'an unmasked phone is shown');
    await page.getByTestId('cadre-stations').getByText('第一书记').first().waitFor();
    const days = page.getByTestId('cadre-days');
    await days.locator('.ant-progress').waitFor();
    assert.match(await days.innerText(), /最低 \d+ 天/);
    await screenshot(page, 'forces-cadre-detail');
  });

  it('the county page shows the five-ones gaps and the pairing gaps', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto(`/regions/${COUNTY}`);
    const gaps = page.getByTestId('area-five-gaps');
    await gaps.waitFor();
    assert.ok(Number((await gaps.innerText()).replace(/,/g, '')) > 0, 'no five-ones gap counted');
    await page.getByTestId('area-pairing-gaps').waitFor();
    await screenshot(page, 'forces-region-county');
    await gaps.click();
    await page.waitForURL(/\/forces\/five-ones\?.*missing=true/);
    await page.locator('[data-testid=five-ones-table] tbody tr.ant-table-row').first().waitFor();
  });

  it('two people edit one cadre: the later save shows both versions, and the user overwrites consciously', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    const csrf = (await page.context().cookies()).find((c) => c.name === 'xh_csrf')?.value ?? '';
    const headers = { 'x-csrf-token': csrf };
    const created = await page.request.post('/api/cadres', {
      data: { name: '冲突测试', post: '科员', regionCode: COUNTY },
      headers,
    });
    assert.equal(created.status(), 201, await created.text());
    const cadre = (await created.json()) as { id: number; version: number };

    await page.goto(`/forces/cadres/${cadre.id}`);
    await page.getByTestId('cadre-edit').click();
    const form = page.getByTestId('cadre-form').locator('.ant-modal');
    await form.locator('#post').waitFor();
    // Someone else saves the cadre while the form is open.
    const theirs = await page.request.patch(`/api/cadres/${cadre.id}`, {
      data: { post: '副科长', version: cadre.version },
      headers,
    });
    assert.equal(theirs.status(), 200, await theirs.text());
    await form.locator('#post').fill('科长');
    await form.getByRole('button', { name: /保\s*存/ }).click();

    const dialog = page.getByTestId('conflict-dialog').locator('.ant-modal');
    await dialog.waitFor();
    const row = dialog.getByTestId('conflict-table').locator('tbody tr', { hasText: '职务' });
    await row.getByText('科长', { exact: true }).waitFor();
    await row.getByText('副科长', { exact: true }).waitFor();
    await screenshot(page, 'forces-cadre-conflict');
    await dialog.getByTestId('conflict-overwrite').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('cadre-profile').getByText('科长', { exact: true }).waitFor();
    const now = (await (await page.request.get(`/api/cadres/${cadre.id}`)).json()) as { post: string; version: number };
    assert.deepEqual([now.post, now.version], ['科长', 3]);
  });

  it('the teams page lists teams, stationing and recalls; the county approves the pending recall', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto(`/forces/teams?region=${COUNTY}`);
    await page.locator('[data-testid=team-table] tbody tr.ant-table-row').first().waitFor();
    await page.goto(`/forces/teams?tab=stations&region=${COUNTY}`);
    await page.locator('[data-testid=station-table] tbody tr.ant-table-row').first().waitFor();
    await page.goto(`/forces/teams?tab=recalls&region=${COUNTY}&status=pending`);
    const rows = page.locator('[data-testid=recall-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1, 'the demo has one pending recall');
    await rows.first().getByTestId('recall-approve').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '批准后' });
    await modal.getByRole('button', { name: '批准召回' }).click();
    await page.getByText('已批准召回').waitFor();
    await page.locator('[data-testid=recall-table] .ant-empty').waitFor();
    assert.equal(await rows.count(), 0);
  });
});
