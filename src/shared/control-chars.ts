/**
 * Control characters (pure). NUL and the other C0 controls (except tab, line feed and carriage return) and DEL
 * have no place in a name, a note or a query; PostgreSQL refuses NUL in text, SQLite would store it silently.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const hasControlChars = (s: string): boolean => CONTROL.test(s);

/** The paths (a.b.0.c) of every string inside `value` that holds a control character, `prefix` first. */
export function controlCharPaths(value: unknown, prefix = ''): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (typeof v === 'string') {
      if (hasControlChars(v)) out.push(path);
    } else if (depth < 20 && v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (hasControlChars(k)) out.push(path ? `${path}.${k.replace(CONTROL, '?')}` : k.replace(CONTROL, '?'));
        walk(child, path ? `${path}.${k}` : k, depth + 1);
      }
    }
  };
  walk(value, prefix, 0);
  return out;
}
