/**
 * Cadre records of the demo: profiles drawn to the seeds' figures (e.g. 72% of first secretaries aged
 * 45 or under, 74% with a bachelor's degree or higher), ID numbers, and the write of the records —
 * the command hierarchy's people are updated in place, new cadres are inserted in bulk.
 */
import type { CadreEducation, PoliticalStatus } from '../../../../shared/forces.ts';
import type { Db } from '../../../db/index.ts';
import { nowIso } from '../../../db/index.ts';
import { checkDigit } from '../../households/idcard.ts';
import { personName, phone, seedOf, type Rng } from '../random.ts';
import { DEMO_TODAY, insertRows, INT, quota } from './common.ts';

export type Gender = 'male' | 'female';

export interface CadreSpec {
  /** The existing person (command hierarchy) to turn into this cadre; null = a new person. */
  id: number | null;
  regionCode: string;
  name: string;
  gender: Gender;
  phone: string;
  post: string;
  birthDate: string;
  education: CadreEducation;
  politicalStatus: PoliticalStatus;
  rank: string;
  unitId: number;
  idNumber: string;
}

/** Young = 28–44 on the demo day, older = 47–58: a year later the ≤45 share is still the same. */
function birthDate(r: Rng, young: boolean, lo = 28, hi = 58): string {
  const age = young ? r.int(Math.max(lo, 28), 44) : r.int(47, Math.max(47, hi));
  const year = Number(DEMO_TODAY.slice(0, 4)) - age;
  const month = r.int(1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, days)).padStart(2, '0')}`;
}

const EDUCATION_SHARES: readonly (readonly [CadreEducation, number])[] = [
  ['senior', 5],
  ['college', 21],
  ['bachelor', 61],
  ['master', 12],
  ['doctor', 1],
];
const POLITICAL_SHARES: readonly (readonly [PoliticalStatus, number])[] = [
  ['cpc', 88],
  ['cpc_probationary', 3],
  ['league', 4],
  ['democratic', 1],
  ['masses', 4],
];

/** Profiles for a group of cadres with exact shares: young (≤45), education, political status. */
export interface ProfileMix {
  youngShare: number;
  /** All CPC members (first secretaries, leaders, instructors). */
  allCpc?: boolean;
  /** Age range for the older ones (leaders are older). */
  ages?: [number, number];
}

export interface Profile {
  birthDate: string;
  education: CadreEducation;
  politicalStatus: PoliticalStatus;
}

export function profiles(r: Rng, n: number, mix: ProfileMix): Profile[] {
  const young = quota(r, n, [
    [true, mix.youngShare],
    [false, 1 - mix.youngShare],
  ]);
  const education = quota(r, n, EDUCATION_SHARES);
  const political = mix.allCpc ? Array<PoliticalStatus>(n).fill('cpc') : quota(r, n, POLITICAL_SHARES);
  const [lo, hi] = mix.ages ?? [28, 58];
  return young.map((y, i) => ({
    birthDate: birthDate(r, y, lo, hi),
    education: education[i]!,
    politicalStatus: political[i]!,
  }));
}

/**
 * Resident ID numbers for cadres: the sequence starts near 800 (the hierarchy's people near 600) so it stays clear of the register's
 * numbers, and a number is never issued twice (numbers already in the database can be reserved).
 */
export class CadreIds {
  private readonly next = new Map<string, number>();
  private readonly used = new Set<string>();
  /** `start`: where each day's sequence begins (the command hierarchy's people take 300, the cadres 400). */
  constructor(private readonly start = 400) {}
  reserve(numbers: Iterable<string | null>) {
    for (const n of numbers) if (n) this.used.add(n);
  }
  issue(prefix: string, birthDate: string, gender: Gender): string {
    const date = birthDate.replaceAll('-', '');
    const key = `${prefix}${date}${gender[0]}`;
    let k = this.next.get(key) ?? this.start + (seedOf(key) % 20);
    for (;;) {
      const seq = (2 * k + (gender === 'male' ? 1 : 2)) % 1000;
      const first17 = `${prefix}${date}${String(seq).padStart(3, '0')}`;
      const id = first17 + checkDigit(first17);
      k++;
      if (this.used.has(id)) continue;
      this.next.set(key, k);
      this.used.add(id);
      return id;
    }
  }
}

/** ID-number prefix by the level of the cadre's unit (its seat). */
export const idPrefix = (level: string, county: string) =>
  level === 'central' ? '110102' : level === 'provincial' ? '420106' : level === 'city' ? '420302' : county.slice(0, 6);

/** A cadre to save: the person (existing or new), a drawn profile, where it is managed, post, unit, rank, a new ID number. */
export function cadreSpec(
  ids: CadreIds,
  county: string,
  base: { id: number | null; name: string; gender: Gender; phone: string },
  p: Profile,
  at: { regionCode: string; post: string; unit: { id: number; level: string }; rank: string },
): CadreSpec {
  return {
    ...base,
    regionCode: at.regionCode,
    post: at.post,
    unitId: at.unit.id,
    rank: at.rank,
    birthDate: p.birthDate,
    education: p.education,
    politicalStatus: p.politicalStatus,
    idNumber: ids.issue(idPrefix(at.unit.level, county), p.birthDate, base.gender),
  };
}

/** A new cadre's name, gender and phone. */
export function newPerson(r: Rng, maleShare = 0.8): { name: string; gender: Gender; phone: string } {
  const gender: Gender = r.chance(maleShare) ? 'male' : 'female';
  return { name: personName(r, gender), gender, phone: phone(r) };
}

const cadreRow = (c: CadreSpec, now: string) => ({
  region_code: c.regionCode,
  name: c.name,
  gender: c.gender,
  phone: c.phone,
  post: c.post,
  id_number: c.idNumber,
  birth_date: c.birthDate,
  education: c.education,
  political_status: c.politicalStatus,
  rank: c.rank,
  unit_id: c.unitId,
  created_at: now,
  updated_at: now,
});

/**
 * Writes the cadres: existing people get their cadre fields (and post), new ones are inserted in bulk.
 * Sets `id` on every spec (matched by ID number, unique among the demo's cadres).
 */
export async function saveCadres(db: Db, specs: CadreSpec[]): Promise<void> {
  const now = nowIso();
  for (const c of specs) {
    if (c.id === null) continue;
    await db
      .updateTable('person')
      .set({
        post: c.post,
        id_number: c.idNumber,
        birth_date: c.birthDate,
        education: c.education,
        political_status: c.politicalStatus,
        rank: c.rank,
        unit_id: c.unitId,
        updated_at: now,
      })
      .where('id', '=', c.id)
      .execute();
  }
  const fresh = specs.filter((c) => c.id === null);
  const saved = await insertRows<{ id: number; id_number: string }>(
    db,
    'person',
    fresh.map((c) => cadreRow(c, now)),
    { unit_id: INT },
    ['id', 'id_number'],
  );
  const ids = new Map(saved.map((s) => [s.id_number, Number(s.id)]));
  for (const c of fresh) {
    const id = ids.get(c.idNumber);
    if (id === undefined) throw new Error(`demo cadre ${c.name} not saved`);
    c.id = id;
  }
}
