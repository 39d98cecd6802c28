"""Before/after record of a performance fix: two envref binaries on the same synthetic registry.

Builds the generated site with each binary in turn (alternating, so a change in machine load hits
both alike, and swapping which goes first every run), several times, and writes the median wall and CPU
time and the peak memory of a full build and of ``envref diff`` to ``profile.json`` and ``profile.md``. Instruction counts come from
``valgrind --tool=callgrind`` when it can run the binary; Debian 12's valgrind 3.19 cannot read the
DWARF 5 of Swift 6 binaries and crashes on them, in which case the counts are recorded as missing.

Usage: ``python3 Benchmarks/profile.py --before OLD --after NEW --results Benchmarks/results
[--size 1000] [--runs 6] [--label "what changed"] [--notes FIXES.md] [--name profile] [--title "..."] [--before-templates DIR]
[--changed-output "why"]``; ``--name`` gives a later record its own files, so earlier records stay in the report,
``--before-templates`` gives the older binary the templates it was written for, and ``--changed-output`` records
a change meant to alter the pages, saying how and listing the files that differ, instead of failing when the
sites differ (and fails when they do not). Every record gives both sites' sizes. Not one of the ``make bench`` areas: it needs two binaries.
"""

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402
import scale  # noqa: E402


def callgrind_instructions(binary, command, work):
    """Instructions executed under callgrind, or None when valgrind cannot run the binary."""
    if shutil.which("valgrind") is None:
        return None
    output = work / "callgrind.out"
    shutil.rmtree(work / ".envref-cache", ignore_errors=True)
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}", binary, *command],
                         capture_output=True, text=True, cwd=work)
    if run.returncode != 0 or not output.exists():
        return None
    for line in output.read_text().splitlines():
        if line.startswith("summary:") or line.startswith("totals:"):
            return int(line.split()[1])
    return None


def with_templates(command, directory):
    """The command with its templates placeholder replaced by the folder a binary renders with."""
    return [str(directory) if part == "{templates}" else part for part in command]


