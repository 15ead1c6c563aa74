import { checkDigit } from '../src/core/modules/households/idcard.ts';

/** A valid resident ID number of 竹山县 for a birth date. */
export const idNumber = (birth: string, seq: number, male = true) => {
  const first17 = `420323${birth.replaceAll('-', '')}${String(seq).padStart(2, '0')}${male ? 1 : 2}`;
  return first17 + checkDigit(first17);
};

/** Dates relative to today, so tests do not age: a day `n` days after (or before) an ISO date. */
export const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** The same day `n` months later (JavaScript's month arithmetic). */
export const addMonths = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
/** The same month and day `n` years later. */
export const addYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;

/** A cadre's body for POST /api/cadres: 刘晓梅, managed in 龙井村, phone and ID number in full (override any field). */
export const cadreBody = (over: Record<string, unknown> = {}) => ({
  name: '刘晓梅',
  gender: 'female',
  birthDate: '1992-09-09',
  idNumber: idNumber('1992-09-09', 44, false),
  phone: '13800001111',
  regionCode: '420323103211',
  ...over,
});

/** A registered poor household of two in a village, with a 2019 record (override any field). */
export function household(code: string, villageCode: string, over: Record<string, unknown> = {}) {
  return {
    code,
    villageCode,
    groupNo: null,
    status: 'poor',
    attribute: 'general',
    mainCause: 'illness',
    otherCauses: ['lack_funds'],
    housingGrade: 'B',
    members: [
      {
        name: '张大山',
        idNumber: idNumber('1970-03-05', 11),
        gender: 'male',
        birthDate: '1970-03-05',
        relation: 'head',
        phone: '13907190001',
      },
      {
        name: '李秀英',
        idNumber: idNumber('1972-08-09', 12, false),
        gender: 'female',
        birthDate: '1972-08-09',
        relation: 'spouse',
      },
    ],
    years: [
      {
        year: 2019,
        status: 'poor',
        incomeWage: 3000,
        incomeTransfer: 2000,
        productionCost: 400,
        foodClothing: true,
        education: true,
        medical: true,
        housing: false,
        water: true,
      },
    ],
    ...over,
  };
}

/** The 17 townships of 竹山县 (420323) in the national division data, in code order. */
export const ZHUSHAN_TOWNSHIPS = [
  '城关镇',
  '溢水镇',
  '麻家渡镇',
  '宝丰镇',
  '擂鼓镇',
  '秦古镇',
  '得胜镇',
  '上庸镇',
  '官渡镇',
  '潘口乡',
  '竹坪乡',
  '大庙乡',
  '双台乡',
  '楼台乡',
  '文峰乡',
  '深河乡',
  '柳林乡',
];
