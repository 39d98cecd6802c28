"""Scale benchmarks: envref build, diff and import beside cmark-gfm and Hugo at 100, 1,000 and 10,000 variables.

Every command runs as a subprocess; each is timed several times (fewer at the largest size) and the
median is kept, with the peak resident memory of every run measured by GNU ``time`` around the command. The
workloads come from ``generate.py``. Writes ``scale.json`` (raw numbers) and ``scale.md`` (tables)
into the results folder.

Usage: ``python3 Benchmarks/scale.py --envref .build/release/envref --results Benchmarks/results``.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (a sibling script, not a package)

LANGUAGES = generate.LANGUAGES
CMARK_EXTENSIONS = ["table", "autolink", "strikethrough", "tagfilter"]  # the ones envref attaches
# Targets from the issue, checked at the largest size.
BUILD_MEMORY_LIMIT_MB = 200
INCREMENTAL_LIMIT = 0.10
DIFF_LIMIT_S = 0.200
HUGO_LIMIT = 0.5
EDITED_LANGUAGE = "fr"


def build_benchmark_product(product, swift="swift"):
    """Builds one executable of the `Benchmarks/` package in release mode and returns its path.

    Every area that runs its own executable builds it here, so they all build it the same way. The first
    release build after envref's sources change sometimes fails with no compiler error (seen while the
    build plugin's tool is rebuilt); the next attempt builds cleanly, so it is tried once more.
    """
    command = [swift, "build", "-c", "release", "--package-path", str(HERE), "--product", product]
    if subprocess.run(command).returncode != 0:
        subprocess.run(command, check=True)
    bin_path = subprocess.run([swift, "build", "-c", "release", "--package-path", str(HERE), "--show-bin-path"],
                              check=True, capture_output=True, text=True).stdout.strip()
    return Path(bin_path) / product


GNU_TIME = "/usr/bin/time"


def _run_and_wait(command, output, cwd=None, env=None):
    """Runs a command once with its output going to `output`; returns (seconds, rusage, peak RSS in KiB). Fails
    loudly on a non-zero exit.

    ``os.wait4`` gives the CPU time of the process and of everything it waited for. The peak memory comes from
    GNU ``time`` run around the command instead: on Linux a spawned process's ``ru_maxrss`` starts from the size
    of the process that spawned it, here this Python script (about 19 MB), so a smaller peak could not be seen.
    ``time`` itself is about 2 MB and adds about a millisecond to the wall time. ``make bench`` installs it.
    """
    if not os.access(GNU_TIME, os.X_OK):
        raise SystemExit(f"{GNU_TIME} (GNU time) is missing; make bench installs it")
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        process = subprocess.Popen([GNU_TIME, "--format", "%M", "--output", peak.name, *map(str, command)],
                                   cwd=cwd, env=env, stdout=output, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        exit_code = os.waitstatus_to_exitcode(status)
        if exit_code != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(map(str, command))} exited {exit_code}:\n"
                             f"{errors.read().decode()[-2000:]}")
        peak_kib = int(peak.read().split()[-1])
    return elapsed, usage, peak_kib


def megabytes(kib):
    """GNU `time` reports peaks in KiB; reported in MB (10^6 bytes), the unit the targets are stated in."""
    return round(kib * 1024 / 1e6, 1)


def measure(command, cwd=None):
    """Runs a command once; returns (seconds, peak RSS in KiB, CPU seconds). Fails loudly on a non-zero exit."""
    elapsed, usage, peak_kib = _run_and_wait(command, subprocess.DEVNULL, cwd=cwd)
    return elapsed, peak_kib, usage.ru_utime + usage.ru_stime


def run_with_peak_memory(command, cwd=None, env=None):
    """Runs a command once; returns (its standard output, its peak RSS in MB). Fails loudly on a non-zero exit.

    Output goes to a file rather than a pipe, so the process cannot stall on a full pipe while ``os.wait4``
    waits for it.
    """
    with tempfile.TemporaryFile() as output:
        _, _, peak_kib = _run_and_wait(command, output, cwd=cwd, env=env)
        output.seek(0)
        return output.read().decode(), megabytes(peak_kib)


def benchmark_peak_memory(binary, pattern, cwd, env=None, expected=1):
    """The peak memory in MB of a google/swift-benchmark binary running only the benchmarks whose names contain
    `pattern`: a fixed 100 iterations without warm-up, so every measure keeps the same number of recorded
    times. Stops when the filter runs other than `expected` benchmarks, so a renamed benchmark cannot pass off
    the harness's setup as its own memory."""
    raw, peak = run_with_peak_memory([binary, "--format", "json", "--iterations", "100", "--warmup-iterations", "0",
                                      "--filter", pattern], cwd=cwd, env=env)
    ran = len(json.loads(raw)["benchmarks"])
    if ran != expected:
        raise SystemExit(f"--filter {pattern!r} ran {ran} benchmarks, expected {expected}")
    return peak


