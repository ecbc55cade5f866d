#!/usr/bin/env bash
# Measures Parley's start-up to ready: from launching the JVM to the first 200 from /health, and
# the CPU time (user + system, all threads) the JVM used until then. Two ways of starting, run
# alternately so a busy neighbour slows both alike:
#   readme  the README's run command, bootstrap/bin/parley (its class cache made beforehand by one
#           creating run, reported apart)
#   plain   java -jar bootstrap/target/parley.jar
# With PARLEY_BENCH_BASELINE_JAR=/path/to/an/older/parley.jar the same two run on that jar too,
# interleaved with the others, and the medians are given as ratios (this jar / baseline).
# With PARLEY_BENCH_FLOOR=1 it first builds the start-up floor (bootstrap/bench/floor: the smallest
# Micronaut application on Parley's stack, one JSON route) four ways and starts those plainly too,
# interleaved: how much of a plain start the framework alone takes, before any of Parley's work.
#
# Usage: bootstrap/bench/startup.sh [runs]   (default 5; build the jar first; needs curl and a JDK 21+)
# JAVA_HOME picks the JDK. PARLEY_BENCH_JAVA_OPTS adds JVM flags to every start. Port 18080
# (PARLEY_BENCH_PORT).
set -euo pipefail

runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/bootstrap/target/parley.jar"
baseline=${PARLEY_BENCH_BASELINE_JAR:-}
floor=${PARLEY_BENCH_FLOOR:-0}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=${PARLEY_BENCH_PORT:-18080}
extra=${PARLEY_BENCH_JAVA_OPTS:-}
clock_ticks=$(getconf CLK_TCK)
[[ -f "$jar" ]] || { echo "no $jar: run ./mvnw -B -q -DskipTests package -pl bootstrap -am first" >&2; exit 1; }
[[ -z "$baseline" || -f "$baseline" ]] || { echo "no baseline jar $baseline" >&2; exit 1; }
if curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; then
  echo "something already answers on port $port; set PARLEY_BENCH_PORT" >&2; exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -n "$baseline" ]]; then
  cp "$baseline" "$work/baseline.jar" # its own copy: its class cache must not replace this jar's
  baseline="$work/baseline.jar"
fi
# The floor's four builds: JSON by jackson-databind (as Parley) or micronaut-serde, without or with
# the management endpoints and the Prometheus registry with the JVM's meters (as Parley).
floors=(floor-jackson floor-serde floor-jackson-meters floor-serde-meters)
if [[ $floor == 1 ]]; then
  for f in "${floors[@]}"; do
    flags=()
    [[ $f != *serde* ]] || flags+=(-Dserde)
    [[ $f != *meters ]] || flags+=(-Dmeters)
    "$root/mvnw" -B -q -f "$root/bootstrap/bench/floor/pom.xml" clean package ${flags[@]+"${flags[@]}"} >"$work/build.log" 2>&1 \
      || { echo "building the floor ($f) failed:" >&2; tail -20 "$work/build.log" >&2; exit 1; }
    cp "$root/bootstrap/bench/floor/target/floor.jar" "$work/$f.jar"
  done
fi

# start <variant>: launches Parley the variant's way in the background; sets $pid.
start() {
  local archive
  archive=$(mktemp -d "$work/archive.XXXXXX")
  local app=(-micronaut.server.port="$port" -parley.archive.directory="$archive")
  case "$1" in
    readme) JAVA_OPTS="$extra" "$root/bootstrap/bin/parley" "${app[@]}" >"$work/out.log" 2>&1 & ;;
    plain) "$java_bin" $extra -jar "$jar" "${app[@]}" >"$work/out.log" 2>&1 & ;;
    baseline-readme) PARLEY_JAR="$baseline" JAVA_OPTS="$extra" "$root/bootstrap/bin/parley" "${app[@]}" >"$work/out.log" 2>&1 & ;;
    baseline-plain) "$java_bin" $extra -jar "$baseline" "${app[@]}" >"$work/out.log" 2>&1 & ;;
    floor-*) "$java_bin" $extra -jar "$work/$1.jar" "${app[@]}" >"$work/out.log" 2>&1 & ;;
  esac
  pid=$!
}

# once <variant>: one start to ready; prints "<ms> <cpu ms>" and stops Parley (which, on a creating run, writes the cache).
once() {
  start "$1"
  local begin end
  begin=$(date +%s%N)
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "Parley ($1) exited during start-up:" >&2; tail -5 "$work/out.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  local stat
  read -r -a stat <"/proc/$pid/stat"
  local cpu=$(((stat[13] + stat[14]) * 1000 / clock_ticks))
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$(((end - begin) / 1000000)) $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

variants=(readme plain)
[[ -z "$baseline" ]] || variants+=(baseline-readme baseline-plain)
[[ $floor != 1 ]] || variants+=("${floors[@]}")

# The README command's first run makes its cache (remove it first, so this run measures creation too).
rm -f "$root"/bootstrap/target/parley.jsa "$root"/bootstrap/target/parley.jdk-*.aot
for v in "${variants[@]}"; do
  if [[ $v == *readme ]]; then
    read -r ms cpu < <(once "$v") && [[ -n "${cpu:-}" ]] || exit 1
    echo "$v, creating its cache: ${ms} ms to ready (${cpu} ms CPU)"
  fi
done

declare -A wall cpus
for ((i = 1; i <= runs; i++)); do
  for v in "${variants[@]}"; do
    read -r ms cpu < <(once "$v") && [[ -n "${cpu:-}" ]] || exit 1
    wall[$v]+="$ms "
    cpus[$v]+="$cpu "
    echo "run $i, $v: ${ms} ms to ready (${cpu} ms CPU)"
  done
done

echo "median of $runs ($("$java_bin" -version 2>&1 | head -1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)):"
declare -A med_wall med_cpu
for v in "${variants[@]}"; do
  med_wall[$v]=$(tr ' ' '\n' <<<"${wall[$v]}" | grep . | median)
  med_cpu[$v]=$(tr ' ' '\n' <<<"${cpus[$v]}" | grep . | median)
  printf '  %-20s %6d ms to ready  %6d ms CPU   runs: %s\n' "$v" "${med_wall[$v]}" "${med_cpu[$v]}" "${wall[$v]}"
done
if [[ -n "$baseline" ]]; then
  for v in readme plain; do
    awk -v v="$v" -v a="${med_wall[$v]}" -v b="${med_wall[baseline-$v]}" -v c="${med_cpu[$v]}" -v d="${med_cpu[baseline-$v]}" \
      'BEGIN {printf "  %-7s this jar / baseline: %.2f wall, %.2f CPU\n", v, a / b, c / d}'
  done
fi
echo "  readme / plain: $(awk -v a="${med_wall[readme]}" -v b="${med_wall[plain]}" 'BEGIN {printf "%.2f", a / b}') wall," \
  "$(awk -v a="${med_cpu[readme]}" -v b="${med_cpu[plain]}" 'BEGIN {printf "%.2f", a / b}') CPU"
if [[ $floor == 1 ]]; then
  echo "  plain / floor-jackson-meters (the floor on Parley's own stack): $(awk -v a="${med_wall[plain]}" -v b="${med_wall[floor-jackson-meters]}" 'BEGIN {printf "%.2f", a / b}') wall," \
    "$(awk -v a="${med_cpu[plain]}" -v b="${med_cpu[floor-jackson-meters]}" 'BEGIN {printf "%.2f", a / b}') CPU"
fi
