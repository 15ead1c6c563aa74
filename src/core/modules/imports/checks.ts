import type { HouseholdStatus } from '../../../shared/register.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { msg } from '../../i18n.ts';
import { workflowChangeProblems, workflowChanges, type WorkflowState } from '../households/status.ts';
import { columnHeader, type Pending, type RowError } from './rows.ts';

/** 县代码 — the county a village belongs to (households are unique by code within it). */
export const countyOf = (villageCode: string): string => `${villageCode.slice(0, 6)}000000`;

/** An existing household as the batch checks see it: its village and what the workflow owns. */
interface Existing extends WorkflowState {
  region: string;
}

/**
 * What the database says about a batch: which village codes exist, which household codes are taken, and what an
 * update would change of a household's status, identification and exit years — refused (a row error on the
 * column) unless the import says `allowStatus` and the caller holds household.status there (`statusScope`).
 */
export class BatchChecks {
  private readonly villages = new Map<string, string | null>();
  private existing = new Map<string, Existing>();

  constructor(
    private readonly db: Db,
    /** Where the caller may write households. */
    private readonly scope: Scope,
    /** Where the import may set the status of existing households (allowStatus), or null: nowhere. */
    private readonly statusScope: Scope | null = null,
  ) {}

  /** Loads unknown village codes (cached across batches) and the batch's existing households. */
  async load(batch: Pending[]): Promise<void> {
    const unknown = [...new Set(batch.map((b) => b.input.villageCode))].filter(
      (c) => /^\d{12}$/.test(c) && !this.villages.has(c),
    );
    if (unknown.length) {
      const rows = await this.db.selectFrom('region').select(['code', 'level']).where('code', 'in', unknown).execute();
      for (const c of unknown) this.villages.set(c, null);
      for (const r of rows) this.villages.set(r.code, r.level);
    }
    const byCounty = new Map<string, string[]>();
    for (const b of batch)
      if (/^\d{12}$/.test(b.input.villageCode)) {
        const county = countyOf(b.input.villageCode);
        const codes = byCounty.get(county);
        if (codes) codes.push(b.code);
        else byCounty.set(county, [b.code]);
      }
    this.existing = new Map();
    for (const [county, codes] of byCounty) {
      const rows = await this.db
        .selectFrom('household')
        .select(['code', 'region_code', 'status', 'identified_year', 'exited_year'])
        .where('county_code', '=', county)
        .where('code', 'in', codes)
        .execute();
      for (const r of rows)
        this.existing.set(`${county}/${r.code}`, {
          region: r.region_code,
          status: r.status as HouseholdStatus,
          identifiedYear: r.identified_year,
          exitedYear: r.exited_year,
        });
    }
  }

  /** Does the household already exist (so the import updates it)? */
  exists(b: Pending): boolean {
    return this.existing.has(`${countyOf(b.input.villageCode)}/${b.code}`);
  }

  /** Village known, a village, in the caller's write scope; an existing household not owned by another scope. */
  problems(b: Pending): RowError[] {
    const v = b.input.villageCode;
    if (!/^\d{12}$/.test(v)) return [];
    const row = b.villageRow;
    const at = (message: ReturnType<typeof msg>, column = '村代码'): RowError[] => [
      { row, column, message, household: b.code },
    ];
    const level = this.villages.get(v);
    if (!level) return at(msg(`村代码 ${v} 不存在`, `Village code ${v} does not exist`));
    if (level !== 'village') return at(msg(`${v} 不是村级区划代码（应填 12 位村代码）`, `${v} is not a village code`));
    if (!this.scope.covers(v))
      return at(msg(`村代码 ${v} 不在您的管辖范围内`, `Village ${v} is outside your region scope`));
    const current = this.existing.get(`${countyOf(v)}/${b.code}`);
    // Says only that the code is taken: where a household outside the caller's scope lives is not theirs to learn.
    if (current && !this.scope.covers(current.region))
      return at(
        msg(
          `户编号 ${b.code} 已被本县其他户使用，不能导入；请核对户编号`,
          `Household code ${b.code} is already taken in this county; check the code`,
        ),
        '户编号',
      );
    return current ? this.workflowProblems(b, current) : [];
  }

  /**
   * An update keeps what the workflow owns: a year left empty takes the stored one; a different status or year
   * is a row error on its column, unless the import may set it (allowStatus, household.status in the village),
   * when the change is noted on the household for the import's audit row.
   */
  private workflowProblems(b: Pending, current: Existing): RowError[] {
    const input = b.input;
    if (input.identifiedYear === undefined) input.identifiedYear = current.identifiedYear;
    if (input.exitedYear === undefined) input.exitedYear = current.exitedYear;
    const changes = workflowChanges(current, input);
    if (!changes.length) return [];
    if (this.statusScope?.covers(current.region) && this.statusScope.covers(input.villageCode)) {
      b.workflowChanges = changes;
      return [];
    }
    const hint = msg(
      '；导入历史数据时，系统管理员可选择“允许导入修改户状态”',
      '; an administrator importing historical data may choose “allow status changes”',
    );
    return workflowChangeProblems(changes).map((p) => ({
      row: b.workflowRows[p.path as keyof Pending['workflowRows']] ?? b.firstRow,
      column: columnHeader('household', p.path),
      message: msg(p.message.zh + hint.zh, p.message.en + hint.en),
      household: b.code,
    }));
  }
}
