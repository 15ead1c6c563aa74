import type { Writable } from 'node:stream';
import type { HouseholdFilter } from '../../../shared/contracts/households.ts';
import { isWithin } from '../../../shared/regions.ts';
import { scopesFor, type Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { invalid } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { latestYear, scopedHouseholds, scopedHouseholdsWithYear } from '../households/repo.ts';
import { exportRow, type HouseholdRow, type MemberRow } from './export-row.ts';
import { loadLabels } from './labels.ts';
import { COLUMNS } from './layout.ts';
import { addSheet, drain, drained, workbookWriter } from './xlsx-write.ts';

/** The household list's filters (the region is the Scope's), the format, and whether to mask everything. */
export type ExportOptions = Omit<HouseholdFilter, 'region'> & {
  format: 'xlsx' | 'csv';
  /** Mask personal data even when the caller may reveal it. */
  mask?: boolean;
};

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
export async function exportHouseholds(db: Db, scope: Scope, opts: ExportOptions) {
  const region = scope.region;
  if (!region) throw invalid('region', msg('请选择导出的区域', 'Choose the region to export'));
  const actor = scope.actor;
  const year = opts.year ?? (await latestYear(db));
  const { format: _format, mask: _mask, ...filters } = opts;
  const filter = { ...filters, year };
  const revealAll = !opts.mask && scope.can('pii.reveal', region.code);
  const revealScopes = scopesFor(actor, 'pii.reveal');
  const partial =
    !opts.mask && !revealAll && revealScopes !== 'all' && revealScopes.some((s) => isWithin(s, region.code));
  const reveal = revealAll ? 'all' : partial ? 'partial' : 'none';
  const { total } = await scopedHouseholds(db, scope, filter)
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
      const households = (await scopedHouseholdsWithYear(db, scope, filter)
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
        const show = revealAll || (reveal === 'partial' && scope.can('pii.reveal', h.region_code));
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
