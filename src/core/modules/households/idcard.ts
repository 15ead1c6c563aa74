import { msg, type Msg } from '../../i18n.ts';

/**
 * 公民身份号码 — the 18-character resident ID number (GB 11643-1999), checked without I/O:
 * 6-digit region code, 8-digit birth date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check digit.
 */
export interface IdCheck {
  ok: boolean;
  /** The cleaned number (trimmed, full-width → ASCII, x → X) when it has the right shape; otherwise null. */
  normalized: string | null;
  /** YYYY-MM-DD when the embedded date is a real calendar date. */
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  problems: Msg[];
}

export interface IdCheckOptions {
  /** The birth date on the record (YYYY-MM-DD): must match the number's. */
  birthDate?: string | null;
  /** The gender on the record: must match the 17th digit. */
  gender?: 'male' | 'female' | null;
  /** Accepts the first 6 digits when they are a known county-level code (e.g. from the division table). */
  knownPrefix?: (prefix: string) => boolean;
  /** Today (YYYY-MM-DD); a birth date after it is refused. Without it there is no future check. */
  today?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** 省级行政区划代码 — the two-digit province codes in use (incl. 71 Taiwan, 81 Hong Kong, 82 Macao). */
const PROVINCE_RANGES: [number, number][] = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
  [71, 71],
  [81, 82],
];

/** The check digit (0–9 or X) for the first 17 digits. */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('checkDigit needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Full-width digits and letters (０-９, Ｘ) → ASCII; spaces trimmed; x → X. */
function clean(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/**
 * Excel damage: a number cell keeps 15 significant digits, so the ID number shows in scientific
 * notation (4.20323E+17) or as 18 digits ending in 000 whose check digit then fails.
 */
export function looksLikeLostPrecision(input: string): boolean {
  const s = clean(input);
  if (/^\d+(\.\d+)?E\+?\d+$/.test(s)) return true;
  const digits = s.replace(/\.0+$/, '');
  return /^\d{15}000$/.test(digits) && checkDigit(digits.slice(0, 17)) !== digits[17];
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const GENDER_ZH = { male: '男', female: '女' } as const;

export function checkIdNumber(input: string, opts: IdCheckOptions = {}): IdCheck {
  const fail = (problem: Msg, normalized: string | null = null): IdCheck => ({
    ok: false,
    normalized,
    birthDate: null,
    gender: null,
    problems: [problem],
  });
  const s = clean(input ?? '');
  if (s === '') return fail(msg('身份证号为空', 'The ID number is empty'));
  if (looksLikeLostPrecision(s))
    return fail(
      msg(
        '身份证号被 Excel 存成了数字，精度已丢失，请将该列设为文本后重新填写',
        'Excel stored the ID number as a number and lost digits; format the column as text and enter it again',
      ),
    );
  if (!/^[0-9X]*$/.test(s))
    return fail(msg('身份证号只能由数字组成，最后一位可以是 X', 'An ID number has only digits; the last may be X'));
  if (s.length !== 18)
    return fail(
      msg(`身份证号应为 18 位，这里是 ${s.length} 位`, `An ID number has 18 characters; this one has ${s.length}`),
    );
  if (!/^\d{17}[0-9X]$/.test(s))
    return fail(msg('身份证号只有最后一位可以是 X', 'Only the last character of an ID number may be X'));

  const problems: Msg[] = [];
  const expected = checkDigit(s.slice(0, 17));
  if (s[17] !== expected)
    problems.push(
      msg(
        `校验位错误，应为 ${expected}（请核对号码是否抄错）`,
        `Wrong check digit, should be ${expected} (check the number for a typo)`,
      ),
    );

  const province = Number(s.slice(0, 2));
  if (!PROVINCE_RANGES.some(([lo, hi]) => province >= lo && province <= hi))
    problems.push(
      msg(
        `前两位 ${s.slice(0, 2)} 不是有效的省份代码`,
        `The first two digits ${s.slice(0, 2)} are not a province code`,
      ),
    );
  else if (opts.knownPrefix && !opts.knownPrefix(s.slice(0, 6)))
    problems.push(
      msg(
        `前六位 ${s.slice(0, 6)} 不是已知的县级行政区划代码`,
        `The first six digits ${s.slice(0, 6)} are not a known county code`,
      ),
    );

  const [y, m, d] = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))];
  const iso = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  let birthDate: string | null = null;
  if (!isRealDate(y, m, d))
    problems.push(msg(`号码中的出生日期 ${iso} 不存在`, `The birth date in the number (${iso}) is not a real date`));
  else if (iso < '1900-01-01')
    problems.push(msg(`号码中的出生日期 ${iso} 早于 1900 年`, `The birth date in the number (${iso}) is before 1900`));
  else if (opts.today && iso > opts.today)
    problems.push(msg(`号码中的出生日期 ${iso} 晚于今天`, `The birth date in the number (${iso}) is in the future`));
  else birthDate = iso;
  if (birthDate && opts.birthDate && opts.birthDate !== birthDate)
    problems.push(
      msg(
        `号码中的出生日期 ${birthDate} 与填写的出生日期 ${opts.birthDate} 不一致`,
        `The birth date in the number (${birthDate}) differs from the recorded one (${opts.birthDate})`,
      ),
    );

  const gender = Number(s[16]) % 2 === 1 ? 'male' : 'female';
  if (opts.gender && opts.gender !== gender)
    problems.push(
      msg(
        `号码显示为${GENDER_ZH[gender]}性，与填写的性别（${GENDER_ZH[opts.gender]}）不一致`,
        `The number says ${gender}, but the recorded gender is ${opts.gender}`,
      ),
    );

  return { ok: problems.length === 0, normalized: s, birthDate, gender, problems };
}
