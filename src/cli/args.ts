/** Minimal argv parser: positionals and --flag / --key value / --key=value. */
export interface Args {
  _: string[];
  opts: Record<string, string | true>;
}

export function parseArgs(argv: string[]): Args {
  const out: Args = { _: [], opts: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) out.opts[k] = v;
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) out.opts[k] = argv[++i]!;
      else out.opts[k] = true;
    } else out._.push(a);
  }
  return out;
}

export function str(args: Args, key: string): string | undefined {
  const v = args.opts[key];
  return typeof v === 'string' ? v : undefined;
}
