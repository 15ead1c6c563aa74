import cliProgress from 'cli-progress';

const LABELS: Record<string, string> = {
  regions: '区划 regions',
  groups: '村民小组 groups',
  command: '指挥体系 command',
  users: '用户 users',
  households: '农户 households',
  forces: '帮扶力量 help forces',
  attendance: '驻村考勤 attendance',
  pairings: '结对帮扶 pairings',
};

/** A progress reporter for the terminal: one bar per step (plain lines when not a TTY). */
export function terminalProgress() {
  let bar: cliProgress.SingleBar | null = null;
  let current = '';
  let lastLine = 0;
  const tty = process.stdout.isTTY;
  const report = (step: string, done: number, total: number) => {
    if (step !== current) {
      bar?.stop();
      current = step;
      bar = tty
        ? new cliProgress.SingleBar(
            { format: `  ${(LABELS[step] ?? step).padEnd(18)} [{bar}] {percentage}% {value}/{total}` },
            cliProgress.Presets.shades_classic,
          )
        : null;
      bar?.start(total, 0);
    }
    if (bar) {
      bar.setTotal(total);
      bar.update(done);
    } else if (done === total || Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      console.log(`  ${LABELS[step] ?? step}: ${done}/${total}`);
    }
  };
  return { report, stop: () => bar?.stop() };
}
