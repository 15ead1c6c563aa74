/**
 * Import in the browser: the county user uploads a CSV in the template's layout with one bad row,
 * commits, and sees exactly that row reported while the valid households are imported.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDigit } from '../src/core/modules/households/idcard.ts';
import { login, screenshot, useApp } from './helpers.ts';

const app = useApp();

const id = (birth: string, seq: number) => {
  const first17 = `420323${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
};

function csv(): string {
  const header = [
    '户编号',
    '村代码',
    '户状态',
    '贫困户属性',
    '主要致贫原因',
    '姓名',
    '身份证号',
    '性别',
    '出生日期',
    '与户主关系',
  ];
  const good = id('19700305', 111);
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0'); // wrong check digit
  const rows = [
    [
      'E2E-0001',
      '420323104211',
      '未脱贫',
      '一般贫困户',
      '因病',
      '王春生',
      id('19650101', 131),
      '男',
      '1965-01-01',
      '户主',
    ],
    [
      'E2E-0001',
      '420323104211',
      '未脱贫',
      '一般贫困户',
      '因病',
      '刘桂兰',
      id('19670202', 142),
      '女',
      '1967-02-02',
      '配偶',
    ],
    ['E2E-0002', '420323104211', '一般农户', '', '', '陈大勇', bad, '男', '1970-03-05', '户主'],
    [
      'E2E-0003',
      '420323104211',
      '已脱贫',
      '低保贫困户',
      '因残',
      '赵小梅',
      id('19800404', 162),
      '女',
      '1980-04-04',
      '户主',
    ],
  ];
  return '\uFEFF' + [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

describe('household import', () => {
  it('county user zhushan imports a CSV and gets exactly the bad row reported', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');
    await page.goto('/imports');
    // The template comes through its contract, under its Chinese name.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载导入模板/ }).click(),
    ]);
    assert.equal(template.suggestedFilename(), '建档立卡户导入模板.xlsx');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'households.csv', mimeType: 'text/csv', buffer: Buffer.from(csv()) });
    await page.getByText('正式导入').first().click();
    await page.getByRole('button', { name: /开始/ }).click();
    const errors = page.locator('.ant-table-tbody tr.ant-table-row');
    await errors.first().waitFor({ timeout: 60_000 });
    assert.equal(await errors.count(), 1, 'exactly one rejected row');
    const row = await errors.first().innerText();
    assert.match(row, /\b4\b/);
    assert.match(row, /身份证号/);
    assert.match(row, /校验/);
    await screenshot(page, 'import-result');
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载错误报告/ }).click(),
    ]);
    assert.equal(report.suggestedFilename(), '导入错误报告.xlsx');

    await page.goto('/households?region=420323104211&q=E2E-0001');
    await page.locator('[data-testid=household-table] tbody tr.ant-table-row').first().waitFor();
    await page.goto('/households?region=420323104211&q=E2E-0002');
    await page.locator('[data-testid=household-table] .ant-empty').first().waitFor();
  });
});
