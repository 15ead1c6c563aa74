import type { HouseholdStatus } from '../../../shared/register.ts';
import { msg, type Msg } from '../../i18n.ts';
import { householdProblems, type ValidationContext } from '../households/rules.ts';
import { WORKFLOW_FIELDS, type WorkflowChange, type WorkflowField } from '../households/status.ts';
import type { HouseholdInput, MemberInput, YearInput } from '../households/types.ts';
import { cellText, parseCell, type Cell, type RowError, type SourceRow } from './cells.ts';
import type { Labels } from './labels.ts';
import { CODE_COLUMN, COLUMNS, type Column, type Level } from './layout.ts';
import type { HeaderMap } from './source.ts';

export type { RowError } from './cells.ts';

/** The rows of one household (a run of rows with the same 户编号), or a row that has no 户编号. */
export type RowGroup = { code: string; rows: SourceRow[]; dropped: number } | { orphan: SourceRow };

/** A household is at most this many rows; a longer run is refused (and not held in memory). */
export const MAX_ROWS_PER_HOUSEHOLD = 100;

/** Groups consecutive rows with the same household code; holds one household at a time. */
export async function* groupRows(rows: AsyncIterable<SourceRow>, header: HeaderMap): AsyncGenerator<RowGroup> {
  const at = header.columns.indexOf(CODE_COLUMN);
  let current = null as { code: string; rows: SourceRow[]; dropped: number } | null;
  for await (const r of rows) {
    const code = cellText(r.cells[at] ?? null);
    if (!code) {
      if (current) yield current;
      current = null;
      yield { orphan: r };
    } else if (current?.code === code) {
      if (current.rows.length < MAX_ROWS_PER_HOUSEHOLD) current.rows.push(r);
      else current.dropped++;
    } else {
      if (current) yield current;
      current = { code, rows: [r], dropped: 0 };
    }
  }
  if (current) yield current;
}

