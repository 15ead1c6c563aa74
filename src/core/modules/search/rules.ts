/** What a person search looks for, read from the text typed (pure). */
import type { MemberMatch } from '../households/repo.ts';

export type PersonQuery =
  | { kind: 'name'; match: { name: string } }
  | { kind: 'masked'; match: { idPrefix: string; idSuffix: string } }
  | { kind: 'id'; idNumber: string; masked: { idPrefix: string; idSuffix: string } };

/**
 * A full 18-character ID number (the check character X in either case) → an exact search, with its visible parts
 * (first 6, last 4) for where it may not be revealed; a masked number as shown (420323********123X) → its visible
 * parts; anything else → a name.
 */
export function personQuery(text: string): PersonQuery {
  const s = text.trim();
  if (/^\d{17}[\dXx]$/.test(s)) {
    const idNumber = s.toUpperCase();
    return { kind: 'id', idNumber, masked: { idPrefix: idNumber.slice(0, 6), idSuffix: idNumber.slice(-4) } };
  }
  const m = /^(\d{6})\*{4,}(\d{3}[\dXx])$/.exec(s);
  if (m) return { kind: 'masked', match: { idPrefix: m[1]!, idSuffix: m[2]!.toUpperCase() } };
  return { kind: 'name', match: { name: s } satisfies MemberMatch };
}
