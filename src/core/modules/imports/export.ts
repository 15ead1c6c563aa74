import type { Writable } from 'node:stream';
import type { Actor } from '../../access/permissions.ts';
import { authorize, can, scopesFor } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { writeAudit } from '../audit/repo.ts';
import { filteredHouseholds, filteredHouseholdsWithYear, latestYear } from '../households/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { isWithin, subtreeRange } from '../regions/rules.ts';
import { exportRow, type HouseholdRow, type MemberRow } from './export-row.ts';
import { loadLabels } from './labels.ts';
import { COLUMNS } from './layout.ts';
import { addSheet, drain, drained, workbookWriter } from './xlsx-write.ts';

export interface ExportOptions {
  region: string;
  format: 'xlsx' | 'csv';
  status?: string[];
  attribute?: string;
  cause?: string;
  /** The year whose record fills the yearly columns (default: the latest year with records). */
  year?: number;
  /** Mask personal data even when the caller may reveal it. */
  mask?: boolean;
}

export interface ExportStats {
  households: number;
  persons: number;
}

const PAGE = 1000;
const YEAR_COLUMNS = [
  'year',
  'status',
  'income_wage',
  'income_business',
  'income_transfer',
  'income_property',
  'production_cost',
  'net_income',
  'per_capita_income',
  'food_clothing',
  'education',
  'medical',
  'housing',
  'water',
] as const;

const csvField = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The filtered household list in the import layout. Checks access and writes the audit row first (so a
 * refusal is a proper 403/404 before any byte is sent), then `write` streams the file page by page;
 * ID numbers and phones are masked unless the caller holds 'pii.reveal' for the household's village.
 */
export async function exportHouseholds(db: Db, actor: Actor, opts: ExportOptions) {
  const region = await requireRegion(db, opts.region, 'region');
  authorize(actor, 'household.read', region.code);
  const { lo, hi } = subtreeRange(region.code);
  const year = opts.year ?? (await latestYear(db));
  const filter = { lo, hi, year, status: opts.status, attribute: opts.attribute, cause: opts.cause };
  const revealAll = !opts.mask && can(actor, 'pii.reveal', region.code);
  const revealScopes = scopesFor(actor, 'pii.reveal');
  const partial =
    !opts.mask && !revealAll && revealScopes !== 'all' && revealScopes.some((s) => isWithin(s, region.code));
  const reveal = revealAll ? 'all' : partial ? 'partial' : 'none';
  const { total } = await filteredHouseholds(db, actor, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  await writeAudit(db, actor, {
    action: 'export',
    entity: 'household',
    regionCode: region.code,
    after: { format: opts.format, year, households: Number(total), reveal, filters: { ...opts, region: region.code } },
  });
  const labels = await loadLabels(db);

  async function write(out: Writable, onProgress?: (done: number, total: number) => void): Promise<ExportStats> {
    const stats: ExportStats = { households: 0, persons: 0 };
    const headers = COLUMNS.map((c) => c.header);
    const wb = opts.format === 'xlsx' ? workbookWriter(out) : null;
    const ws = wb
      ? addSheet(
          wb,
          '建档立卡户',
          // No per-column styles: a styled cell costs exceljs a style lookup each (3× slower); strings stay strings.
          COLUMNS.map((c) => ({ header: c.header, width: Math.max(8, c.header.length * 2 + 2) })),
        )
      : null;
    if (!wb) out.write(`\uFEFF${headers.map(csvField).join(',')}\r\n`);
    let last = 0;
    for (;;) {
      const households = (await filteredHouseholdsWithYear(db, actor, filter)
        .selectAll('h')
        .select(YEAR_COLUMNS.map((c) => `y.${c} as y_${c}` as const))
        .where('h.id', '>', last)
        .orderBy('h.id')
        .limit(PAGE)
        .execute()) as unknown as HouseholdRow[];
      if (households.length === 0) break;
      last = households[households.length - 1]!.id;
      const members = (await db
        .selectFrom('household_member')
        .selectAll()
        .where(
          'household_id',
          'in',
          households.map((h) => h.id),
        )
        .orderBy('household_id')
        .orderBy('seq')
        .orderBy('id')
        .execute()) as unknown as MemberRow[];
      const byHousehold = new Map<number, MemberRow[]>();
      for (const m of members) {
        const list = byHousehold.get(m.household_id);
        if (list) list.push(m);
        else byHousehold.set(m.household_id, [m]);
      }
      let chunk = '';
      for (const h of households) {
        const show = revealAll || (reveal === 'partial' && can(actor, 'pii.reveal', h.region_code));
        for (const m of byHousehold.get(h.id) ?? []) {
          const row = exportRow(h, m, labels, show);
          if (ws) ws.addRow(row).commit();
          else chunk += `${row.map(csvField).join(',')}\r\n`;
          stats.persons++;
        }
        stats.households++;
      }
      if (ws) await drained(ws, out);
      else if (!out.write(chunk)) await drain(out, 60_000);
      if (out.destroyed) throw new Error('export: the receiver went away');
      onProgress?.(stats.households, Number(total));
    }
    if (ws && wb) {
      ws.commit();
      await wb.commit();
    } else out.end();
    return stats;
  }

  return { region, year, total: Number(total), reveal, write };
}
