import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();

describe('help-force import in the browser', () => {
  it('imports cadres in the browser', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto('/imports');
    await screenshot(page, 'forces-import-page');
    await page.getByText('干部信息', { exact: true }).click();
    await page.waitForURL(/kind=cadres/);
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载导入模板/ }).click(),
    ]);
    assert.equal(template.suggestedFilename(), '干部信息导入模板.xlsx');
    const csv =
      '\uFEFF姓名,性别,出生日期,派出单位,管理区划代码\r\n测试干部甲,男,1980-01-01,,420323\r\n测试干部乙,男,1980-02-30,,420323\r\n';
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('正式导入').first().click();
    await page.getByRole('button', { name: /开始/ }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    assert.match(await summary.innerText(), /已导入 1 行，1 行有误未导入/);
    const errors = page.locator('.ant-table-tbody tr.ant-table-row');
    assert.equal(await errors.count(), 1);
    assert.match(await errors.first().innerText(), /出生日期/);
    await screenshot(page, 'forces-import-cadres');
    await page.getByText('驻村任职', { exact: true }).click();
    await page.waitForURL(/kind=stations/);
    await screenshot(page, 'forces-import-stations');
  });
});
