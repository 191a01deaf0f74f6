#!/usr/bin/env bash
# Smoke test of the packaged app (too slow for CI's default path): builds the app-image, runs
# --version, a one-epoch train and a one-epoch bench on the bundled sample through the packaged launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
jpackage/build.sh --app-image-only "$@"
launcher=target/dist/collapse-lab/bin/collapse-lab
"$launcher" --version
out=$(mktemp -d)
set +e
"$launcher" train --data sample-data/shapes --epochs 1 --set data.imageSize=32 --out "$out/run"
code=$?
set -e
echo "train exit code: $code"
test -f "$out/run/report.json" && test -f "$out/run/model.zip"
grep -q '"status" : "completed"' "$out/run/report.json"
# The launcher's JVM options reach the JVM: bench reports the JIT mode it ran with.
"$launcher" bench --data sample-data/shapes --size 28 --channels 1 --epochs 1 | tee "$out/bench.json"
grep -q '"jit":"c1"' "$out/bench.json"
echo "smoke test passed: $out/run"
