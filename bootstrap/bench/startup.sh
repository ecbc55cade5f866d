#!/usr/bin/env bash
# Measures Parley's start-up to ready: from launching the JVM to the first 200 from /health.
# Usage: bootstrap/bench/startup.sh [runs]   (build the jar first; needs curl and a JDK 21+ java)
# Extra JVM flags via PARLEY_BENCH_JAVA_OPTS, e.g. PARLEY_BENCH_JAVA_OPTS=-XX:AOTCache=parley.aot
set -euo pipefail

runs=${1:-5}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/bootstrap/target/parley.jar"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=${PARLEY_BENCH_PORT:-18080}
[[ -f "$jar" ]] || { echo "no $jar: run ./mvnw -B -q -DskipTests package -pl bootstrap -am first" >&2; exit 1; }

times=()
for ((i = 1; i <= runs; i++)); do
  archive=$(mktemp -d)
  start=$(date +%s%N)
  "$java_bin" ${PARLEY_BENCH_JAVA_OPTS:-} -jar "$jar" -micronaut.server.port="$port" -parley.archive.directory="$archive" >/dev/null 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "Parley exited during start-up" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  # CPU time the JVM used until ready (user + system, all threads): less sensitive to other load.
  read -r -a stat < "/proc/$pid/stat"
  cpu_ms=$(( (stat[13] + stat[14]) * 1000 / $(getconf CLK_TCK) ))
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$archive"
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms to ready (${cpu_ms} ms CPU)"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "median of $runs: ${median} ms ($("$java_bin" -version 2>&1 | head -1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