def summary(samples):
    """The median wall and CPU times and the largest peak memory of a list of (seconds, KiB, CPU seconds) runs.

    CPU time (user + system) is kept beside wall time because the machine may be shared: it moves
    far less when other work competes for the cores.
    """
    return {"median_s": round(statistics.median(s for s, _, _ in samples), 6),
            "median_cpu_s": round(statistics.median(c for _, _, c in samples), 6),
            "runs_s": [round(s, 6) for s, _, _ in samples],
            "peak_rss_mb": megabytes(max(m for _, m, _ in samples))}


def repeated(runs, command, before=None, cwd=None):
    """Times a command `runs` times, calling `before` (untimed) ahead of each run."""
    samples = []
    for _ in range(runs):
        if before:
            before()
        samples.append(measure(command, cwd=cwd))
    return summary(samples)


def snapshot(folder):
    """Each file's identity; the writer replaces files atomically, so a rewrite changes the inode."""
    return {path.relative_to(folder).as_posix(): (stat.st_ino, stat.st_mtime_ns, stat.st_size)
            for path in folder.rglob("*") if path.is_file() for stat in [path.stat()]}


class DescriptionToggle:
    """Edits one translation of the middle variable back and forth, so every timed build has a change."""

    def __init__(self, registry, variable, language=EDITED_LANGUAGE):
        self.registry = registry
        lines = registry.read_text(encoding="utf-8").split("\n")
        start = lines.index(f"  {variable}:")
        self.line = next(i for i in range(start, len(lines)) if lines[i].startswith(f"      {language}: \""))
        self.lines = lines
        self.state = False

    def __call__(self):
        self.state = not self.state
        text = self.lines[self.line]
        # The line is a double-quoted scalar: the edit goes inside the closing quote.
        self.lines[self.line] = text[:-1] + " (édité)\"" if self.state else text.removesuffix(" (édité)\"") + "\""
        self.registry.write_text("\n".join(self.lines), encoding="utf-8")


