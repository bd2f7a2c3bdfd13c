/**
 * The supervising shell's program (cell-supervisor.ts starts it): POSIX sh, run by dash here,
 * with builtins only on the paths that run often, so supervising a cell costs no extra process.
 *
 * $1: scratch folder (or ''), $2: token, $3: cgroup folder (or ''), $4: a file for the list of
 * what the process left (or ''); the rest: the command line. fd 3 is the watcher's own pipe
 * from the CLI, which the process never holds: a runtime that shuts its stdin down on exit must
 * not pass for the CLI's death. fd 4 keeps stdin for the process (an asynchronous list's stdin
 * is /dev/null otherwise); fd 5, where there is one, is Node's IPC channel (the server's).
 */

/** The variable that marks every process a supervised process started, wherever it went. */
export const CELL_TOKEN_VARIABLE = 'BENCH_CELL_TOKEN';

// `walk PID` prints "PID START" for every process below PID but the watcher: the children
// files of each thread, and field 22 of /proc/PID/stat (start time), counted after the
// command name, which may hold spaces. Where the shell is a subreaper (subreaper.ts), every
// orphan of the tree is below it, so this is all the tree still running.
const WALK = [
  'walk() {',
  '  local t kids c line',
  '  for t in /proc/$1/task/*/children; do',
  '    kids=; read -r kids 2>/dev/null <"$t"',
  '    for c in $kids; do',
  '      [ "$c" = "$watcher" ] && continue',
  '      line=; read -r line 2>/dev/null <"/proc/$c/stat"',
  '      [ -n "$line" ] || continue',
  `      set -- \${line##*) }; shift 19; echo "$c $1"`,
  '      walk "$c"',
  '    done',
  '  done',
  '}',
];

// The watcher starts first, so it stays out of the cgroup the shell then joins; it tells the
// CLI its PID (the pipe is a socket: both ways), then collects what the CLI sends where
// nothing else holds the tree ("p PID START", "g PGID", "s SID": descendant-tracker.ts) until
// EOF, which comes only when the CLI is gone or done with it. Then it ends everything: the
// cgroup, the tree below the shell (twice: one may fork meanwhile), the marked, every process
// whose group or session it was sent or whose PID and start time it was (fields 5, 6 and 22),
// removes the scratch folder and the cgroup, and kills the group, the shell and itself with it.
// It outlives the shell: a process that ends because the CLI is gone must not take it along.
const WATCHER = [
  '(',
  '  read -r me _ </proc/self/stat; echo "$me" >&3; watcher=$me',
  '  pids=; groups=; sessions=',
  '  while read -r kind id start <&3; do',
  '    case $kind in p) pids="$pids $id:$start" ;; g) groups="$groups $id" ;; s) sessions="$sessions $id" ;; esac',
  '  done',
  '  if [ -n "$cg" ]; then echo 1 >"$cg/cgroup.kill" || for p in $(cat "$cg/cgroup.procs"); do kill -KILL "$p"; done; fi',
  '  for round in 1 2; do walk $$ | while read -r p _; do kill -KILL "$p"; done; done',
  // One grep over every environ file: a loop of greps would leave a hung process spinning for a second.
  `  for f in $(grep -las "${CELL_TOKEN_VARIABLE}=$token" /proc/[0-9]*/environ); do p=\${f#/proc/}; kill -KILL "\${p%/environ}"; done`,
  '  if [ -n "$pids$groups$sessions" ]; then',
  '    for f in /proc/[0-9]*/stat; do',
  `      p=\${f#/proc/}; p=\${p%/stat}`,
  '      [ "$p" = "$me" ] && continue',
  '      read -r line <"$f" || continue',
  `      set -- \${line##*) }`,
  '      case " $groups " in *" $3 "*) kill -KILL "$p"; continue ;; esac',
  '      case " $sessions " in *" $4 "*) kill -KILL "$p"; continue ;; esac',
  '      shift 19',
  '      case " $pids " in *" $p:$1 "*) kill -KILL "$p" ;; esac',
  '    done',
  '  fi',
  '  [ -z "$scratch" ] || rm -rf "$scratch"',
  '  [ -z "$left" ] || rm -f "$left"',
  '  if [ -n "$cg" ]; then i=0; until rmdir "$cg" || [ $i -ge 50 ]; do sleep 0.01; i=$((i + 1)); done; fi',
  '  kill -KILL 0',
  ') </dev/null >/dev/null 2>&1 4<&- 5<&- &',
  'watcher=$!',
];

export const SUPERVISOR_SCRIPT = [
  'scratch=$1; token=$2; cg=$3; left=$4; shift 4; exec 4<&0',
  ...WALK,
  ...WATCHER,
  `if [ -n "$cg" ] && ! echo $$ >"$cg/cgroup.procs"; then echo "bench: could not move the process into its cgroup $cg: run with BENCH_NO_CGROUP=1" >&2; exit 125; fi`,
  `${CELL_TOKEN_VARIABLE}=$token "$@" <&4 3<&- 4<&- &`,
  'child=$!',
  // Quiet: dash reports a job killed by a signal ("Terminated"), which would pass for the process's last words.
  'wait "$child" 2>/dev/null; status=$?',
  // What the process left, for the CLI to end and count (it reads the file when the shell is gone).
  '[ -z "$left" ] || walk $$ >"$left"',
  'exit "$status"',
].join('\n');
