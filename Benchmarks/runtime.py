"""Builds and runs the runtime benchmarks, and reports each measure as a ratio of the raw getenv loop.

Run from the repository root:

    python3 Benchmarks/runtime.py --envref .build/release/envref --results Benchmarks/results

It builds `envref-runtime-benchmarks` (Benchmarks/Package.swift) in release, runs it `--runs` times (5 by
default) with the W&B variables set in its environment (the benchmark sets them itself), and writes
runtime.json (raw numbers, every run's) and runtime.md (a Markdown table: each measure, its median time
over the runs, the median of its per-run ratios to the getenv loop, and the peak memory of a process that runs
that measure alone).
`--baseline FILE` adds the ratios of an earlier runtime.json as a "before" column.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # noqa: E402  (a sibling script, not a package)

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = "envref-runtime-benchmarks"
REFERENCE = "getenv"
# Benchmark names are "key: what it does"; these are the rows of the table, in order.
LABELS = {
    "resolve": "resolve all settings, `try WandbSettings()`",
    "field": "read one field of resolved settings",
    "getenv": "raw `getenv` loop over the same names, values made Strings",
    "config-reader": "`ConfigReader` over `EnvironmentVariablesProvider`, same keys",
}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--envref", required=True, help="the release envref binary (recorded with the results)")
    parser.add_argument("--results", required=True, help="folder for runtime.json and runtime.md")
    parser.add_argument("--min-time", default="1", help="seconds each benchmark runs at least (default 1)")
    parser.add_argument("--baseline", help="an earlier runtime.json whose ratios become a 'before' column")
    parser.add_argument("--runs", type=int, default=5,
                        help="separate runs of the benchmark binary; each ratio is the median of the runs' own ratios (default 5)")
    return parser.parse_args()


def git_commit():
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or None


def main():
    arguments = parse_arguments()
    results = Path(arguments.results)
    results.mkdir(parents=True, exist_ok=True)

    binary = scale.build_benchmark_product(PRODUCT)
    # Run from the root with a settings-free home, so no settings file on this machine changes the work.
    environment = dict(os.environ, HOME="/nonexistent/envref-bench-home")
    # On a shared machine a neighbour's load can slow one measure of a run and not the next; each run's
    # ratios compare measures taken moments apart, and the median over runs drops the runs a burst upset.
    runs = []
    for _ in range(arguments.runs):
        raw = subprocess.run([str(binary), "--format", "json", "--min-time", arguments.min_time],
                             cwd=ROOT, env=environment, check=True, capture_output=True, text=True).stdout
        runs.append({entry["name"].split(":")[0]: entry for entry in json.loads(raw)["benchmarks"]})

    def peak_memory(key):
        return scale.benchmark_peak_memory(str(binary), f"{key}:", cwd=ROOT, env=environment)

    baseline = None
    if arguments.baseline:
        baseline = {name: entry["ratio"] for name, entry in json.loads(Path(arguments.baseline).read_text())["measures"].items()}

    measures = {
        key: {"name": entry["name"],
              "timeNs": statistics.median(run[key]["time"] for run in runs),
              "ratio": statistics.median(run[key]["time"] / run[REFERENCE]["time"] for run in runs),
              "peakMemoryMB": peak_memory(key),
              "runs": [{"timeNs": run[key]["time"], "ratio": run[key]["time"] / run[REFERENCE]["time"],
                        "iterations": run[key].get("iterations"), "std": run[key].get("std")} for run in runs]}
        for key, entry in runs[0].items()
    }
    report = {
        "commit": git_commit(),
        "envref": str(arguments.envref),
        "machine": {"system": platform.platform(), "cpus": os.cpu_count()},
        "reference": REFERENCE,
        "runs": len(runs),
        "measures": measures,
    }
    (results / "runtime.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    header = f"| runtime | median time ({len(runs)} runs) | ratio to getenv (median of the runs' ratios) | peak memory |"
    rule = "| --- | --- | --- | ---: |"
    if baseline:
        header += " before |"
        rule += " --- |"
    rows = []
    for key, label in LABELS.items():
        if key not in measures:
            continue
        measure = measures[key]
        row = f"| {label} | {measure['timeNs'] / 1000:,.2f} µs | {measure['ratio']:.2f}x | {measure['peakMemoryMB']:,.1f} MB |"
        if baseline:
            row += f" {baseline[key]:.2f}x |" if key in baseline else " |"
        rows.append(row)
    note = "Peak memory is that of a process running the measure alone for 100 iterations."
    (results / "runtime.md").write_text("\n".join([header, rule] + rows + ["", note]) + "\n", encoding="utf-8")
    print((results / "runtime.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
