#!/usr/bin/env node
// Entry of the `xiuhua` command: refuses a Node.js older than package.json's `engines.node` (the README's Node),
// then registers tsx so the TypeScript sources run without a build step.
import { nodeSatisfies, nodeVersionMessage, requiredNodeRange } from './node-version.js';

const range = requiredNodeRange();
if (!nodeSatisfies(process.version, range)) {
  console.error(nodeVersionMessage(process.version, range));
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv.slice(2));
