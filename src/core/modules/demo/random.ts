/** Deterministic pseudo-random numbers for demo data (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

/** Seed from a string (FNV-1a), so each region gets its own stable stream. */
export function seedOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = {
  male: [...'伟强军平刚勇杰涛明超华建国志海兵鹏俊峰磊斌东林辉红文波宏云飞毅龙祥福贵发德成学良忠光荣昌胜春玉'],
  female: [...'芳娟敏静丽艳霞秀英玲燕华红梅琴兰萍丹慧莉娜婷雪颖倩洁桂翠凤莲菊香珍金素春云'],
};

export function personName(r: Rng, gender: 'male' | 'female'): string {
  const pool = GIVEN[gender];
  const given = r.chance(0.7) ? r.pick(pool) + r.pick(pool) : r.pick(pool);
  return r.pick(SURNAMES) + given;
}

export function phone(r: Rng): string {
  return `1${r.pick(['35', '37', '39', '58', '86', '87', '89', '33', '53', '77'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}
