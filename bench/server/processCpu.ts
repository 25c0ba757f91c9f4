/**
 * CPU time of whole process trees, read from Linux's /proc, for the benchmark's CPU per answer: a class server
 * (one Node process) or a PostgreSQL cluster (the postmaster and a backend per connection, which come and go).
 *
 * A tree's time is its root's own user + system time, the time of its children that have exited and been waited
 * for (cutime + cstime, which the kernel adds to the parent), and the time of every descendant still running. The
 * difference between two readings therefore counts a backend that exited between them exactly once.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of /proc/<pid>/stat's times (100 on every common Linux). */
const TICKS_PER_SEC = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  pid: number;
  parent: number;
  /** utime + stime + cutime + cstime, in ticks. */
  ticks: number;
}

/** Reads /proc/<pid>/stat; undefined when the process is gone (or never was). */
function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces or parentheses: split after the last one.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14–17.
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
  return { pid, parent: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime! };
}

function allProcesses(): ProcStat[] {
  const found: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) found.push(stat);
  }
  return found;
}

/**
 * CPU seconds used so far by the trees rooted at `roots` (each root with all its descendants). A root that is
 * not running counts nothing.
 */
export function treeCpuSeconds(roots: readonly number[]): number {
  if (roots.length === 0) return 0;
  const processes = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const stat of processes) {
    const list = children.get(stat.parent) ?? [];
    list.push(stat);
    children.set(stat.parent, list);
  }
  const byPid = new Map(processes.map((stat) => [stat.pid, stat]));
  let ticks = 0;
  const counted = new Set<number>();
  const queue = roots.map((pid) => byPid.get(pid)).filter((stat): stat is ProcStat => stat !== undefined);
  while (queue.length > 0) {
    const stat = queue.pop()!;
    if (counted.has(stat.pid)) continue;
    counted.add(stat.pid);
    ticks += stat.ticks;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return ticks / TICKS_PER_SEC;
}
