#!/usr/bin/env bash
# The performance-regression job, all of its logic, so it runs the same on a laptop, here,
# and in .github/workflows/bench-regression.yml (which only sets up, calls this, and
# uploads $BENCH_CI_OUT). Steps: run → compare with the committed baseline of this
# machine's fingerprint (confirming regressions with fresh re-runs) → markdown summary
# (also to $GITHUB_STEP_SUMMARY) → history line → HTML report and PNG charts.
#
# Exit: 0 no confirmed regression · 1 a confirmed regression · 2 bad input or set-up.
# Needs a built checkout (bash scripts/setup.sh); builds dist/ itself if it is missing.
#
# Settings (environment):
#   BENCH_SUITES       --suite of the run: fib, sort, sha256, all, a list or a suite file (all)
#   BENCH_STRATEGIES   --strategies (all)             BENCH_ROUNDS      --rounds (5)
#   BENCH_PHASE_TIME   --phase-time ms (1000)         BENCH_WORKERS     --workers (cores)
#   BENCH_THRESHOLD    compare --threshold (10%)      BENCH_AUTO_RERUN  fresh rounds to confirm a regression (5; 0: off)
#   BENCH_BASELINE     a baseline file to use (default: results/baseline/<fingerprint>.json)
#   BENCH_BASELINE_DIR where baselines live (results/baseline)
#   BENCH_NORMALIZE    1: always compare speedups over main-thread (--normalize), also with this
#                      fingerprint's own baseline, as the nightly job on varying runners does (0)
#   BENCH_HISTORY      history file to append to (results/history.jsonl; empty: none)
#   BENCH_CI_OUT       everything this job writes, for the artifact (results/ci)
set -euo pipefail
cd "$(dirname "$0")/.."

suites=${BENCH_SUITES:-all}
strategies=${BENCH_STRATEGIES:-}
rounds=${BENCH_ROUNDS:-5}
phase_time=${BENCH_PHASE_TIME:-}
workers=${BENCH_WORKERS:-}
threshold=${BENCH_THRESHOLD:-10%}
auto_rerun=${BENCH_AUTO_RERUN:-5}
baseline_dir=${BENCH_BASELINE_DIR:-results/baseline}
history=${BENCH_HISTORY-results/history.jsonl}
out=${BENCH_CI_OUT:-results/ci}
summary="$out/summary.md"

say() { printf 'ci-regression: %s\n' "$*" >&2; }
bench() { node dist/scripts/cli/bench.js "$@"; }
# Appends the summary to the GitHub job page, when there is one.
publish() {
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$summary" >> "$GITHUB_STEP_SUMMARY"; fi
  cat "$summary"
}

[ -f dist/scripts/cli/bench.js ] || { say "dist/ is missing: building"; npm run build >&2; }

# Fresh output folders each time (only the ones this script owns), so the artifact holds
# this run and nothing older.
rm -rf "$out/run" "$out/rerun" "$out/report" "$out/charts" "$summary" "$out/compare.json"
mkdir -p "$out/run" "$out/rerun"

run_args=(run --suite "$suites" --rounds "$rounds" --out "$out/run" --no-report)
[ -n "$strategies" ] && run_args+=(--strategies "$strategies")
[ -n "$phase_time" ] && run_args+=(--phase-time "$phase_time")
[ -n "$workers" ] && run_args+=(--workers "$workers")
say "bench ${run_args[*]}"
set +e
bench "${run_args[@]}"
status=$?
set -e
if [ "$status" -ne 0 ]; then say "bench run failed (exit $status)"; exit 2; fi
current=$(ls "$out/run"/*.json)

# The baseline: an explicit one, else the one of this run's fingerprint. A runner of
# another CPU or Node version has none: then the first committed baseline, compared with
# --normalize (each strategy's speedup over main-thread, which travels across machines).
normalize=()
[ "${BENCH_NORMALIZE:-0}" = 1 ] && normalize=(--normalize)
baseline=${BENCH_BASELINE:-}
if [ -z "$baseline" ]; then
  baseline=$(bench baseline path "$current" --dir "$baseline_dir")
  if [ ! -f "$baseline" ]; then
    other=$(ls "$baseline_dir"/*.json 2>/dev/null | head -n 1 || true)
    if [ -z "$other" ]; then
      {
        echo "### bench regression: no baseline yet"
        echo
        echo "Nothing to compare with: no baseline in \`$baseline_dir\` for this machine ($(basename "$baseline" .json))."
        echo "To adopt the job, take \`run/*.json\` from this job's artifact, then run"
        echo "\`npx bench baseline save <that file>\` and commit \`$baseline\`."
      } > "$summary"
      publish
      say "no baseline: nothing compared (exit 0)"
      baseline=""
    else
      say "no baseline for this fingerprint ($baseline); comparing speedups with $other (--normalize)"
      baseline=$other
      normalize=(--normalize)
    fi
  fi
fi

compare_status=0
if [ -n "$baseline" ]; then
  set +e
  bench compare "$baseline" "$current" --threshold "$threshold" --auto-rerun "$auto_rerun" --suite "$suites" \
    --rerun-out "$out/rerun" --markdown "$summary" --json "${normalize[@]}" > "$out/compare.json"
  compare_status=$?
  set -e
  if [ "$compare_status" -ge 2 ]; then say "bench compare failed (exit $compare_status)"; exit 2; fi
  publish
fi

# The history and the report are part of the job's output: failing to write them is a
# set-up problem (2), unless a regression (1) already decides the outcome.
outputs_failed=0
set +e
if [ -n "$history" ]; then
  bench history append "$current" --file "$history" || { say "the history line could not be appended to $history"; outputs_failed=1; }
fi
report_args=(report "$current" --html "$out/report/report.html" --png "$out/charts")
# With a history, the HTML report gains a trend chart per suite.
[ -n "$history" ] && [ -f "$history" ] && report_args+=(--history "$history")
bench "${report_args[@]}" || { say "the HTML report could not be written"; outputs_failed=1; }
set -e
if [ "$outputs_failed" -ne 0 ]; then
  [ "$compare_status" -eq 1 ] && exit 1
  exit 2
fi

case "$compare_status" in
  0) say "no confirmed regression (exit 0); outputs in $out/" ;;
  1) say "confirmed regression (exit 1): see $summary" ;;
esac
exit "$compare_status"
