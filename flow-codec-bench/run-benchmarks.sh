#!/usr/bin/env bash
# Runs the NetFlow v5 (default), NetFlow v9 or sFlow v5 benchmarks pinned to one core and prints a summary table.
#
#   ./run-benchmarks.sh                         # the full run: 3 forks x (5 warmup + 5 measured) x 1 s per benchmark
#   BENCH=Netflow9 ./run-benchmarks.sh          # the NetFlow v9 benchmarks (template=ipv4,ipv6 x buffer=heap,direct)
#   BENCH=Sflow ./run-benchmarks.sh             # the sFlow v5 benchmarks (zero-copy, materialized, typed, encode)
#   BENCH=Ipfix ./run-benchmarks.sh             # IPFIX (template=fixed,strings,stl x buffer=heap,direct)
#   BENCH=ReceivePath ./run-benchmarks.sh -t 2  # the whole receive path, 4 protocols, 256 exporters (-t: threads;
#                                               # pin to both cores with BENCH_CPU=0-1 for -t 2)
#   BENCH=FlowMessage ./run-benchmarks.sh       # goflow2 flow messages per record: fill, JSON, protobuf, String baseline
#   ./run-benchmarks.sh -p buffer=heap,direct   # extra JMH options are passed on
#   ./run-benchmarks.sh -f 1 -wi 1 -i 1         # -f, -wi and -i given here replace the defaults
#   BENCH_CPU=3 ./run-benchmarks.sh             # pin to another core (default: core 1)
#   ./run-benchmarks.sh --report-only           # only print the table of the last run's JSON
#
# That is, by default:
#   taskset -c 1 java -XX:+UseParallelGC -jar target/benchmarks.jar Netflow5 -prof gc -f 3 -wi 5 -i 5 \
#       -rf json -rff target/jmh-netflow5.json "$@"
# (with BENCH=Netflow9: Netflow9 instead of Netflow5, results in target/jmh-netflow9.json; with BENCH=Sflow:
# SflowBenchmark, results in target/jmh-sflow.json)
#
# Build the jar first, from the repository root:
#   mvn -q -pl flow-codec-bench -am package -DskipTests
set -euo pipefail

cd "$(dirname "$0")"
JAR=target/benchmarks.jar
BENCH="${BENCH:-Netflow5}"
case "$BENCH" in
    Netflow5) JSON=target/jmh-netflow5.json ;;
    Netflow9) JSON=target/jmh-netflow9.json ;;
    Sflow) JSON=target/jmh-sflow.json ;;
    Ipfix) JSON=target/jmh-ipfix.json ;;
    ReceivePath) JSON=target/jmh-receivepath.json ;;
    FlowMessage) JSON=target/jmh-flowmessage.json ;;
    *) echo "BENCH must be Netflow5, Netflow9, Sflow, Ipfix, ReceivePath or FlowMessage, not $BENCH" >&2; exit 2 ;;
esac
CPU="${BENCH_CPU:-1}"

if [[ "${1:-}" == "--report-only" ]]; then
    python3 report.py "$JSON"
    exit
fi

if [[ ! -f "$JAR" ]]; then
    echo "$JAR not found; build it from the repository root with:" >&2
    echo "  mvn -q -pl flow-codec-bench -am package -DskipTests" >&2
    exit 1
fi

# JMH refuses an option given twice, so a default is only added when the caller does not give it.
given() {
    local a
    for a in "${ARGS[@]}"; do
        [[ "$a" == "$1" ]] && return 0
    done
    return 1
}
ARGS=("$@")
DEFAULTS=()
given -f || DEFAULTS+=(-f 3)
given -wi || DEFAULTS+=(-wi 5)
given -i || DEFAULTS+=(-i 5)
for fixed in -rf -rff; do
    if given "$fixed"; then
        echo "$fixed is set by this script (results go to $JSON for the table)" >&2
        exit 2
    fi
done

# Forked benchmark JVMs inherit the CPU affinity and (JMH's default) this JVM's options.
echo "+ taskset -c $CPU java -XX:+UseParallelGC -jar $JAR $BENCH -prof gc ${DEFAULTS[*]} -rf json -rff $JSON $*"
taskset -c "$CPU" java -XX:+UseParallelGC -jar "$JAR" "$BENCH" \
    -prof gc "${DEFAULTS[@]}" -rf json -rff "$JSON" "$@"

echo
python3 report.py "$JSON"
