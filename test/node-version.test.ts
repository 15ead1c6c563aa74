import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import semver from 'semver';
import { nodeSatisfies, nodeVersionMessage, requiredNodeRange } from '../bin/node-version.js';

const root = new URL('..', import.meta.url);
const range = requiredNodeRange();

describe('the Node.js version', () => {
  it('is read from package.json and agrees with semver on the edges', () => {
    assert.equal(range, JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).engines.node);
    const cases: [string, boolean][] = [
      ['v18.20.4', false],
      ['v20.0.0', false],
      ['v20.18.3', false],
      ['v20.19.0', true],
      ['v20.20.2', true],
      ['v21.7.3', false],
      ['v22.12.0', false],
      ['v22.13.0', true],
      ['v23.11.0', false],
      ['v24.0.0', true],
      ['v26.0.0', true],
    ];
    for (const [version, ok] of cases) {
      assert.equal(nodeSatisfies(version, range), ok, version);
      assert.equal(semver.satisfies(version, range), ok, `semver ${version}`);
    }
    assert.throws(() => nodeSatisfies('v20.19.0', '20.x'), /unsupported engines.node range/);
  });

  it('is the one every installed package admits: no EBADENGINE on the oldest Node the README names', () => {
    const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    // The first version of each line the range admits: 20.19.0, 22.13.0, 24.0.0.
    const oldest = range.split('||').map((alt) => semver.minVersion(alt)!.version);
    assert.ok(oldest.includes('20.19.0'), oldest.join());
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .flatMap(([path, p]) => {
        const wanted = (p.engines as { node: string }).node;
        return oldest
          .filter((v) => !semver.satisfies(v, wanted))
          .map((v) => `${path}@${p.version} wants ${wanted}, not ${v}`);
      });
    assert.deepEqual(refused, []);
  });

  it('refuses an older Node at the entry with a message in Chinese and English', () => {
    const message = nodeVersionMessage('v18.20.4', range);
    assert.match(message, /绣花需要 Node\.js/);
    assert.match(message, /Xiuhua needs Node\.js/);
    assert.match(message, /v18\.20\.4/);
    // The real entry, under a Node that claims to be 18: it stops before loading anything else.
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'data:text/javascript,Object.defineProperty(process,"version",{value:"v18.20.4"})',
        'bin/xiuhua.js',
        'help',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /绣花需要 Node\.js .*当前为 v18\.20\.4/);
    assert.match(run.stderr, /Xiuhua needs Node\.js/);
  });
});
