/**
 * Masking of the personal data inside audit records (pure): ID numbers and phones are found by their keys, at
 * any depth of `before`/`after`, and in the `{columns, rows}` tables of the import before-images.
 */
import { maskIdNumber, maskPhone } from '../../pii/mask.ts';

type Kind = 'id' | 'phone';

/** What a key holds, whatever its spelling: idNumber, id_number, ID-number → id; phone, contactPhone, mobile → phone. */
export function personalKind(key: string): Kind | null {
  const k = key.toLowerCase().replace(/[^a-z]/g, '');
  if (k.endsWith('idnumber') || k.endsWith('idcard') || k.endsWith('idcardnumber')) return 'id';
  if (k.endsWith('phone') || k.endsWith('phones') || k.endsWith('mobile') || k === 'tel' || k.endsWith('telephone'))
    return 'phone';
  return null;
}

interface Walk {
  masked: boolean;
}

function maskScalar(kind: Kind, v: unknown, w: Walk): unknown {
  if (v === null || v === undefined || v === '') return v;
  if (typeof v === 'string' || typeof v === 'number') {
    const s = String(v);
    const out = kind === 'id' ? maskIdNumber(s) : maskPhone(s);
    if (out !== s) w.masked = true;
    return out;
  }
  if (Array.isArray(v)) return v.map((x) => maskScalar(kind, x, w));
  return walk(v, w);
}

const isTable = (o: Record<string, unknown>): o is { columns: unknown[]; rows: unknown[] } & Record<string, unknown> =>
  Array.isArray(o.columns) && Array.isArray(o.rows) && o.columns.every((c) => typeof c === 'string');

function walk(value: unknown, w: Walk): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, w));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const kind = personalKind(k);
    out[k] = kind ? maskScalar(kind, v, w) : walk(v, w);
  }
  if (isTable(o)) {
    const kinds = (o.columns as string[]).map(personalKind);
    out.rows = o.rows.map((row) =>
      Array.isArray(row)
        ? row.map((cell, i) => (kinds[i] ? maskScalar(kinds[i], cell, w) : walk(cell, w)))
        : walk(row, w),
    );
  }
  return out;
}

/** A copy of `value` with every ID number and phone masked, and whether any was. */
export function maskPersonal(value: unknown): { value: unknown; masked: boolean } {
  const w: Walk = { masked: false };
  return { value: walk(value, w), masked: w.masked };
}
