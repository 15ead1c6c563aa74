/**
 * Region scope in the browser: a village user sees only its village; a county user sees its 17 townships.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZHUSHAN_TOWNSHIPS } from '../test/fixtures.ts';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();

describe('region scope', () => {
  it('village user dongjiagou sees 董家沟村 in the tree and is refused a page of 宝丰镇', async () => {
    const page = await app().newPage();
    await login(page, 'dongjiagou');

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
