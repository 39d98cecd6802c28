"""Library floors: the least work Yams, cmark-gfm and swift-mustache must do for the 10,000-variable workload.

Runs ``envref-floors`` (the ``Benchmarks/`` package) on the workload ``generate.py`` writes, and in the same
run the references the speed targets name (the ``cmark-gfm`` CLI on the five pages, Hugo on the same site)
and ``envref diff`` and ``envref build``. From the floors it derives a lower bound for each target that
envref's design cannot beat, whatever it does around the libraries. The design: the registry is composed
whole into Yams nodes, which keep every diagnostic's position; each description is parsed by cmark-gfm, one
parse at a time, since cmark-gfm's extensions share a process-wide table; swift-mustache renders the rows
once for each shape they come in (`TemplateShape`: which fields are set, the flags, the counts), over every
core, and every row of a shape is filled in from that. So:

- ``envref diff`` composes the registry and the lock, in groups over the cores, before it compares anything:
  at least ``(registry + lock) / cores``;
- ``envref build`` composes them first; then the parses take at least their own time on one core, and the
  parses and the rows together at least their total spread over every core:
  ``(registry + lock) / cores + max(cmark, (cmark + rows × shapes ÷ rows timed) / cores)``.

The cmark-gfm floor times the five pages, which hold the same descriptions as the registry; parsing them
one description at a time only adds per-parse overhead. The row floor renders every row through a two-tag
template (envref's own HTML row template has about sixty), and counts for the share of rows that are a shape
of their own, which ``envref build --timings`` reports.

Writes ``floors.json`` (raw numbers) and ``floors.md`` into the results folder.

Usage: ``python3 Benchmarks/floors.py --envref .build/release/envref --results Benchmarks/results``.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (sibling scripts, not a package)
import scale  # noqa: E402

SIZE = 10_000


def main():
    """Measures the floors and the references, then writes the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--envref", required=True, type=Path, help="the release envref binary")
    parser.add_argument("--results", required=True, type=Path, help="folder for floors.json and floors.md")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=HERE / ".work", help="where the workload is written")
    parser.add_argument("--swift", default="swift")
    arguments = parser.parse_args()
    scale.require_references("floors")
    envref = arguments.envref.resolve()
    root = generate.write_size(HERE.parent, arguments.work.resolve(), SIZE, arguments.seed)

    binary = scale.build_benchmark_product("envref-floors", swift=arguments.swift)
    raw, floors_peak_mb = scale.run_with_peak_memory([binary, root, str(arguments.runs)])
    floors = json.loads(raw)

    content, pages, site = root / "content", root / "pages", root / "site"
    measured = {}
    # The floors are of loading everything, so envref runs without the work it keeps between runs.
    measured["envref diff"] = scale.repeated(arguments.runs, [envref, "diff", "--content", content, "--format", "json", "--no-cache"])
    measured["envref build"] = scale.repeated(
        arguments.runs, [envref, "build", "--content", content, "--templates", HERE.parent / "Templates", "--output", site, "--no-cache"],
        before=lambda: shutil.rmtree(site, ignore_errors=True))
    measured["cmark-gfm (5 pages)"] = scale.measure_cmark(pages, arguments.runs)
    measured["hugo (5 languages)"] = scale.measure_hugo(root, arguments.runs)

    # How many times a full build runs the row templates: once per shape, which the timings' last line counts.
    timed = subprocess.run([envref, "build", "--content", content, "--templates", HERE.parent / "Templates", "--output", site,
                            "--no-cache", "--timings"], check=True, capture_output=True, text=True)
    counts = re.fullmatch(r"rows: (\d+) reused, (\d+) rendered, (\d+) shapes", timed.stderr.strip().splitlines()[-1])
    rows_rendered, shapes = int(counts[2]), int(counts[3])
    cores = os.cpu_count() or 1
    compose_s = floors["yams compose: registry"] / 1000
    cmark_s = floors["cmark-gfm: five pages to HTML"] / 1000
    # The two-tag time is of the floors' own rows; a build runs the row templates once per shape.
    rows_s = floors["mustache: two-tag rows, both formats"] / 1000 * shapes / floors["rows"]
    # envref composes a large registry's variables in groups over the cores, beside the lock: composing both
    # is work that no split makes smaller, spread at best over every core.
    lock_s = floors["yams compose: lock"] / 1000
    load_floor = (compose_s + lock_s) / cores
    diff_floor = load_floor
    build_floor = load_floor + max(cmark_s, (cmark_s + rows_s) / cores)
    cmark_cli, hugo = measured["cmark-gfm (5 pages)"]["median_s"], measured["hugo (5 languages)"]["median_s"]
    targets = [
        {"target": "envref diff under 200 ms", "limit_s": scale.DIFF_LIMIT_S, "floor_s": diff_floor,
         "envref_s": measured["envref diff"]["median_s"], "envref_peak_mb": measured["envref diff"]["peak_rss_mb"]},
        {"target": "envref build no slower than the cmark-gfm CLI", "limit_s": cmark_cli, "floor_s": build_floor,
         "envref_s": measured["envref build"]["median_s"], "envref_peak_mb": measured["envref build"]["peak_rss_mb"]},
        {"target": "envref build at most half of Hugo", "limit_s": hugo * scale.HUGO_LIMIT, "floor_s": build_floor,
         "envref_s": measured["envref build"]["median_s"], "envref_peak_mb": measured["envref build"]["peak_rss_mb"]},
    ]
    for target in targets:
        target["floor_over_limit"] = round(target["floor_s"] / target["limit_s"], 2)
        target["envref_over_floor"] = round(target["envref_s"] / target["floor_s"], 2)
    data = {"area": "floors", "variables": SIZE, "seed": arguments.seed, "runs": arguments.runs, "cores": cores,
            "rows_rendered": rows_rendered, "shapes": shapes,
            "floors_ms": floors, "floors_peak_mb": floors_peak_mb, "measured": measured, "targets": targets}
    arguments.results.mkdir(parents=True, exist_ok=True)
    (arguments.results / "floors.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    (arguments.results / "floors.md").write_text(markdown(data), encoding="utf-8")
    print(markdown(data))


def markdown(data):
    """The floors and the targets' lower bounds as Markdown tables."""
    floors = data["floors_ms"]
    lines = ["## Library floors", "",
             f"The least work the libraries must do for {data['variables']:,} variables × 5 languages, in one process, "
             f"median of {data['runs']} runs (`Benchmarks/floors.py`). The row template here has two tags; envref's HTML "
             f"row template has about sixty. That process's peak memory: {data['floors_peak_mb']:,.1f} MB.", "",
             "| library work | time |", "| --- | ---: |"]
    for name in ("yams compose: registry", "yams compose: lock", "cmark-gfm: five pages to HTML",
                 "mustache: two-tag rows, both formats"):
        lines.append(f"| {name} | {floors[name]:,.0f} ms |")
    lines += ["", f"{int(floors['rows']):,} rows, rendered twice (HTML and Markdown). A full envref build renders "
              f"{data['rows_rendered']:,} rows (the reference pages' and the translation matrix's) through the row templates "
              f"{data['shapes']:,} times, once for each shape they come in, and fills in the others, so its rows cost "
              f"at least the two-tag rows' time per row × {data['shapes']:,}. Lower bounds on {data['cores']} cores, "
              "for envref's design (the registry and the lock composed into Yams nodes, spread over every core, "
              "descriptions parsed one at a time, rows rendered over every core): `envref diff` composes the registry "
              "and the lock, at least (registry + lock) ÷ cores; `envref build` then needs at least max(cmark-gfm, "
              "(cmark-gfm + rows) ÷ cores) more.", "",
              "| target | limit | library floor | floor ÷ limit | envref | envref ÷ floor | envref peak memory |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for target in data["targets"]:
        lines.append(f"| {target['target']} | {target['limit_s'] * 1000:,.0f} ms | {target['floor_s'] * 1000:,.0f} ms | "
                     f"{target['floor_over_limit']:.2f} | {target['envref_s'] * 1000:,.0f} ms | {target['envref_over_floor']:.1f}x | "
                     f"{target['envref_peak_mb']:,.1f} MB |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
