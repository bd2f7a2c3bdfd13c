/**
 * The fallback where no cgroup holds a supervised tree (cgroup-scope.ts): while the tree
 * lives, the CLI walks it from the supervising shell and remembers every process it has seen
 * (PID and start time), every process group and every session. What later leaves the tree —
 * its parent exits, it calls setsid, it clears its environment so the token is gone — is still
 * found: by its PID and start time, or by the group or session it was seen in (a session or a
 * group holds whatever its members start, and neither number is reused while a member lives).
 *
 * What escapes: a process that forks, detaches and clears its environment within one walk (a
 * double fork, `setsid -f` with `env: {}`) before its parent was ever seen in another session.
 * Only a cgroup (or a subreaper, which Node cannot become) holds that one.
 *
 * Each record is also sent to the supervisor's watcher (cell-supervisor.ts), which kills what
 * they name if the CLI dies.
 */
import { processTree } from '../common/process-tree.js';
import { livingProcesses, statOf, type ProcStat } from './proc-stat.js';

/** Often enough that a helper is seen before its parent ends; a walk of a few threads' files costs ~0.1 ms. */
export const TRACK_MS = 25;

export class DescendantTracker {
  private readonly seen = new Map<number, number>();
  private readonly groups = new Set<number>();
  private readonly sessions = new Set<number>();
  /** The CLI's own group and session: never a target, whatever a process joined. */
  private readonly own: { pgrp: number; session: number } | undefined;

  /**
   * `root`: the supervising shell, leader of a session and group of its own (spawned
   * detached); `supervisors`: its own processes (it and its watcher), never counted as the
   * tree's; `record`: told each new record as a line ("p PID START", "g PGID", "s SID").
   */
  constructor(
    private readonly root: number,
    private readonly supervisors: () => ReadonlySet<number>,
    private readonly record: (line: string) => void,
  ) {
    const self = statOf(process.pid);
    this.own = self === undefined ? undefined : { pgrp: self.pgrp, session: self.session };
    this.note('g', root, this.groups);
    this.note('s', root, this.sessions);
  }

  private note(kind: 'g' | 's', id: number, into: Set<number>): void {
    if (into.has(id) || id === this.own?.pgrp || id === this.own?.session || id <= 1) return;
    into.add(id);
    this.record(`${kind} ${id}`);
  }

  /** One walk of the tree as it stands now. */
  poll(): void {
    const skip = this.supervisors();
    for (const pid of processTree(this.root)) {
      if (skip.has(pid) || this.seen.has(pid)) continue;
      const stat = statOf(pid);
      if (stat === undefined || stat.state === 'Z') continue;
      this.seen.set(pid, stat.startTicks);
      this.record(`p ${pid} ${stat.startTicks}`);
      this.note('g', stat.pgrp, this.groups);
      this.note('s', stat.session, this.sessions);
    }
  }

  /** Every living process the tree's records name, less the supervisors' and the CLI itself. */
  survivors(): ProcStat[] {
    const skip = this.supervisors();
    return livingProcesses().filter(
      (stat) =>
        stat.pid !== process.pid &&
        !skip.has(stat.pid) &&
        (this.seen.get(stat.pid) === stat.startTicks || this.groups.has(stat.pgrp) || this.sessions.has(stat.session)),
    );
  }
}
