import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { msg } from '../../i18n.ts';
import type { Pending, RowError } from './rows.ts';

/** 县代码 — the county a village belongs to (households are unique by code within it). */
export const countyOf = (villageCode: string): string => `${villageCode.slice(0, 6)}000000`;

/** What the database says about a batch: which village codes exist, which household codes are taken. */
export class BatchChecks {
  private readonly villages = new Map<string, string | null>();
  private existing = new Map<string, string>();

  constructor(
    private readonly db: Db,
    /** Where the caller may write households. */
    private readonly scope: Scope,
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
        .select(['code', 'region_code'])
        .where('county_code', '=', county)
        .where('code', 'in', codes)
        .execute();
      for (const r of rows) this.existing.set(`${county}/${r.code}`, r.region_code);
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
    if (current && !this.scope.covers(current))
      return at(
        msg(
          `户编号 ${b.code} 已被本县其他户使用，不能导入；请核对户编号`,
          `Household code ${b.code} is already taken in this county; check the code`,
        ),
        '户编号',
      );
    return [];
  }
}