/** A household read from its rows, with where each value came from (to report problems on the right cell). */
export interface Built {
  code: string;
  rows: number[];
  input: HouseholdInput;
  memberRows: number[];
  origin: Map<string, number>;
  errors: RowError[];
  /** Paths with a parse problem already reported (the validator's message would repeat it). */
  bad: Set<string>;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Per header: the file columns to read, with their layout column and the key of household/year values. */
interface Plan {
  file: number;
  col: Column;
  key: string;
}
const plans = new WeakMap<HeaderMap, Plan[]>();
function planOf(header: HeaderMap): Plan[] {
  let plan = plans.get(header);
  if (!plan) {
    plan = header.columns.flatMap((l, file) => {
      if (l < 0) return [];
      const col = COLUMNS[l]!;
      return [{ file, col, key: col.level === 'year' ? `years.0.${col.field}` : col.field }];
    });
    plans.set(header, plan);
  }
  return plan;
}

/** Cells → HouseholdInput. Household and year columns may repeat on each row but must agree. */
export function buildHousehold(code: string, rows: SourceRow[], header: HeaderMap, labels: Labels): Built {
  const b: Built = {
    code,
    rows: rows.map((r) => r.row),
    input: {} as HouseholdInput,
    memberRows: [],
    origin: new Map(),
    errors: [],
    bad: new Set(),
  };
  const fields = new Map<string, unknown>();
  const raw = new Map<string, Cell>();
  const members: MemberInput[] = [];
  const err = (row: number, column: string, message: Msg) => b.errors.push({ row, column, message, household: code });
  const plan = planOf(header);
  for (const r of rows) {
    const member: Record<string, unknown> = {};
    const index = members.length;
    for (const { file, col, key } of plan) {
      const c = r.cells[file] ?? null;
      if (c === null || c === '') continue;
      const isMember = col.level === 'member';
      if (!isMember && raw.get(key) === c) continue; // the same text as on an earlier row: same value
      const parsed = parseCell(col, c, labels);
      if ('problem' in parsed) {
        b.bad.add(isMember ? `members.${index}.${col.field}` : key);
        if (!isMember && !b.origin.has(key)) b.origin.set(key, r.row);
        err(r.row, col.header, parsed.problem);
        continue;
      }
      if (parsed.value === undefined) continue;
      if (isMember) member[col.field] = parsed.value;
      else if (!fields.has(key)) {
        fields.set(key, parsed.value);
        raw.set(key, c);
        b.origin.set(key, r.row);
      } else if (!same(fields.get(key), parsed.value))
        err(
          r.row,
          col.header,
          msg(
            `与本户第 ${b.origin.get(key)} 行的“${col.header}”不一致：${cellText(c)}`,
            `Differs from row ${b.origin.get(key)} of this household`,
          ),
        );
    }
    members.push(member as unknown as MemberInput);
    b.memberRows.push(r.row);
  }
  const get = <T>(key: string) => fields.get(key) as T | undefined;
  const first = rows[0]!.row;
  b.input = {
    code,
    villageCode: get<string>('villageCode') ?? '',
    groupNo: get<number>('groupNo'),
    address: get<string>('address'),
    phone: get<string>('phone'),
    housingGrade: get<string>('housingGrade'),
    attribute: get<string>('attribute'),
    mainCause: get<string>('mainCause'),
    otherCauses: get<string[]>('otherCauses') ?? [],
    status: get<HouseholdStatus>('status')!,
    identifiedYear: get<number>('identifiedYear'),
    exitedYear: get<number>('exitedYear'),
    members,
  };
  if (!b.input.villageCode && !b.bad.has('villageCode'))
    err(
      first,
      '村代码',
      msg('本户没有填写村代码（户信息可只写在户主行，但至少要写一次）', 'The household has no village code'),
    );
  if (!b.input.status && !b.bad.has('status'))
    err(first, '户状态', msg('本户没有填写户状态', 'The household has no status'));
  for (const f of ['identifiedYear', 'exitedYear'] as const) {
    const y = b.input[f];
    if (y !== undefined && y !== null && (y < 1980 || y > 2100))
      err(
        b.origin.get(f) ?? first,
        columnHeader('household', f),
        msg(`年度应为 4 位数字：${y}`, `A year has 4 digits: ${y}`),
      );
  }
  const yearKeys = [...fields.keys()].filter((k) => k.startsWith('years.'));
  if (yearKeys.length) {
    const year = get<number>('years.0.year');
    if (year === undefined) {
      if (!b.bad.has('years.0.year'))
        err(
          b.origin.get(yearKeys[0]!) ?? first,
          '年度',
          msg('填写了年度收入或指标，但缺少“年度”', 'Yearly values given without 年度'),
        );
    } else {
      const y: Record<string, unknown> = { year, status: get('years.0.status') ?? b.input.status };
      for (const k of yearKeys) if (k !== 'years.0.year' && k !== 'years.0.status') y[k.slice(8)] = fields.get(k);
      b.input.years = [y as unknown as YearInput];
    }
  }
  return b;
}

export function columnHeader(level: Level, field: string): string {
  return COLUMNS.find((c) => c.level === level && c.field === field)?.header ?? field;
}

/** The validator's problems (paths like members.2.idNumber) placed on their row and column. */
export function householdErrors(b: Built, ctx: ValidationContext): RowError[] {
  const out: RowError[] = [];
  for (const p of householdProblems(b.input, ctx)) {
    if (b.bad.has(p.path)) continue;
    const parts = p.path.split('.');
    let row = b.rows[0]!;
    let column: string;
    if (parts[0] === 'members' && parts.length >= 3) {
      row = b.memberRows[Number(parts[1])] ?? row;
      column = columnHeader('member', parts[2]!);
    } else if (parts[0] === 'members') {
      const heads = b.input.members.findIndex((m, i) => m.relation === 'head' && i > 0);
      row = heads > 0 ? b.memberRows[heads]! : row;
      column = columnHeader('member', 'relation');
    } else if (parts[0] === 'years') {
      const field = parts[2] ?? 'year';
      row = b.origin.get(`years.0.${field}`) ?? b.origin.get('years.0.year') ?? row;
      column = columnHeader('year', field);
    } else {
      row = b.origin.get(parts[0]!) ?? row;
      column = columnHeader('household', parts[0]!);
    }
    out.push({ row, column, message: p.message, household: b.code });
  }
  return out;
}

/** A household read and checked without the database, waiting for its batch's database checks and write. */
export interface Pending {
  code: string;
  input: HouseholdInput;
  rows: number;
  firstRow: number;
  villageRow: number;
  errors: RowError[];
  /** The rows the status, identification year and exit year were read from (to report on the right cell). */
  workflowRows: Partial<Record<WorkflowField, number>>;
  /** Set by the batch: the household is already registered (the import updates it). */
  existed?: boolean;
  /** Set by the batch, with allowStatus: what the import changes of an existing household's workflow fields. */
  workflowChanges?: WorkflowChange[];
}

/** Builds and validates a household; keeps only what the batch needs (the rest is garbage at once). */
export function readHousehold(
  code: string,
  rows: SourceRow[],
  header: HeaderMap,
  labels: Labels,
  ctx: ValidationContext,
): Pending {
  const b = buildHousehold(code, rows, header, labels);
  const errors = b.errors.concat(householdErrors(b, ctx));
  return {
    code,
    input: b.input,
    rows: b.rows.length,
    firstRow: b.rows[0]!,
    villageRow: b.origin.get('villageCode') ?? b.rows[0]!,
    errors,
    workflowRows: Object.fromEntries(WORKFLOW_FIELDS.flatMap((f) => (b.origin.has(f) ? [[f, b.origin.get(f)!]] : []))),
  };
}
