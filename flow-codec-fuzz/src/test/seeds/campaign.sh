#!/bin/sh
# Runs real fuzzing campaigns, one target after the other, on CPU 0 only (CPU 1 is kept for benchmarks).
#   flow-codec-fuzz/src/test/seeds/campaign.sh 10m Netflow5FuzzTest#decode Netflow9FuzzTest#decode ...
# Logs go to flow-codec-fuzz/target/campaigns/<Class>_<method>.log; findings into the target's inputs directory.
set -u
cd "$(dirname "$0")/../../../.." || exit 1
duration=$1
shift
mkdir -p flow-codec-fuzz/target/campaigns
for target in "$@"; do
    log="flow-codec-fuzz/target/campaigns/$(echo "$target" | tr '#' '_').log"
    echo "$(date -u +%FT%TZ) start $target" >> flow-codec-fuzz/target/campaigns/runs.txt
    JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" taskset -c 0 \
        mvn -o -B -pl flow-codec-fuzz test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1
    echo "$(date -u +%FT%TZ) end $target rc=$?" >> flow-codec-fuzz/target/campaigns/runs.txt
done
