"""Stage benchmarks: each envref stage beside a reference doing the nearest plain work, in one process.

Builds the separate ``Benchmarks/`` package (google/swift-benchmark) in release, runs it on the
repository's ``Content/`` and writes each stage's time and its ratio to the reference as
``stages.json`` and ``stages.md`` in the results folder, with the peak memory of a process that runs each
benchmark alone.

Usage: ``python3 Benchmarks/stages.py --envref .build/release/envref --results Benchmarks/results``.
``--envref`` is accepted for the shared contract; the stages run in-process, not through the binary.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import scale  # noqa: E402  (a sibling script, not a package)


def main():
    """Builds and runs the benchmark executable, then writes the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--envref", type=Path, help="the release envref binary (unused here)")
    parser.add_argument("--results", required=True, type=Path, help="folder for stages.json and stages.md")
    parser.add_argument("--swift", default="swift")
    parser.add_argument("--min-time", default="1", help="seconds each benchmark runs at least")
    arguments = parser.parse_args()
    binary = scale.build_benchmark_product("envref-benchmarks", swift=arguments.swift)
    raw = subprocess.run([binary, "--format", "json", "--min-time", arguments.min_time], cwd=HERE.parent,
                         check=True, capture_output=True, text=True).stdout
    times = {entry["name"]: entry["time"] for entry in json.loads(raw)["benchmarks"]}

    def peak_memory(pattern, expected=1):
        return scale.benchmark_peak_memory(binary, pattern, cwd=HERE.parent, expected=expected)

    # Before any benchmark runs, the process loads the content and renders the whole site once; a run that
    # matches no benchmark measures that, the least any row below can show.
    setup_mb = peak_memory("no benchmark has this name", expected=0)
    stages = {}
    for stage in sorted({name.split("/")[0] for name in times}):
        envref_name = next(name for name in times if name.startswith(stage + "/envref"))
        reference_name = next(name for name in times if name.startswith(stage + "/reference"))
        stages[stage] = {"envref": envref_name.split(": ", 1)[1], "envref_ns": round(times[envref_name]),
                         "envref_peak_mb": peak_memory(f"{stage}/envref:"),
                         "reference": reference_name.split(": ", 1)[1], "reference_ns": round(times[reference_name]),
                         "reference_peak_mb": peak_memory(f"{stage}/reference:"),
                         "ratio": round(times[envref_name] / times[reference_name], 2)}
    data = {"area": "stages", "content": "Content/ (the embedded registry)", "setup_peak_mb": setup_mb, "stages": stages}
    lines = ["## Stages", "",
             "In-process, on the embedded content (`Content/`), google/swift-benchmark medians; the reference does the "
             "nearest plain work on the same input. Peak memory is that of a process running that benchmark alone for 100 "
             f"iterations, as GNU `time` measures it. Every process first loads the content and renders the whole site once; one that "
             f"runs no benchmark peaks at {setup_mb:,.1f} MB, so a row at that figure used no more than the setup.", "",
             "| stage | envref | time | peak memory | reference | time | peak memory | ratio |",
             "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |"]
    for stage, entry in stages.items():
        lines.append(f"| {stage} | {entry['envref']} | {entry['envref_ns'] / 1e6:,.2f} ms | {entry['envref_peak_mb']:,.1f} MB | "
                     f"{entry['reference']} | {entry['reference_ns'] / 1e6:,.2f} ms | {entry['reference_peak_mb']:,.1f} MB | "
                     f"{entry['ratio']:.1f}x |")
    arguments.results.mkdir(parents=True, exist_ok=True)
    (arguments.results / "stages.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    (arguments.results / "stages.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines), file=sys.stderr)


if __name__ == "__main__":
    main()
