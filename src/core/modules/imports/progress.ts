import type { ImportProgress } from '../../../shared/contracts/imports.ts';

/** Progress of running imports, kept in memory for the page to poll (one server process). */
export interface ProgressState {
  phase: Exclude<ImportProgress['phase'], 'pending'>;
  done: number;
  total: number;
  at: number;
}

const states = new Map<string, ProgressState>();
const KEEP_MS = 10 * 60 * 1000;

export function setProgress(key: string, p: Omit<ProgressState, 'at'>): void {
  const now = Date.now();
  if (states.size > 1000) for (const [k, s] of states) if (now - s.at > KEEP_MS) states.delete(k);
  states.set(key, { ...p, at: now });
}

export function getProgress(key: string): ProgressState | null {
  const s = states.get(key);
  return s && Date.now() - s.at < KEEP_MS ? s : null;
}
