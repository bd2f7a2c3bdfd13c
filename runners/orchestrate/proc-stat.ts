/**
 * One line of /proc/<pid>/stat (Linux), read the only safe way: the command name sits in
 * parentheses and may hold spaces or parentheses itself, so the fields are counted from the
 * last closing parenthesis.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  /** R, S, D, T, Z…: a zombie (Z) has died, whoever has yet to wait for it. */
  state: string;
  ppid: number;
  /** Process group and session: a kill of the group reaches every member; neither number is reused while a member lives. */
  pgrp: number;
  session: number;
  /** Start time in clock ticks since boot: with the PID, names one process even after its PID is reused. */
  startTicks: number;
}

/** The process's stat, or undefined once it is gone (or where there is no /proc). */
export function statOf(pid: number): ProcStat | undefined {
  let line: string;
  try {
    line = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After "pid (comm) ": state is field 3, ppid 4, pgrp 5, session 6, starttime 22.
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  const [state, ppid, pgrp, session] = fields;
  const startTicks = Number(fields[19]);
  if (state === undefined || !Number.isFinite(startTicks)) return undefined;
  return { pid, state, ppid: Number(ppid), pgrp: Number(pgrp), session: Number(session), startTicks };
}

/** Every process alive now (zombies left out). */
export function livingProcesses(): ProcStat[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    const stat = statOf(Number(entry));
    return stat === undefined || stat.state === 'Z' ? [] : [stat];
  });
}

/** The command name (/proc/<pid>/comm), or '?' once the process is gone. */
export function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}
