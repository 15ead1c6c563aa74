// The Node.js versions Xiuhua runs on: package.json's `engines.node`, the one place that names them (the README
// says the same in words). Kept free of dependencies and of newer syntax, so that an old Node reaches the message.
import { readFileSync } from 'node:fs';

/** The `engines.node` range of package.json, e.g. "^20.19.0 || ^22.13.0 || >=24.0.0". */
export function requiredNodeRange() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return pkg.engines.node;
}

function parts(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!m) throw new Error(`not a version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/**
 * Whether `version` (e.g. "v20.20.2") lies in `range`: alternatives joined by `||`, each `^X.Y.Z` (same major,
 * at least X.Y.Z) or `>=X.Y.Z` — the two forms `engines.node` uses here. Any other form throws, so a range
 * written differently is noticed rather than waved through.
 */
export function nodeSatisfies(version, range) {
  const v = parts(version);
  return range.split('||').some((alt) => {
    const m = /^\s*(\^|>=)\s*(\S+)\s*$/.exec(alt);
    if (!m) throw new Error(`unsupported engines.node range: ${alt.trim()}`);
    const min = parts(m[2]);
    if (compare(v, min) < 0) return false;
    return m[1] === '>=' || v[0] === min[0];
  });
}

/** The refusal printed when this Node is too old: Chinese first, then English. */
export function nodeVersionMessage(version, range) {
  return [
    `绣花需要 Node.js ${range}（20 版需 20.19 及以上，22 版需 22.13 及以上，或 24 及以上），当前为 ${version}。请升级 Node.js 后再运行。`,
    `Xiuhua needs Node.js ${range} (20.19 or later on Node 20, 22.13 or later on Node 22, or Node 24 and later); this is ${version}. Please upgrade Node.js.`,
  ].join('\n');
}
