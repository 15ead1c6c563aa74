// Types of node-version.js (plain JavaScript, so that an old Node can run it), for the tests.
export function requiredNodeRange(): string;
export function nodeSatisfies(version: string, range: string): boolean;
export function nodeVersionMessage(version: string, range: string): string;
