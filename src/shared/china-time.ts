/**
 * Timestamps are kept as UTC instants (ISO strings); people read them in China's time (UTC+8, no daylight saving).
 */
const OFFSET_MS = 8 * 3_600_000;

/** "YYYY-MM-DD HH:mm" of an ISO instant in China. */
export const chinaDateTime = (iso: string): string =>
  new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** The day (YYYY-MM-DD) of an ISO instant in China. */
export const chinaDate = (iso: string): string => chinaDateTime(iso).slice(0, 10);