def main():
    """Measures both binaries and writes the record."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, type=Path)
    parser.add_argument("--after", required=True, type=Path)
    parser.add_argument("--results", required=True, type=Path)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=6, help="an even number, so each binary goes first as often (default 6)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--label", default="every fix on this branch")
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument("--notes", type=Path, help="a Markdown file appended under the table: what changed and why")
    parser.add_argument("--before-templates", type=Path,
                        help="the templates the older binary expects, when they changed since (default: Templates/)")
    parser.add_argument("--name", default="profile", help="the stem of the result files (profile.json, profile.md)")
    parser.add_argument("--title", default="Profile: before and after", help="the heading of the Markdown record")
    parser.add_argument("--changed-output", metavar="WHY",
                        help="the sites are meant to differ, for this reason; without it, different sites fail the record")
    arguments = parser.parse_args()
    if arguments.runs < 2 or arguments.runs % 2:
        parser.error("--runs must be an even number, so each binary goes first as often")
    root = generate.write_size(HERE.parent, arguments.work.resolve() / "profile", arguments.size, arguments.seed)
    content, templates, site = root / "content", HERE.parent / "Templates", root / "site"
    binaries = {"before": arguments.before.resolve(), "after": arguments.after.resolve()}
    templates_of = {"before": (arguments.before_templates or templates).resolve(), "after": templates}
    commands = {
        "envref build": ["build", "--content", str(content), "--templates", "{templates}", "--output", str(site)],
        "envref diff": ["diff", "--content", str(content), "--format", "json"],
        "envref validate": ["validate", "--content", str(content)],
    }
    samples = {(which, name): [] for which in binaries for name in commands}
    for run in range(arguments.runs):
        for name, command in commands.items():
            # Which binary goes first swaps every run: the second of a pair ran about 10% faster in records
            # where both did the same work, so a fixed order favoured "after".
            order = list(binaries.items()) if run % 2 == 0 else list(reversed(binaries.items()))
            for which, binary in order:
                # Every build starts from nothing, the row cache of binaries that keep one included; they
                # keep it in the working folder, so the commands run in the workload's folder.
                shutil.rmtree(site, ignore_errors=True)
                shutil.rmtree(root / ".envref-cache", ignore_errors=True)
                samples[(which, name)].append(scale.measure([binary, *with_templates(command, templates_of[which])], cwd=root))
    # Both binaries must write the same site.
    sites = {}
    for which, binary in binaries.items():
        target = root / f"site-{which}"
        shutil.rmtree(target, ignore_errors=True)
        subprocess.run([binary, "build", "--content", content, "--templates", templates_of[which], "--output", target], check=True,
                       capture_output=True, cwd=root)
        sites[which] = {path.relative_to(target).as_posix(): path.read_bytes() for path in target.rglob("*") if path.is_file()}
    data = {"area": arguments.name, "label": arguments.label, "size": arguments.size, "runs": arguments.runs,
            "identical_output": sites["before"] == sites["after"], "changed_output": arguments.changed_output,
            "differing_files": sorted(path for path in set(sites["before"]) | set(sites["after"])
                                      if sites["before"].get(path) != sites["after"].get(path)),
            "site_bytes": {which: sum(map(len, files.values())) for which, files in sites.items()},
            "largest_page_bytes": {which: max(map(len, files.values())) for which, files in sites.items()},
            "commands": {}}
    for name, command in commands.items():
        entry = {}
        for which, binary in binaries.items():
            entry[which] = scale.summary(samples[(which, name)])
            entry[which]["instructions"] = callgrind_instructions(binary, with_templates(command, templates_of[which]), root)
        entry["cpu_after_over_before"] = round(entry["after"]["median_cpu_s"] / entry["before"]["median_cpu_s"], 3)
        entry["wall_after_over_before"] = round(entry["after"]["median_s"] / entry["before"]["median_s"], 3)
        data["commands"][name] = entry
    if data["identical_output"]:
        output = "both binaries write byte-identical sites: yes"
    elif arguments.changed_output:
        shown = ", ".join(f"`{path}`" for path in data["differing_files"][:12])
        more = len(data["differing_files"]) - 12
        output = (f"the sites differ by design: {arguments.changed_output} "
                  f"({len(data['differing_files'])} files differ: {shown}{f' and {more} more' if more > 0 else ''})")
    else:
        output = "both binaries write byte-identical sites: **no**"
    megabytes = lambda which, key: f"{data[key][which] / 1e6:.1f} MB"  # noqa: E731
    output += (f"; the site is {megabytes('before', 'site_bytes')} before and {megabytes('after', 'site_bytes')} after, its largest page "
               f"{megabytes('before', 'largest_page_bytes')} and {megabytes('after', 'largest_page_bytes')}")
    lines = [f"## {arguments.title}", "",
             f"{data['label']}, at {arguments.size:,} variables × 5 languages, median of {arguments.runs} alternating runs; "
             f"{output}. Callgrind "
             "instruction counts are shown when valgrind can run the binary (Debian 12's valgrind 3.19 crashes on "
             "Swift 6.3's DWARF 5, and this machine exposes no hardware counters to `perf stat`, so CPU time stands in).", "",
             "| command | wall before | wall after | wall after ÷ before | CPU before | CPU after | CPU after ÷ before | memory before | memory after | instructions before | instructions after |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, entry in data["commands"].items():
        before, after = entry["before"], entry["after"]
        count = lambda value: f"{value:,}" if value else "n/a"  # noqa: E731
        lines.append(f"| {name} | {before['median_s'] * 1000:,.0f} ms | {after['median_s'] * 1000:,.0f} ms | "
                     f"{entry['wall_after_over_before']:.2f} | {before['median_cpu_s'] * 1000:,.0f} ms | {after['median_cpu_s'] * 1000:,.0f} ms | "
                     f"{entry['cpu_after_over_before']:.2f} | {before['peak_rss_mb']:.1f} MB | {after['peak_rss_mb']:.1f} MB | "
                     f"{count(before['instructions'])} | {count(after['instructions'])} |")
    if arguments.notes:
        lines += ["", arguments.notes.read_text(encoding="utf-8").rstrip("\n")]
    print("\n".join(lines))
    # Checked before anything is written, so a failed record never lands among the results.
    if not data["identical_output"] and not arguments.changed_output:
        raise SystemExit("profile: the two binaries write different sites: " + ", ".join(data["differing_files"]))
    if data["identical_output"] and arguments.changed_output:
        raise SystemExit("profile: --changed-output was given, but both binaries write the same site")
    arguments.results.mkdir(parents=True, exist_ok=True)
    (arguments.results / f"{arguments.name}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    (arguments.results / f"{arguments.name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
