#!/usr/bin/env bash
# Runs the full benchmark set (./ew bench) and writes the Markdown report that goes into
# docs/performance.md. The UI section needs a display, so everything runs under xvfb-run when
# there is no DISPLAY. Generated inputs are kept in target/bench-data (several GB in full mode,
# never committed) and reused by the next run.
#
#   bench/run-bench.sh            full set (about 15-25 minutes on 2 cores, more the first time: data generation)
#   bench/run-bench.sh --quick    quick set (about two minutes once the data exists)
#   bench/run-bench.sh --only ingest,analysis
#
# Output: target/bench-report-YYYYmmdd-HHMMSS.md (report) and .log (progress lines).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p target
stamp="$(date +%Y%m%d-%H%M%S)"
report="target/bench-report-$stamp.md"
log="target/bench-report-$stamp.log"

run() {
  if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
    xvfb-run -a -s "-screen 0 1920x1080x24" "$ROOT/ew" bench "$@"
  else
    "$ROOT/ew" bench "$@"
  fi
}

set +e
run "$@" >"$report" 2>"$log"
code=$?
set -e
cat "$report"
echo "report: $report (progress log: $log); exit code $code (1 = a target was missed)" >&2
exit "$code"
