/** Masking of personal data shown in lists and exports (pure). */

/** 13812345678 → 138****5678; short values keep only their last character. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const p = phone.trim();
  if (p.length >= 7) return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}****${p.slice(-4)}`.replace(/\*{5,}/, '****');
  return `${'*'.repeat(Math.max(0, p.length - 1))}${p.slice(-1)}`;
}

/** 18-digit resident ID: 420323199001011234 → 420323********123X style (first 6 and last 4 kept). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  const s = id.trim();
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}
