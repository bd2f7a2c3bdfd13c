/**
 * What a run that died without a word leaves behind — SIGKILL of the CLI, the OOM killer, a
 * crash of the runtime, a power cut — and the next run's one line about it.
 *
 * While a run writes `<out>/<run-id>.json` it keeps `<run-id>.json.running` beside it,
 * naming its PID; every way out of the CLI but a kill removes it. So the next run that
 * writes into the same directory can tell a results file that is incomplete because its
 * writer died (the marker stays, its PID gone) from one that was interrupted (Ctrl-C:
 * marked so in the file) or is being written now (PID alive). Scratch folders
 * (`bench-<kind>-<pid>-XXXXXX` in the temp directory) and half-written temp files
 * (`<file>.<pid>.<hex>.tmp`, write-atomic.ts) carry their writer's PID in their names, so
 * the stale ones can be removed without touching a run that is still going.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, relative } from 'node:path';

const MARKER_SUFFIX = '.running';
/** `bench-cells-1234-a1B2c3` (mkdtemp adds six characters). */
const SCRATCH_NAME = /^bench-[a-z-]+-(\d+)-[A-Za-z0-9]{6}$/;
/** `<file>.<pid>.<8 hex>.tmp`, as write-atomic.ts names them. */
const TEMP_NAME = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

interface Marker {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux): a reused PID is not the writer. */
  startTicks: number | null;
  hostname: string;
  startedAt: string;
}

/** The temp-directory prefix for a run's scratch folder of `kind` (e.g. 'cells'): it names this process. */
export const scratchPrefix = (kind: string): string => join(os.tmpdir(), `bench-${kind}-${process.pid}-`);

/** Field 22 of /proc/<pid>/stat, or null where there is no /proc. */
function startTicksOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is the state (field 3): a zombie has died, whoever has yet to reap it.
    if (fields[0] === 'Z') return -1;
    return Number(fields[19]);
  } catch {
    return null;
  }
}

/** Whether `pid` is still the process that wrote a marker (or, without a start time, any process). */
function alive(pid: number, startTicks: number | null = null): boolean {
  try {
    process.kill(pid, 0);
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const now = startTicksOf(pid);
  if (now === -1) return false;
  return startTicks === null || now === null || now === startTicks;
}

const markers = new Set<string>();
let exitHook = false;

/**
 * Marks `resultsPath` as being written by this process; returns the release, which
 * finish() calls. An exit of any kind but a kill releases it too.
 */
export function markRunning(resultsPath: string): () => void {
  const marker = `${resultsPath}${MARKER_SUFFIX}`;
  const content: Marker = {
    pid: process.pid,
    startTicks: startTicksOf(process.pid),
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, `${JSON.stringify(content)}\n`);
  markers.add(marker);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const path of markers) rmSync(path, { force: true });
    });
  }
  return () => {
    markers.delete(marker);
    rmSync(marker, { force: true });
  };
}

const entries = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

function readMarker(path: string): Marker | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Marker>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string') return undefined;
    return { pid: value.pid, startTicks: value.startTicks ?? null, hostname: value.hostname, startedAt: String(value.startedAt ?? '') };
  } catch {
    return undefined;
  }
}

const ownedByMe = (path: string): boolean => {
  try {
    return process.getuid === undefined || statSync(path).uid === process.getuid();
  } catch {
    return false;
  }
};

/**
 * Finds what dead runs left in `outDir` (the results directory this run writes into) and
 * in `tmpDir`, removes their markers, scratch folders and temp files (their results files
 * are kept: they hold what was measured), and returns one line saying so, or undefined.
 */
export function noticeLeftovers(outDir: string, tmpDir = os.tmpdir()): string | undefined {
  const dead: string[] = [];
  for (const name of entries(outDir)) {
    const path = join(outDir, name);
    const temp = TEMP_NAME.exec(name);
    if (temp && !alive(Number(temp[1])) && ownedByMe(path)) {
      rmSync(path, { force: true });
      continue;
    }
    if (!name.endsWith(MARKER_SUFFIX)) continue;
    const marker = readMarker(path);
    // Another machine's run (a shared directory) cannot be checked: it is left alone.
    if (marker && (marker.hostname !== os.hostname() || alive(marker.pid, marker.startTicks))) continue;
    rmSync(path, { force: true });
    const results = path.slice(0, -MARKER_SUFFIX.length);
    const shown = relative(process.cwd(), results) || basename(results);
    const saved = entries(outDir).includes(basename(results));
    dead.push(`pid ${marker?.pid ?? '?'}: ${saved ? `${shown} holds what it measured, marked incomplete` : `nothing saved (${shown})`}`);
  }
  let scratch = 0;
  for (const name of entries(tmpDir)) {
    const match = SCRATCH_NAME.exec(name);
    const path = join(tmpDir, name);
    if (!match || alive(Number(match[1])) || !ownedByMe(path)) continue;
    rmSync(path, { recursive: true, force: true });
    scratch++;
  }
  const removed = scratch === 0 ? '' : `removed ${scratch} scratch folder${scratch === 1 ? '' : 's'} left in ${tmpDir}`;
  if (dead.length === 0) return removed === '' ? undefined : `bench: ${removed} by runs that were killed`;
  const runs = dead.length === 1 ? 'an earlier run was killed or crashed' : `${dead.length} earlier runs were killed or crashed`;
  return `bench: ${runs} before finishing (${dead.join('; ')})${removed === '' ? '' : `; ${removed}`}`;
}
