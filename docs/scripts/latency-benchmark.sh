#!/usr/bin/env bash
# Time to first feedback (issue #19), on the bundled sample. Prints the figures; asserts nothing.
#   GUI: command typed -> window shown -> window with the sample loaded; Train pressed -> network built ->
#        first minibatch -> first loss point drawn -> first epoch (metrics, confusion matrix) drawn; once cold
#        (Train pressed as soon as the sample shows) and twice warm (after moving the learning-rate slider).
#   CLI: `diagnose` on sample-data/shapes-imbalanced, end to end.
# Usage (repository root, after `mvn -o -q package -DskipTests`; needs Xvfb):
#   docs/scripts/latency-benchmark.sh [--no-diagnose] [JAVA_OPTION...]
# With no JAVA_OPTION it starts the jar as users do, `java -jar` (which relaunches itself with C1 only).
set -euo pipefail
cd "$(dirname "$0")/../.."
diagnose=true
if [[ "${1:-}" == "--no-diagnose" ]]; then diagnose=false; shift; fi
display=${LATENCY_DISPLAY:-:86}
jar=${LATENCY_JAR:-target/collapse-lab.jar}
if ! xdpyinfo -display "$display" >/dev/null 2>&1; then
  Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb' EXIT
  sleep 1
fi
runs=$(mktemp -d)
log=$(mktemp)
launched=$(date +%s%3N)
DISPLAY=$display java "$@" -Dcollapselab.prefs=collapselab-latency-benchmark -Dcollapselab.runs="$runs" \
  -Dcollapselab.latencyBenchmark="$launched" -jar "$jar" >"$log" 2>&1 || true
grep -E "window shown|latency after Train|latency-benchmark" "$log" | sed 's/^[0-9:.]* *[A-Z]* *//'
if $diagnose; then
  start=$(date +%s%3N)
  java "$@" -jar "$jar" diagnose --data sample-data/shapes-imbalanced --out "$runs/diagnose" \
    >"$log" 2>&1 || true
  echo "diagnose_s $(( ($(date +%s%3N) - start) )) ms end to end; its steps:"
  grep -iE "step|took| s\)" "$log" | head -20 || true
fi
rm -rf "$runs" "$log"
