"""Alternating record of two envref binaries with their caches warm: a rebuild after one description changes,
`envref diff` after it and with nothing changed, and `envref validate`, medians of RUNS rounds, the order of the
two binaries swapped every round. Each binary keeps its own site and cache folder beside the workload.

Usage: ``python3 Benchmarks/warm.py BEFORE AFTER WORKLOAD TEMPLATES RUNS`` (WORKLOAD is a size folder that
``Benchmarks/generate.py`` wrote); prints JSON.
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import scale


def main():
    """Runs the rounds and prints each command's median and peak memory per binary."""
    old, new, workload, templates = (Path(argument).resolve() for argument in sys.argv[1:5])
    runs = int(sys.argv[5])
    content = workload / "content"
    registry = content / "variables.yaml"
    names = [line.strip().rstrip(":") for line in registry.read_text(encoding="utf-8").split("\n")
             if line.startswith("  ") and not line.startswith("   ") and line.rstrip().endswith(":")]
    toggle = scale.DescriptionToggle(registry, names[len(names) // 2])
    binaries = {"before": old, "after": new}
    for name, binary in binaries.items():
        folder = workload / f"warm-{name}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        # Fills the row cache (and, for a binary that keeps them, the registry, lock and status).
        subprocess.run([binary, "build", "--content", content, "--templates", templates, "--output", folder / "site"],
                       cwd=folder, check=True, capture_output=True)
        subprocess.run([binary, "diff", "--content", content], cwd=folder, check=True, capture_output=True)
    samples = {}

    def run(what, command_of):
        for name in sorted(binaries, reverse=round_index % 2 == 1):
            command = command_of(binaries[name], workload / f"warm-{name}")
            samples.setdefault(what, {}).setdefault(name, []).append(scale.measure(command, cwd=workload / f"warm-{name}"))

    for round_index in range(runs):
        # One edit is not worth rewriting a cache file for (`CacheFolder.isWorthRewriting`), so each binary's cache
        # keeps the registry as generated: the build and the first diff both see the edit, and once it is undone
        # the other commands see the registry their cache holds.
        toggle()
        run("build, one description changed",
            lambda binary, folder: [binary, "build", "--content", content, "--templates", templates, "--output", folder / "site"])
        run("diff, one description changed", lambda binary, folder: [binary, "diff", "--content", content, "--format", "json"])
        toggle()
        run("diff, nothing changed", lambda binary, folder: [binary, "diff", "--content", content, "--format", "json"])
        run("validate, nothing changed", lambda binary, folder: [binary, "validate", "--content", content])
        # Untimed: the site folder and the record of its pages go back to the registry as generated. Otherwise
        # the next round's edit, the same text, would find the page it makes already there, take it whole and
        # time a build with nothing to render.
        for name, binary in binaries.items():
            folder = workload / f"warm-{name}"
            subprocess.run([binary, "build", "--content", content, "--templates", templates, "--output", folder / "site"],
                           cwd=folder, check=True, capture_output=True)
    print(json.dumps({what: {name: scale.summary(runs) for name, runs in by_binary.items()}
                      for what, by_binary in samples.items()}, indent=2))


if __name__ == "__main__":
    main()
