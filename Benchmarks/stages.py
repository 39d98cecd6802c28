"""Runs the benchmarks and prints each envref stage's time as a ratio of its reference."""

import json
import subprocess
import sys

binary, root = sys.argv[1], sys.argv[2]
raw = subprocess.run([binary, "--format", "json", "--min-time", "1"], cwd=root, check=True, capture_output=True, text=True).stdout
results = {entry["name"]: entry["time"] for entry in json.loads(raw)["benchmarks"]}
print(f"{'benchmark':<70} {'median ns':>14}")
for name, time in results.items():
    print(f"{name:<70} {time:>14,.0f}")
print()
for stage in sorted({name.split('/')[0] for name in results}):
    envref = next(time for name, time in results.items() if name.startswith(stage + "/envref"))
    reference = next(time for name, time in results.items() if name.startswith(stage + "/reference"))
    print(f"{stage}: envref takes {envref / reference:.1f}x its reference")
