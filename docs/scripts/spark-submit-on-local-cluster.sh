#!/usr/bin/env bash
# `spark-submit` of a sweep to a standalone cluster on this machine, as on a real cluster: the master, two workers
# and the submitting JVM run only Spark's own jars (the provided-scope class path stands in for SPARK_HOME/jars),
# and the app reaches the executors through --jars, as the README's spark-submit line ships it.
# org.apache.spark.deploy.SparkSubmit is what the spark-submit script runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/collapse-lab-spark-submit}
rm -rf "$OUT" && mkdir -p "$OUT/spark-home/jars" "$OUT/spark-home/work"
plain() { sed 's/\x1b\[[0-9;]*m//g'; }
mvn -B -q package -DskipTests
SPARK_CP=$(mvn -B -q dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile=/dev/stdout | plain)
# Spark's logging API and binding, which a Spark distribution carries and the provided scope leaves to the app.
SPARK_CP="$SPARK_CP:$(ls "$PWD"/target/lib/slf4j-api-*.jar "$PWD"/target/lib/logback-*.jar "$PWD"/target/lib/jackson-*.jar | paste -sd:)"
OPENS=$(mvn -B -q help:evaluate -Dexpression=spark.jvm.options -DforceStdout | plain)
export SPARK_HOME="$OUT/spark-home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 SPARK_DIST_CLASSPATH="$SPARK_CP"
PORT=17177
java $OPENS -Xmx512m -cp "$SPARK_CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port $PORT \
    --webui-port 18180 > "$OUT/master.log" 2>&1 &
PIDS=($!)
sleep 5
for i in 1 2; do
  java $OPENS -Xmx512m -cp "$SPARK_CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g \
      --webui-port $((18180 + i)) --work-dir "$OUT/spark-home/work" spark://127.0.0.1:$PORT > "$OUT/worker-$i.log" 2>&1 &
  PIDS+=($!)
done
trap 'kill ${PIDS[*]} 2>/dev/null || true' EXIT
sleep 8
t0=$(date +%s.%N)
set +e
java $OPENS -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:$PORT \
    --class org.collapselab.cli.CollapseLabCommand --conf spark.executor.memory=1g \
    --jars "$(ls "$PWD"/target/lib/*.jar | paste -sd,)" "$PWD/target/collapse-lab.jar" \
    sweep --data sample-data/shapes-imbalanced --config sample-data/scenarios/imbalance.json --epochs 2 \
    --param training.learningRate=1e-3,1e-2 --param data.balance=none,class-weights --master submit \
    --out "$OUT/sweep" > "$OUT/submit.log" 2>&1
code=$?
set -e
printf 'spark-submit sweep: exit %d in %.1f s\n' $code "$(echo "$(date +%s.%N) - $t0" | bc)"
grep -E '^(On Spark|trial-|Wall time)' "$OUT/submit.log" || tail -20 "$OUT/submit.log"
cat "$OUT/sweep/trials.csv"
