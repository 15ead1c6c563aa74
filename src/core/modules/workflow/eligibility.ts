import { INDICATORS, type Indicator } from '../../../shared/register.ts';
import { msg, type Msg } from '../../i18n.ts';

/** A household's yearly record as exit eligibility reads it (household_year): 1 met, 0 not met, null not recorded. */
export type ExitRecord = { perCapitaIncome: number | null } & Record<Indicator, number | null>;

export interface ExitParams {
  /** 当年贫困线 — the year's poverty line, yuan per person per year. */
  povertyLine: number;
}

export interface Eligibility {
  eligible: boolean;
  reasons: Msg[];
}

const NOT_MET: Record<Indicator, Msg> = {
  food_clothing: msg('吃穿未达到“两不愁”', 'Food and clothing not secure'),
  education: msg('义务教育未保障', 'Compulsory education not secured'),
  medical: msg('基本医疗未保障', 'Basic medical care not secured'),
  housing: msg('住房安全未保障', 'Safe housing not secured'),
  water: msg('饮水安全未保障', 'Safe drinking water not secured'),
};

const cents = (yuan: number) => Math.round(yuan * 100);
const yuan = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/**
 * 脱贫退出标准 — a household may exit only when its per-capita net income of the year is strictly
 * above that year's poverty line and 两不愁三保障 and safe water are all met (not recorded = not met).
 * Pure: the record and the line are passed in.
 */
export function exitEligibility(record: ExitRecord | null | undefined, params: ExitParams): Eligibility {
  if (!record)
    return {
      eligible: false,
      reasons: [msg('该年度没有收入和“两不愁三保障”记录', 'No income and indicator record for the year')],
    };
  const reasons: Msg[] = [];
  const income = record.perCapitaIncome;
  if (income === null || income === undefined || Number.isNaN(Number(income)))
    reasons.push(msg('人均纯收入未填报', 'Per-capita net income not recorded'));
  else if (cents(Number(income)) <= cents(params.povertyLine))
    reasons.push(
      msg(
        `收入未超过当年贫困线（${yuan(Number(income))} 元 ≤ ${yuan(params.povertyLine)} 元）`,
        `Income not above the year's poverty line (${yuan(Number(income))} ≤ ${yuan(params.povertyLine)} yuan)`,
      ),
    );
  for (const { code, zh, en } of INDICATORS) {
    const v = record[code];
    if (v === null || v === undefined) reasons.push(msg(`“${zh}”指标未填报`, `Indicator "${en}" not recorded`));
    else if (Number(v) !== 1) reasons.push(NOT_MET[code]);
  }
  return { eligible: reasons.length === 0, reasons };
}
