#!/usr/bin/env python3
"""Prints a table from a JMH JSON result file (python3 standard library only).

    python3 report.py target/jmh-netflow5.json

For each benchmark: throughput in datagrams per second (one operation is one datagram), the ratio to its
baseline (decode* against baselineScan, encode against baselineWrite, within the same @Param values),
gc.alloc.rate.norm in bytes per operation and per record, and the JDK the forks ran on.

The records in one operation's datagram depend on the benchmark class and, for NetFlow v9, on its
template parameter: RECORDS_PER_OP says how many (flow records; for sFlow, flow samples: the counter
sample of each datagram is not a record). A class missing from it gets "-" in the B/record column.
"""
import json
import math
import sys

# (benchmark class, value of its "template" @Param or None) -> flow records in one operation's datagram
RECORDS_PER_OP = {
    ("Netflow5Benchmark", None): 30,          # one full v5 datagram
    ("Netflow9Benchmark", "ipv4"): 30,        # 30 x 45-byte records, 1376 bytes
    ("Netflow9Benchmark", "ipv6"): 15,        # 15 x 89-byte records, 1360 bytes
    ("SflowBenchmark", None): 5,              # 5 flow samples + 1 counter sample, 1284 bytes
    ("IpfixBenchmark", "fixed"): 26,          # 26 x 53-byte records, 1398 bytes
    ("IpfixBenchmark", "strings"): 17,        # 17-18 records of 63-94 bytes (the smaller count)
    ("IpfixBenchmark", "stl"): 21,            # 21-22 records with a subTemplateList (the smaller count)
}


def records_per_op(cls, params):
    """How many flow records one operation of this benchmark handles, or None when unknown."""
    simple = cls.rpartition(".")[2]
    template = dict(params).get("template")
    return RECORDS_PER_OP.get((simple, template), RECORDS_PER_OP.get((simple, None)))

BASELINES = {
    "baselineScan": "baselineScan",
    "decodeZeroCopy": "baselineScan",
    "decodeZeroCopyColumns": "baselineScan",
    "decodeMaterialized": "baselineScan",
    "decodeTyped": "baselineScan",
    "baselineWrite": "baselineWrite",
    "encode": "baselineWrite",
}
ORDER = ["baselineScan", "decodeZeroCopy", "decodeZeroCopyColumns", "decodeMaterialized", "decodeTyped", "baselineWrite", "encode"]
# Factors from a JMH throughput unit (ops/<unit>) to ops per second.
PER_SECOND = {"ops/s": 1.0, "ops/ms": 1e3, "ops/us": 1e6, "ops/ns": 1e9, "ops/min": 1 / 60.0}


def ops_per_second(metric):
    unit = metric["scoreUnit"]
    if unit not in PER_SECOND:
        raise SystemExit("unsupported score unit %r: run in throughput mode" % unit)
    f = PER_SECOND[unit]
    # JMH writes "NaN" (a string) as the error of a single iteration
    return float(metric["score"]) * f, float(metric.get("scoreError", "nan")) * f


def main(path):
    with open(path) as f:
        results = json.load(f)
    if not results:
        raise SystemExit("no results in " + path)

    rows = {}
    for r in results:
        cls, _, method = r["benchmark"].rpartition(".")
        params = tuple(sorted((r.get("params") or {}).items()))
        ops, err = ops_per_second(r["primaryMetric"])
        norm = (r.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        rows[(cls, params, method)] = {
            "ops": ops,
            "err": err,
            "alloc": norm["score"] if norm else None,
            "forks": r.get("forks"),
            "iterations": r.get("measurementIterations"),
        }

    def sort_key(key):
        cls, params, method = key
        return (cls, params, ORDER.index(method) if method in ORDER else len(ORDER), method)

    header = ["benchmark", "ops/s", "± err", "vs baseline", "B/op", "B/record"]
    table = []
    for key in sorted(rows, key=sort_key):
        cls, params, method = key
        row = rows[key]
        name = method + ("" if not params else " [" + ",".join("%s=%s" % p for p in params) + "]")
        base = rows.get((cls, params, BASELINES.get(method, "")))
        ratio = "%.2fx" % (row["ops"] / base["ops"]) if base and base["ops"] else "-"
        n = records_per_op(cls, params)
        if row["alloc"] is None:
            alloc = per_record = "n/a (no -prof gc)"
        else:
            alloc = "%.1f" % row["alloc"]
            per_record = "-" if not n else "%.2f" % (row["alloc"] / n)
        table.append([name, "{:,.0f}".format(row["ops"]), ("n/a" if math.isnan(row["err"]) else "{:,.0f}".format(row["err"])), ratio, alloc, per_record])

    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(header)]
    line = "  ".join(("%-*s" if i == 0 else "%*s") % (w, h) for i, (w, h) in enumerate(zip(widths, header)))
    print(line)
    print("-" * len(line))
    for t in table:
        print("  ".join(("%-*s" if i == 0 else "%*s") % (w, c) for i, (w, c) in enumerate(zip(widths, t))))

    first = results[0]
    print()
    sizes = sorted({"%s%s: %s" % (cls.rpartition(".")[2], "".join(" [template=%s]" % v for k, v in params if k == "template"),
                                  records_per_op(cls, params) or "?") for cls, params, _ in rows})
    print("one op = one datagram; records per datagram: " + "; ".join(sizes))
    print("ratio = ops/s over the baseline's ops/s (higher is faster); B/record = B/op over the records per datagram")
    print("JDK %s, %s %s" % (first.get("jdkVersion", "?"), first.get("vmName", "?"), first.get("vmVersion", "?")))
    print("JVM args: " + (" ".join(first.get("jvmArgs") or []) or "(none)"))
    print("JMH %s, %s forks x %s measured iterations of %s"
          % (first.get("jmhVersion", "?"), first.get("forks", "?"), first.get("measurementIterations", "?"),
             first.get("measurementTime", "?")))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: report.py <jmh-result.json>")
    main(sys.argv[1])
