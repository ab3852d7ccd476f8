#!/bin/sh
# Summarizes campaign logs: executions, exec/s, coverage (cov/ft/corpus), peak RSS, findings.
cd "$(dirname "$0")/../../../target/campaigns" || exit 1
for log in *.log; do
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
    [ -z "$done_line" ] && done_line=$(grep -E '^#[0-9]+' "$log" | tail -1)
    runs=$(grep 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
    eps=$(grep 'stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -1)
    rss=$(grep 'stat::peak_rss_mb' "$log" | awk '{print $2}' | tail -1)
    secs=$(grep -E '^Done [0-9]+ runs in' "$log" | awk '{print $5}' | tail -1)
    findings=$(grep -c '== Java Exception' "$log")
    echo "$log: runs=$runs secs=$secs exec/s=$eps peak_rss_mb=$rss findings=$findings"
    echo "    $(echo "$done_line" | cut -c1-160)"
done
