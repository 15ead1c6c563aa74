/**
 * The people of the demo's command hierarchy (county leaders, department heads, township leaders, village
 * Party secretaries, grid members…): a full record for each — birth date, education, political status, rank
 * and ID number by post at creation, and their unit (the county departments, the township governments that
 * manage the village cadres) once the helping units exist. No bare rows: the cadre lists show every field.
 */
import type { CadreEducation, PoliticalStatus } from '../../../shared/forces.ts';
import { subtreeRange } from '../../../shared/regions.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { addDays, DEMO_TODAY } from './calendar.ts';
import type { CadreIds } from './forces/cadres.ts';
import { LEADERSHIP_UNITS } from './forces/catalogue.ts';
import type { Units } from './forces/units.ts';
import type { Rng } from './random.ts';
import { table, type Weighted } from './register/tables.ts';

interface PostProfile {
  ages: [number, number];
  education: (r: Rng) => CadreEducation;
  political: (r: Rng) => PoliticalStatus;
  ranks: readonly string[];
}

const cpc = () => 'cpc' as const;
const educated = table<CadreEducation>([
  ['bachelor', 70],
  ['master', 22],
  ['college', 8],
]);
const villageEducation: Weighted<CadreEducation> = [
  ['senior', 45],
  ['college', 38],
  ['bachelor', 17],
];
const leader: PostProfile = { ages: [45, 58], education: educated, political: cpc, ranks: ['副处级'] };

const PROFILES: Record<string, PostProfile> = {
  县委书记: { ...leader, ranks: ['正处级'] },
  县长: { ...leader, ranks: ['正处级'] },
  副县长: leader,
  县委常委: leader,
  县人大副主任: leader,
  县政协副主席: {
    ...leader,
    political: table<PoliticalStatus>([
      ['cpc', 70],
      ['democratic', 30],
    ]),
  },
  县直部门负责人: { ages: [40, 56], education: educated, political: cpc, ranks: ['正科级', '一级主任科员'] },
  乡镇党委书记: { ages: [36, 52], education: educated, political: cpc, ranks: ['正科级'] },
  乡镇长: { ages: [34, 50], education: educated, political: cpc, ranks: ['正科级'] },
  第一书记: { ages: [30, 52], education: educated, political: cpc, ranks: ['副科级', '四级主任科员'] },
  驻村工作队员: {
    ages: [26, 50],
    education: table<CadreEducation>([
      ['bachelor', 60],
      ['college', 35],
      ['master', 5],
    ]),
    political: table<PoliticalStatus>([
      ['cpc', 85],
      ['league', 10],
      ['masses', 5],
    ]),
    ranks: ['科员', '一级科员', '四级主任科员'],
  },
  村党支部书记: { ages: [35, 62], education: table(villageEducation), political: cpc, ranks: ['村干部'] },
  网格员: {
    ages: [28, 62],
    education: table<CadreEducation>([
      ['senior', 60],
      ['college', 30],
      ['bachelor', 10],
    ]),
    political: table<PoliticalStatus>([
      ['cpc', 45],
      ['masses', 50],
      ['league', 5],
    ]),
    ranks: ['村民小组长'],
  },
};

export interface HierarchyProfile {
  birth_date: string;
  education: CadreEducation;
  political_status: PoliticalStatus;
  rank: string;
  id_number: string;
}

/** The record of a hierarchy person with this post (a village cadre's when the post is not listed). */
export function hierarchyProfile(
  r: Rng,
  ids: CadreIds,
  county: string,
  post: string,
  gender: 'male' | 'female',
): HierarchyProfile {
  const p = PROFILES[post] ?? PROFILES['村党支部书记']!;
  const birth = addDays(DEMO_TODAY, -Math.round(365.25 * (p.ages[0] + r.next() * (p.ages[1] - p.ages[0]))));
  return {
    birth_date: birth,
    education: p.education(r),
    political_status: p.political(r),
    rank: r.pick(p.ranks),
    id_number: ids.issue(county.slice(0, 6), birth, gender),
  };
}

/**
 * Gives the county's people without a unit one: at the county, a department (the thematic groups' heads);
 * in a township or below, the township government (which manages the village cadres).
 */
export async function assignUnits(db: Db, county: string, units: Units): Promise<void> {
  const now = nowIso();
  const departments = units.county.slice(LEADERSHIP_UNITS);
  const { lo, hi } = subtreeRange(county);
  const atCounty = await db
    .selectFrom('person')
    .select('id')
    .where('region_code', '=', county)
    .where('unit_id', 'is', null)
    .orderBy('id')
    .execute();
  for (const [i, p] of atCounty.entries())
    await db
      .updateTable('person')
      .set({ unit_id: departments[i % departments.length]!.id, updated_at: now })
      .where('id', '=', p.id)
      .execute();
  for (const [code, unit] of units.township) {
    const t = subtreeRange(code);
    await db
      .updateTable('person')
      .set({ unit_id: unit.id, updated_at: now })
      .where('region_code', '>=', t.lo)
      .where('region_code', '<', t.hi)
      .where('region_code', '>=', lo)
      .where('region_code', '<', hi)
      .where('unit_id', 'is', null)
      .execute();
  }
}
