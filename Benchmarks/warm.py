"""Alternating record of two envref binaries with their caches warm: a rebuild after one description changes,
`envref diff` after it and with nothing changed, and `envref validate`, medians of RUNS rounds, the order of the
two binaries swapped every round. Each binary keeps its own site and cache folder beside the workload.

Usage: ``python3 Benchmarks/warm.py BEFORE AFTER WORKLOAD TEMPLATES RUNS`` (WORKLOAD is a size folder that
``Benchmarks/generate.py`` wrote); prints JSON.
"""
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

old, new, workload, templates, runs = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5])
content = workload / "content"
registry = content / "variables.yaml"
lines = registry.read_text(encoding="utf-8").split("\n")
target = next(i for i, line in enumerate(lines) if line.startswith("      fr: \"") and i > len(lines) // 2)

def toggle(state=[False]):
    state[0] = not state[0]
    text = lines[target]
    lines[target] = text[:-1] + " (édité)\"" if state[0] else text.removesuffix(" (édité)\"") + "\""
    registry.write_text("\n".join(lines), encoding="utf-8")

def measure(command, cwd):
    start = time.perf_counter()
    process = subprocess.Popen(["/usr/bin/time", "-f", "%M", *map(str, command)], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = process.communicate()
    elapsed = time.perf_counter() - start
    assert process.returncode == 0, err
    return elapsed, int(err.decode().strip().splitlines()[-1]) / 1024

results = {}
for name, binary in (("before", old), ("after", new)):
    folder = workload / f"ab-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    # Fills the row cache (and, for the binary that keeps them, the registry, lock and status).
    subprocess.run([str(binary), "build", "--content", str(content), "--templates", str(templates), "--output", str(folder / "site")],
                   cwd=folder, check=True, capture_output=True)
    subprocess.run([str(binary), "diff", "--content", str(content)], cwd=folder, check=True, capture_output=True)
for round_index in range(runs):
    order = (("before", old), ("after", new)) if round_index % 2 == 0 else (("after", new), ("before", old))
    toggle()
    for name, binary in order:
        folder = workload / f"ab-{name}"
        build = [binary, "build", "--content", content, "--templates", templates, "--output", folder / "site"]
        results.setdefault((name, "build, one description changed"), []).append(measure(build, folder))
        results.setdefault((name, "diff, one description changed"), []).append(measure([binary, "diff", "--content", content, "--format", "json"], folder))
        results.setdefault((name, "diff, nothing changed"), []).append(measure([binary, "diff", "--content", content, "--format", "json"], folder))
        results.setdefault((name, "validate, nothing changed"), []).append(measure([binary, "validate", "--content", content], folder))
if "(édité)" in lines[target]:
    toggle()
summary = {}
for (name, what), samples in results.items():
    summary.setdefault(what, {})[name] = {"median_ms": round(statistics.median(s for s, _ in samples) * 1000), "peak_mb": round(max(m for _, m in samples), 1)}
print(json.dumps(summary, indent=2))
