#!/usr/bin/env bash
# The sample sweep (sample-data/sweeps/README.md) run three ways on this machine, printing each wall time and
# whether the three trials.csv files agree: the local thread pool, Spark local[2], and a standalone Spark cluster
# of two one-core workers (master, workers and executors as separate JVMs on 127.0.0.1).
# Spark comes from the Maven build's provided scope here; on a real cluster, spark-submit brings it.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/collapse-lab-sweep-three-ways}
rm -rf "$OUT" && mkdir -p "$OUT/spark-home/jars" "$OUT/spark-home/work"
mvn -B -q package -DskipTests
plain() { sed 's/\x1b\[[0-9;]*m//g'; }
CP="$PWD/target/collapse-lab.jar:$(mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout | plain)"
OPENS=$(mvn -B -q help:evaluate -Dexpression=spark.jvm.options -DforceStdout | plain)
JAVA=(java $OPENS -XX:TieredStopAtLevel=1 -cp "$CP")
SWEEP=(org.collapselab.cli.CollapseLabCommand sweep --data sample-data/shapes-imbalanced
       --config sample-data/scenarios/imbalance.json --epochs 9
       --param training.learningRate=log:1e-4..1e-2:5 --param data.balance=none,class-weights)

timed() { local name=$1; shift; local t0=$(date +%s.%N); "$@" > "$OUT/$name.log" 2>&1 || true;
          printf '%-12s %6.1f s\n' "$name" "$(echo "$(date +%s.%N) - $t0" | bc)"; }

timed pool "${JAVA[@]}" "${SWEEP[@]}" --parallel 2 --out "$OUT/pool"
timed local2 "${JAVA[@]}" "${SWEEP[@]}" --master 'local[2]' --out "$OUT/local2"

export SPARK_HOME="$OUT/spark-home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 SPARK_DIST_CLASSPATH="$CP"
PORT=17077
"${JAVA[@]}" -Xmx512m org.apache.spark.deploy.master.Master --host 127.0.0.1 --port $PORT --webui-port 18080 \
    > "$OUT/master.log" 2>&1 &
PIDS=($!)
sleep 5
for i in 1 2; do
  "${JAVA[@]}" -Xmx512m org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g \
      --webui-port $((18080 + i)) --work-dir "$OUT/spark-home/work" spark://127.0.0.1:$PORT > "$OUT/worker-$i.log" 2>&1 &
  PIDS+=($!)
done
trap 'kill ${PIDS[*]} 2>/dev/null || true' EXIT
sleep 8
timed standalone java $OPENS -XX:TieredStopAtLevel=1 -Dspark.executor.extraClassPath="$CP" \
    -Dspark.executor.memory=1g -cp "$CP" "${SWEEP[@]}" --master spark://127.0.0.1:$PORT --out "$OUT/standalone"

# The rows without the seconds column: the three must be identical.
for way in pool local2 standalone; do
  python3 - "$OUT/$way/trials.csv" > "$OUT/$way.rows" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for r in sorted(rows, key=lambda r: int(r["trial"])):
    print(",".join(v for k, v in r.items() if k != "seconds"))
PY
done
cmp -s "$OUT/pool.rows" "$OUT/local2.rows" && cmp -s "$OUT/pool.rows" "$OUT/standalone.rows" \
  && echo "trials.csv: the same rows three ways ($(wc -l < "$OUT/pool.rows") trials)" \
  || { echo "trials.csv differs:"; diff "$OUT/pool.rows" "$OUT/local2.rows" || true; diff "$OUT/pool.rows" "$OUT/standalone.rows" || true; }