def bench_size(envref, work, count, runs, seed):
    """Every measurement at one size."""
    root = generate.write_size(HERE.parent, work, count, seed)
    content, templates, pages = root / "content", HERE.parent / "Templates", root / "pages"
    site, row_cache = root / "site", root / "row-cache"
    build = [envref, "build", "--content", content, "--templates", templates, "--output", site, "--cache", row_cache]
    results = {}

    def clear_site():
        # A full build starts from nothing: no site and no rows kept from an earlier build.
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(row_cache, ignore_errors=True)

    results["envref build"] = repeated(runs, build, before=clear_site)
    files = snapshot(site)
    results["envref build"]["files"] = len(files)
    results["envref build"]["bytes"] = sum(size for _, _, size in files.values())
    results["envref build (no-op)"] = repeated(runs, build)

    variables = generate.make_variables(count, random.Random(f"{seed}-{count}"))
    toggle = DescriptionToggle(content / "variables.yaml", variables[count // 2]["name"])
    rewritten = []

    def edit():
        rewritten.append(snapshot(site))
        toggle()

    incremental = repeated(runs, build, before=edit)
    after = snapshot(site)
    before = rewritten[-1]
    incremental["files_rewritten"] = sorted(path for path in after if before.get(path) != after[path])
    results["envref build (one description changed)"] = incremental
    if toggle.state:
        toggle()  # leave the registry as generated, so diff and import see the lock's source texts

    # `envref diff` three ways: with nothing kept from earlier runs; with the build's cache and nothing changed
    # since; and with the cache after one description changed, the loop of someone editing translations.
    diff = [envref, "diff", "--content", content, "--format", "json"]
    results["envref diff (no cache)"] = repeated(runs, diff + ["--no-cache"])
    # One untimed run first, so every timed run finds the cache as an earlier diff left it.
    subprocess.run(diff + ["--cache", row_cache], check=True, capture_output=True)
    results["envref diff"] = repeated(runs, diff + ["--cache", row_cache])
    results["envref diff (one description changed)"] = repeated(runs, diff + ["--cache", row_cache], before=toggle)
    if toggle.state:
        toggle()
    report = json.loads(subprocess.run(diff + ["--no-cache"], check=True, capture_output=True, text=True).stdout)
    results["envref diff"]["coverage"] = {language: report["languages"][language]["coverage"] for language in sorted(report["languages"])}

    imported = root / "imported" / "variables.yaml"
    imported.parent.mkdir(exist_ok=True)
    results["envref import"] = repeated(runs, [envref, "import", *(pages / f"{language}.md" for language in LANGUAGES),
                                               "--output", imported, "--force"])

    results["cmark-gfm (5 pages)"] = measure_cmark(pages, runs)
    results["hugo (5 languages)"] = measure_hugo(root, runs)
    return results


def require_references(area):
    """Stops with a message when the reference tools are not installed."""
    for tool in ("cmark-gfm", "hugo"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{area}: '{tool}' is not installed (make bench installs it)")


def measure_cmark(pages, runs):
    """The `cmark-gfm` CLI on the five pages: five processes, one per page, summed per run."""
    cmark = ["cmark-gfm", "--to", "html"] + [argument for name in CMARK_EXTENSIONS for argument in ("-e", name)]
    samples = []
    for _ in range(runs):
        per_page = [measure(cmark + [pages / f"{language}.md"]) for language in LANGUAGES]
        samples.append((sum(s for s, _, _ in per_page), max(m for _, m, _ in per_page), sum(c for _, _, c in per_page)))
    return summary(samples)


def measure_hugo(root, runs):
    """Hugo building the workload's multilingual site from scratch, its output and cache cleared each run."""
    hugo_out, hugo_cache = root / "hugo-public", root / "hugo-cache"

    def clear_hugo():
        shutil.rmtree(hugo_out, ignore_errors=True)
        shutil.rmtree(hugo_cache, ignore_errors=True)

    return repeated(runs, ["hugo", "--source", root / "hugo", "--destination", hugo_out, "--cacheDir", hugo_cache, "--quiet"],
                    before=clear_hugo)


def ratios(sizes, key="median_s"):
    """Each command's median as a multiple of envref build's full build at the same size."""
    return {size: {name: round(entry[key] / commands["envref build"][key], 3)
                   for name, entry in commands.items()} for size, commands in sizes.items()}


def growth(sizes):
    """How each command's time and memory grow between consecutive sizes and from smallest to largest."""
    keys = sorted(sizes, key=int)
    result = {}
    for name in sizes[keys[0]]:
        steps = {f"{a}->{b}": round(sizes[b][name]["median_s"] / sizes[a][name]["median_s"], 2) for a, b in zip(keys, keys[1:])}
        steps[f"{keys[0]}->{keys[-1]}"] = round(sizes[keys[-1]][name]["median_s"] / sizes[keys[0]][name]["median_s"], 2)
        steps["memory " + f"{keys[0]}->{keys[-1]}"] = round(sizes[keys[-1]][name]["peak_rss_mb"] / sizes[keys[0]][name]["peak_rss_mb"], 2)
        result[name] = steps
    return result


def targets(sizes):
    """The issue's floors, evaluated at the largest size."""
    largest = sizes[max(sizes, key=int)]
    build = largest["envref build"]
    incremental = largest["envref build (one description changed)"]
    # Only the edited language's two pages should change.
    expected = {f"{EDITED_LANGUAGE}/index.html", f"{EDITED_LANGUAGE}/environment-variables.md"}
    cmark, hugo, diff = largest["cmark-gfm (5 pages)"], largest["hugo (5 languages)"], largest["envref diff"]
    edited_diff, cold_diff = largest["envref diff (one description changed)"], largest["envref diff (no cache)"]
    # Each time target is checked on wall time, as the issue states it, and on CPU time, which a
    # shared, loaded machine disturbs far less (Hugo uses several cores, so its CPU time is the larger).
    checks = [
        ("envref build no slower than cmark-gfm (wall)", build["median_s"] / cmark["median_s"], 1.0, "x cmark-gfm"),
        ("envref build no slower than cmark-gfm (CPU)", build["median_cpu_s"] / cmark["median_cpu_s"], 1.0, "x cmark-gfm"),
        ("envref build at most half of Hugo (wall)", build["median_s"] / hugo["median_s"], HUGO_LIMIT, "x Hugo"),
        ("envref build at most half of Hugo (CPU)", build["median_cpu_s"] / hugo["median_cpu_s"], HUGO_LIMIT, "x Hugo"),
        ("envref build peak memory", build["peak_rss_mb"], BUILD_MEMORY_LIMIT_MB, "MB"),
        ("one description changed: share of a full build (wall)", incremental["median_s"] / build["median_s"], INCREMENTAL_LIMIT, "x full build"),
        ("one description changed: share of a full build (CPU)", incremental["median_cpu_s"] / build["median_cpu_s"], INCREMENTAL_LIMIT, "x full build"),
        ("envref diff, nothing changed since the last run (wall)", diff["median_s"] * 1000, DIFF_LIMIT_S * 1000, "ms"),
        ("envref diff, one description changed (wall)", edited_diff["median_s"] * 1000, DIFF_LIMIT_S * 1000, "ms"),
        ("envref diff, one description changed (CPU)", edited_diff["median_cpu_s"] * 1000, DIFF_LIMIT_S * 1000, "ms"),
        ("envref diff, no cache (wall)", cold_diff["median_s"] * 1000, DIFF_LIMIT_S * 1000, "ms"),
    ]
    result = [{"target": name, "value": round(value, 3), "limit": limit, "unit": unit, "met": value <= limit}
              for name, value, limit, unit in checks]
    rewritten = set(incremental["files_rewritten"])
    result.append({"target": "one description changed: only the edited language's pages rewritten", "value": len(rewritten),
                   "limit": len(expected), "unit": "files", "met": rewritten == expected})
    return result


def markdown(data):
    """The scale.md fragment."""
    sizes = sorted(data["sizes"], key=int)
    names = list(data["sizes"][sizes[0]])
    run_counts = ", ".join(f"{data['runs'][s]} runs at {int(s):,}" for s in sizes)
    lines = ["## Scale", "",
             f"Synthetic registries from `Benchmarks/generate.py` (seed {data['seed']}), 5 languages; every command a "
             f"subprocess, median of {run_counts}; peak memory is the "
             "largest of the runs, as GNU `time` measures it around the command. Times are wall clock, with CPU time (user + system) in brackets; "
             "ratios are of wall time to `envref build` (full build, empty output) at the same size. Load average "
             f"{data['load_average_before'][0]:g} before the run and {data['load_average_after'][0]:g} after it "
             f"on {os.cpu_count()} cores.", "",
             "| command | " + " | ".join(f"{int(s):,} vars" for s in sizes) + " | " + " | ".join(f"÷ build at {int(s):,}" for s in sizes) + " |",
             "| --- |" + " ---: |" * (2 * len(sizes))]
    for name in names:
        times = [f"{data['sizes'][s][name]['median_s'] * 1000:,.0f} ms ({data['sizes'][s][name]['median_cpu_s'] * 1000:,.0f})" for s in sizes]
        ratio = [f"{data['ratios'][s][name]:.2f}" for s in sizes]
        lines.append(f"| {name} | " + " | ".join(times) + " | " + " | ".join(ratio) + " |")
    lines += ["", "Peak memory (MB) and growth of the median time:", "",
              "| command | " + " | ".join(f"{int(s):,}" for s in sizes) + " | " + " | ".join(data["growth"][names[0]]) + " |",
              "| --- |" + " ---: |" * (len(sizes) + len(data["growth"][names[0]]))]
    for name in names:
        memory = [f"{data['sizes'][s][name]['peak_rss_mb']:.1f}" for s in sizes]
        steps = [f"{value:.2f}x" for value in data["growth"][name].values()]
        lines.append(f"| {name} | " + " | ".join(memory) + " | " + " | ".join(steps) + " |")
    largest = data["sizes"][sizes[-1]]
    lines += ["", f"A full build at {int(sizes[-1]):,} writes {largest['envref build']['files']} files "
              f"({largest['envref build']['bytes'] / 1e6:.1f} MB); after one French description changes it rewrites "
              + ", ".join(f"`{path}`" for path in largest["envref build (one description changed)"]["files_rewritten"]) + ".",
              "", f"Targets at {int(sizes[-1]):,} variables × 5 languages:", "", "| target | measured | limit | |", "| --- | ---: | ---: | --- |"]
    for target in data["targets"]:
        value = f"{target['value']:,}" if isinstance(target["value"], int) else f"{target['value']:,.2f}"
        lines.append(f"| {target['target']} | {value} {target['unit']} | {target['limit']:g} {target['unit']} | "
                     f"{'met' if target['met'] else '**missed**'} |")
    return "\n".join(lines) + "\n"


def main():
    """Runs every size and writes scale.json and scale.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--envref", required=True, type=Path, help="the release envref binary")
    parser.add_argument("--results", required=True, type=Path, help="folder for scale.json and scale.md")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", default="7,5,3", help="runs per size, in the order of --sizes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=HERE / ".work", help="where the workloads are written")
    arguments = parser.parse_args()
    require_references("scale")
    envref = arguments.envref.resolve()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    runs = dict(zip(sizes, (int(run) for run in arguments.runs.split(","))))
    data = {"area": "scale", "seed": arguments.seed, "runs": {str(s): runs[s] for s in sizes},
            "load_average_before": [round(load, 2) for load in os.getloadavg()], "sizes": {}}
    for size in sizes:
        print(f"scale: {size} variables", file=sys.stderr)
        data["sizes"][str(size)] = bench_size(envref, arguments.work.resolve(), size, runs[size], arguments.seed)
    data["load_average_after"] = [round(load, 2) for load in os.getloadavg()]
    data["ratios"] = ratios(data["sizes"])
    data["cpu_ratios"] = ratios(data["sizes"], "median_cpu_s")
    data["growth"] = growth(data["sizes"])
    data["targets"] = targets(data["sizes"])
    arguments.results.mkdir(parents=True, exist_ok=True)
    (arguments.results / "scale.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (arguments.results / "scale.md").write_text(markdown(data), encoding="utf-8")
    print(markdown(data))


if __name__ == "__main__":
    main()
