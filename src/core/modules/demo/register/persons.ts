/**
 * Members of a demo household: who lives there (relations, ages, genders), then each person's
 * education, schooling, health, labour, work, insurance, 低保 and Party membership as of the demo year.
 */
import type { MemberInput } from '../../households/types.ts';
import { personName, phone, type Rng } from '../random.ts';
import { birthDateFor, type IdRegistry } from './ids.ts';
import {
  LOWER,
  pickEducation,
  pickEthnicity,
  pickMigrantMonths,
  pickMigrantPlace,
  LAST_YEAR,
  type Attribute,
} from './tables.ts';

type Gender = 'male' | 'female';
interface Slot {
  relation: string;
  gender: Gender;
  age: number;
  surname: string | null; // null: a surname of their own (spouses, daughters-in-law)
}

export interface Profile {
  size: number;
  attribute: Attribute | null; // null: never identified as poor
  mainCause: string | null;
  /** Members receive 低保 (a 低保 or 特困 household, or a non-poor 低保 household). */
  dibao: boolean;
  /** Register the spouse (or daughter-in-law) as a person of an earlier household: a deliberate duplicate ID. */
  duplicate?: boolean;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
const CHILDREN = new Set(['son', 'daughter', 'grandson', 'granddaughter']);

/** Relations, genders and ages of the household (the head first). */
function composition(r: Rng, p: Profile): Slot[] {
  const old = p.attribute === 'tekun' || p.mainCause === 'lack_labour';
  let headAge: number;
  if (old) headAge = r.int(58, 90);
  else if (p.size === 1) headAge = r.chance(0.4) ? r.int(40, 64) : r.int(65, 90);
  else if (p.size === 2) headAge = r.chance(0.6) ? r.int(55, 85) : r.int(r.chance(0.6) ? 40 : 24, 60);
  else headAge = clamp(Math.round(27 + r.next() * 26 + r.next() * 22), 26, 80);
  const headGender: Gender = r.chance(p.size === 1 ? 0.75 : 0.9) ? 'male' : 'female';
  const surname = personName(r, headGender)[0]!;
  const out: Slot[] = [{ relation: 'head', gender: headGender, age: headAge, surname }];
  const left = () => p.size - out.length;
  const hasSpouse =
    p.size >= 2 && (headGender === 'male' ? r.chance(p.attribute === 'tekun' ? 0.3 : 0.9) : r.chance(0.15));
  if (hasSpouse) {
    const age = clamp(headAge + (headGender === 'male' ? r.int(-6, 2) : r.int(-2, 6)), 20, 95);
    out.push({ relation: 'spouse', gender: headGender === 'male' ? 'female' : 'male', age, surname: null });
  }
  const lineSurname = headGender === 'male' || !hasSpouse ? surname : personName(r, 'male')[0]!;
  if (left() > 0 && headAge <= 58 && (p.size >= 3 || !hasSpouse) && r.chance(0.4)) {
    const gender: Gender = r.chance(0.65) ? 'female' : 'male';
    const age = Math.min(96, headAge + r.int(22, 32));
    out.push({
      relation: gender === 'male' ? 'father' : 'mother',
      gender,
      age,
      surname: gender === 'male' ? surname : null,
    });
  }
  const kid = (relation: 'child' | 'grandchild', age: number) => {
    const gender: Gender = r.chance(0.52) ? 'male' : 'female';
    const rel =
      relation === 'child'
        ? gender === 'male'
          ? 'son'
          : 'daughter'
        : gender === 'male'
          ? 'grandson'
          : 'granddaughter';
    out.push({ relation: rel, gender, age: Math.max(0, age), surname: lineSurname });
  };
  if (headAge >= 46 && left() >= 3 && r.chance(0.65)) {
    // three generations: a married son, his wife and their children
    const son = clamp(headAge - r.int(21, 30), 20, 60);
    out.push({ relation: 'son', gender: 'male', age: son, surname: lineSurname });
    out.push({ relation: 'daughter_in_law', gender: 'female', age: clamp(son + r.int(-4, 2), 19, 60), surname: null });
    while (left() > 0) kid('grandchild', r.int(0, Math.min(18, son - 20)));
  } else if (left() > 0 && p.size === 2 && headAge >= 70 && r.chance(0.5)) {
    kid('grandchild', r.int(3, 16)); // 留守: grandparent and grandchild
  } else {
    let age = headAge - r.int(22, 34);
    while (left() > 0) {
      kid('child', headAge >= 75 ? r.int(35, 50) : age);
      age -= r.int(1, 6);
    }
  }
  return out;
}

function education(r: Rng, age: number, poor: boolean): { education: string; studentStatus: string } {
  if (age < 6) return { education: 'preschool', studentStatus: age >= 3 && r.chance(0.85) ? 'preschool' : 'none' };
  if (age <= 11) return { education: 'primary', studentStatus: 'primary' };
  if (age <= 14) return { education: 'junior', studentStatus: 'junior' };
  if (age === 15) return { education: 'junior', studentStatus: r.chance(0.5) ? 'junior' : 'senior' };
  if (age <= 17) {
    const x = r.next();
    if (x < 0.5) return { education: 'junior', studentStatus: 'senior' };
    if (x < 0.9) return { education: 'junior', studentStatus: 'vocational' };
    return { education: 'junior', studentStatus: 'none' };
  }
  if (age <= 22) {
    const x = r.next();
    if (x < (poor ? 0.12 : 0.18)) return { education: 'senior', studentStatus: 'undergraduate' };
    if (x < (poor ? 0.3 : 0.38)) return { education: 'vocational', studentStatus: 'higher_vocational' };
  }
  let ed = (age <= 40 ? pickEducation.young : age <= 60 ? pickEducation.middle : pickEducation.old)(r);
  if (poor && r.chance(0.35)) ed = LOWER[ed] ?? ed;
  return { education: ed, studentStatus: 'none' };
}

function health(r: Rng, age: number, poor: boolean): string {
  const band = age < 18 ? 0 : age < 40 ? 1 : age < 60 ? 2 : 3;
  const f = poor ? 1 : 0;
  const serious = [0.002, 0.006, 0.02, 0.04][band]! * (1 + 1.5 * f);
  const disabled = [0.006, 0.015, 0.035, 0.06][band]! * (1 + 1.2 * f);
  const chronic = [0.005, 0.025, 0.1, 0.25][band]! * (1 + 0.6 * f);
  const x = r.next();
  if (x < serious) return 'serious';
  if (x < serious + disabled) return 'disabled';
  if (x < serious + disabled + chronic) return 'chronic';
  return 'healthy';
}

/**
 * Makes the household's members; `ids` issues ID numbers and, when `p.duplicate` asks for it and the
 * household has a spouse or daughter-in-law, the deliberate duplicate (`duplicated` says whether it did).
 */
export function makeMembers(r: Rng, p: Profile, ids: IdRegistry): { members: MemberInput[]; duplicated: boolean } {
  const slots = composition(r, p);
  const poor = p.attribute !== null;
  const headEthnicity = pickEthnicity(r);
  let duplicated = false;
  const members: MemberInput[] = slots.map((s) => {
    const dup =
      p.duplicate && !duplicated && (s.relation === 'spouse' || s.relation === 'daughter_in_law')
        ? ids.duplicate(r, s.gender)
        : null;
    if (dup) duplicated = true;
    const given = personName(r, s.gender);
    const birthDate = dup?.birthDate ?? birthDateFor(r, s.age, LAST_YEAR);
    const age = LAST_YEAR - Number(birthDate.slice(0, 4));
    return {
      name: dup?.name ?? (s.surname ? s.surname + given.slice(1) : given),
      idNumber: dup?.idNumber ?? ids.issue(birthDate, s.gender),
      gender: s.gender,
      birthDate,
      relation: s.relation,
      ethnicity: dup?.ethnicity ?? (s.surname ? headEthnicity : pickEthnicity(r)),
      ...education(r, age, poor),
      health: health(r, age, poor),
    };
  });
  const ageOf = (m: MemberInput) => LAST_YEAR - Number(m.birthDate!.slice(0, 4));

  // The main cause shows in the members: an ill, disabled or studying person.
  if (p.mainCause === 'illness' || p.mainCause === 'disability') {
    const older = members.filter((m) => ageOf(m) >= (p.mainCause === 'illness' ? 40 : 18));
    const m = r.chance(0.85) && older.length ? r.pick(older) : r.pick(members);
    if (p.mainCause === 'disability') m.health = 'disabled';
    else if (m.health === 'healthy') m.health = r.chance(0.55) ? 'serious' : 'chronic';
  } else if (
    p.mainCause === 'schooling' &&
    !members.some((m) => ['senior', 'vocational', 'higher_vocational', 'undergraduate'].includes(m.studentStatus!))
  ) {
    const kids = members.filter((m) => CHILDREN.has(m.relation!) && ageOf(m) < 30);
    const m = kids.length ? r.pick(kids) : null;
    if (m) {
      const age = r.int(15, 21);
      m.birthDate = birthDateFor(r, age, LAST_YEAR);
      m.idNumber = ids.issue(m.birthDate, m.gender as Gender);
      m.education = age >= 18 ? 'senior' : 'junior';
      m.studentStatus = age >= 18 ? r.pick(['higher_vocational', 'undergraduate']) : r.pick(['senior', 'vocational']);
    }
  }

  for (const m of members) {
    const age = ageOf(m);
    const studying = m.studentStatus !== 'none';
    const ill = m.health === 'serious' || m.health === 'disabled';
    if (age < 16 || studying) m.labour = 'none';
    else if (ill) m.labour = r.chance(0.68) ? 'lost' : 'normal';
    else if (m.health === 'chronic') m.labour = r.chance(age >= 60 ? 0.5 : 0.25) ? 'lost' : 'normal';
    else if (age >= 65) m.labour = r.chance(0.45) ? 'normal' : 'none';
    else m.labour = r.chance(age <= 45 ? (poor ? 0.16 : 0.3) : 0.12) ? 'skilled' : 'normal';

    const working = m.labour === 'normal' || m.labour === 'skilled';
    if (age < 16 || studying) m.workStatus = null;
    else if (!working) m.workStatus = 'none';
    else {
      // fewer migrants in poor households, fewest where 低保 is the support
      const damp = p.dibao && poor ? 0.35 : poor ? 0.75 : 1;
      const migrantShare = (age <= 45 ? 0.62 : age <= 60 ? 0.35 : 0.05) * damp;
      const x = r.next();
      if (x < migrantShare) m.workStatus = 'migrant';
      else if (x < migrantShare + 0.1) m.workStatus = 'county';
      else if (x < migrantShare + 0.2) m.workStatus = 'local';
      else if (x < migrantShare + 0.25) m.workStatus = poor ? 'farming' : 'business';
      else m.workStatus = 'farming';
    }
    if (m.workStatus === 'migrant') {
      m.migrantMonths = pickMigrantMonths(r);
      m.migrantPlace = pickMigrantPlace(r);
    }
    m.medicalInsurance = poor || r.chance(0.993);
    m.pensionInsurance = age >= 16 && !studying && (age >= 60 ? r.chance(0.98) : r.chance(poor ? 0.97 : 0.88));
    m.dibao = p.dibao && (p.attribute === 'tekun' || r.chance(0.8) || ill || age >= 60);
    m.partyMember = age >= 20 && r.chance((m.gender === 'male' ? 0.1 : 0.03) * (poor ? 0.45 : 1));
    if (m.relation === 'head' ? r.chance(age >= 80 ? 0.7 : 0.96) : m.workStatus === 'migrant' && r.chance(0.5))
      m.phone = phone(r);
  }
  if (p.dibao && !members.some((m) => m.dibao)) members[0]!.dibao = true;

  for (const m of members) {
    const age = ageOf(m);
    if (age >= 18 && age <= 50) {
      ids.remember({
        name: m.name,
        gender: m.gender as Gender,
        birthDate: m.birthDate!,
        idNumber: m.idNumber!,
        ethnicity: m.ethnicity!,
      });
    }
  }
  return { members, duplicated };
}
