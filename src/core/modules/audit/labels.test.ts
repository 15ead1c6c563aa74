// Every action and entity type the server writes has its label in the audit code lists (shared/audit.ts), so the
// audit page never shows a raw code: the writes' literals are read from the source, and the labels by table.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  auditActionLabel,
  auditEntityLabel,
  auditFieldLabel,
  auditValueLabel,
} from '../../../shared/audit.ts';

const CORE = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** The string literals written as `key: '…'`, or in a conditional `key: x ? '…' : '…'`, and as audit(…, '…'). */
function literals(key: string): Set<string> {
  const found = new Set<string>();
  const plain = new RegExp(`\\b${key}: '([a-z_+]+)'`, 'g');
  const ternary = new RegExp(`\\b${key}: [^,\\n]*\\? '([a-z_+]+)' : '([a-z_+]+)'`, 'g');
  for (const file of sources(CORE)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(plain)) found.add(m[1]!);
    for (const m of text.matchAll(ternary)) [m[1]!, m[2]!].forEach((v) => found.add(v));
    if (key === 'action') for (const m of text.matchAll(/\baudit\((?:trx|db), '([a-z_]+)'/g)) found.add(m[1]!);
    if (key === 'action')
      for (const m of text.matchAll(/\breturn '([a-z_]+)';/g)) if (file.endsWith('admin.ts')) found.add(m[1]!);
  }
  return found;
}

describe('audit code lists', () => {
  it('every action the server writes is listed', () => {
    const listed = new Set<string>(AUDIT_ACTIONS.map((a) => a.code));
    const written = literals('action');
    for (const a of ['create', 'update', 'login', 'login_failed', 'lock', 'deactivate', 'reset_password', 'export'])
      assert.ok(written.has(a), `the scan finds ${a}`);
    for (const a of written) assert.ok(listed.has(a), `action ${a} has no label in shared/audit.ts`);
  });

  it('every entity type the server writes is listed', () => {
    const listed = new Set<string>(AUDIT_ENTITIES.map((e) => e.code));
    const written = literals('entity');
    for (const e of ['household', 'user', 'household_member', 'person'])
      assert.ok(written.has(e), `the scan finds ${e}`);
    for (const e of written) assert.ok(listed.has(e), `entity ${e} has no label in shared/audit.ts`);
  });

  it('labels codes, fields and values in both languages, and an unknown code as itself', () => {
    assert.deepEqual(auditActionLabel('load_demo_forces'), { zh: '加载演示帮扶力量', en: 'Load demo help forces' });
    assert.deepEqual(auditActionLabel('login').zh, '登录');
    assert.deepEqual(auditEntityLabel('household').zh, '农户');
    assert.deepEqual(auditActionLabel('brand_new'), { zh: 'brand_new', en: 'brand_new' });
    const fields: [(string | number)[], string][] = [
      [['status'], '状态'],
      [['members', 1, 'idNumber'], '身份证号'],
      [['members', 0, 'education'], '文化程度'],
      [['years', 2019, 'education'], '义务教育有保障'],
      [['years', 2019, 'status'], '当年状态'],
      [['roles', 0, 'scopeCode'], '管辖区域'],
      [['unheard_of'], 'unheard_of'],
    ];
    for (const [path, zh] of fields) assert.equal(auditFieldLabel(path).zh, zh, path.join('.'));
    const values: [string, (string | number)[], unknown, string | null][] = [
      ['household', ['status'], 'exited', '已脱贫'],
      ['household', ['years', 2019, 'status'], 'poor', '未脱贫'],
      ['household', ['members', 0, 'relation'], 'spouse', '配偶'],
      ['household', ['members', 0, 'education'], 'junior', '初中'],
      ['household', ['years', 2019, 'education'], true, null],
      ['household', ['status'], 'no_such_code', null],
      ['household', ['incomeWage'], 3000, null],
      ['user', ['roles', 0, 'role'], 'village', '村指挥所'],
      ['leave_request', ['status'], 'pending', null],
    ];
    for (const [entity, path, value, zh] of values)
      assert.equal(
        auditValueLabel(entity, path, value)?.zh ?? null,
        zh,
        `${entity} ${path.join('.')} ${String(value)}`,
      );
  });
});
