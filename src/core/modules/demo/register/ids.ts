/**
 * Resident ID numbers for the demo register (GB 11643): region prefix + birth date + a sequence whose
 * last digit is odd for men and even for women + the check digit. Numbers are unique per county load,
 * except a handful of deliberate duplicates (the same person registered in two households, the data-quality
 * flag the demo shows) taken from `pool`.
 */
import { checkDigit } from '../../households/idcard.ts';
import { DEMO_TODAY } from '../calendar.ts';
import { seedOf, type Rng } from '../random.ts';

export interface Identity {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  ethnicity: string;
}

const POOL_SIZE = 64;

export class IdRegistry {
  private readonly next = new Map<string, number>();
  /** Recent adults (18–50) of earlier households by gender, to copy for the deliberate duplicates. */
  private readonly pool: Record<'male' | 'female', Identity[]> = { male: [], female: [] };
  private poolAt = { male: 0, female: 0 };
  duplicates = 0;

  constructor(private readonly prefix: string) {}

  /** A new, unused ID number for a birth date (YYYY-MM-DD) and gender. */
  issue(birthDate: string, gender: 'male' | 'female'): string {
    const date = birthDate.replaceAll('-', '');
    const key = date + gender[0];
    let k = this.next.get(key);
    // Start each day's sequence at a stable offset so numbers do not all begin with 001.
    if (k === undefined) k = seedOf(key) % 150;
    this.next.set(key, k + 1);
    const seq = (2 * k + (gender === 'male' ? 1 : 2)) % 1000;
    const first17 = `${this.prefix}${date}${String(seq).padStart(3, '0')}`;
    return first17 + checkDigit(first17);
  }

  /** Remembers an adult of a finished household as a candidate duplicate. */
  remember(p: Identity) {
    const list = this.pool[p.gender];
    const at = this.poolAt[p.gender];
    list[at % POOL_SIZE] = p;
    this.poolAt[p.gender] = at + 1;
  }

  /** A person of an earlier household to register again (a duplicate ID); null before there are any. */
  duplicate(r: Rng, gender: 'male' | 'female'): Identity | null {
    const list = this.pool[gender];
    if (list.length < 8) return null;
    this.duplicates++;
    return r.pick(list);
  }
}

/** A random birth date for an age reached by the end of `refYear`, never after the demo day. */
export function birthDateFor(r: Rng, age: number, refYear: number): string {
  const year = refYear - age;
  const last = year === Number(DEMO_TODAY.slice(0, 4)) ? Number(DEMO_TODAY.slice(5, 7)) - 1 : 12;
  const month = r.int(1, last);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, days)).padStart(2, '0')}`;
}
