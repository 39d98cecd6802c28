"""Times EnvrefAccessorsPlugin the way an adopter meets it, in a throwaway package that uses envref by path.

Run from the repository root:

    python3 Benchmarks/plugin.py --envref .build/release/envref --results Benchmarks/results

It measures, on the W&B registry, a no-op `swift build` and a rebuild after an English description edit
(which changes the generated doc comments, so the target recompiles); then, on a generated registry of
1,000 variables of every type, a clean debug compile of the target that holds the accessors, with the
dependencies already built so the number is that target alone. Every run reports its wall time and the
peak resident memory of the build (ru_maxrss from os.wait4, which covers the compiler processes that
swift-build waited for). Results go to plugin.json (raw) and plugin.md (a Markdown fragment).
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG_COUNT = 1000
REPEATS = 3


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--envref", required=True, help="a release envref binary, used to validate the generated registry")
    parser.add_argument("--results", required=True, help="folder for plugin.json and plugin.md")
    parser.add_argument("--scratch", default=str(ROOT / ".build-plugin-bench"),
                        help="throwaway package and build folder (default: .build-plugin-bench, git-ignored)")
    parser.add_argument("--count", type=int, default=BIG_COUNT, help="variables in the generated registry")
    return parser.parse_args()


def run(arguments, cwd=None):
    """Runs a command; returns (seconds, peak RSS in MiB, output, CPU seconds). Fails loudly on a non-zero exit."""
    start = time.monotonic()
    process = subprocess.Popen(arguments, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    # Read before waiting so a chatty build cannot fill the pipe and stall.
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(map(str, arguments))} failed ({process.returncode}):\n{output[-4000:]}")
    # Linux reports ru_maxrss in KiB.
    # CPU time (user + system, the compilers included) is steadier than wall time on a shared machine.
    return seconds, usage.ru_maxrss / 1024, output, usage.ru_utime + usage.ru_stime


def write_if_changed(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def manifest(identity):
    targets = "\n".join(f"""        .target(
            name: "{name}",
            dependencies: [.product(name: "EnvrefRuntime", package: "{identity}")],
            exclude: ["variables.yaml"],
            plugins: [.plugin(name: "EnvrefAccessorsPlugin", package: "{identity}")]
        ),""" for name in ("Wandb", "Big"))
    return f"""// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PluginBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "{ROOT}")],
    targets: [
{targets}
    ]
)
"""


def big_registry(count):
    """A deterministic registry that cycles through every type and feature the generator handles."""
    lines = ["languages: [en]", "prefix: BIG_", "swift:", "  typeName: BigSettings", "variables:"]
    for index in range(count):
        name = f"BIG_SETTING_{index:04d}"
        kind = index % 10
        lines.append(f"  {name}:")
        if kind == 0:
            lines += ["    type: string", f"    default: value-{index}"]
        elif kind == 1:
            lines += ["    type: bool", "    default: 'yes'" if index % 20 == 1 else "    default: false"]
        elif kind == 2:
            lines += ["    type: int", "    minimum: 0", "    maximum: 65535", f"    default: {index}"]
        elif kind == 3:
            lines += ["    type: enum", "    values: [online, offline, disabled]",
                      "    deprecatedValues:", "      dryrun: offline", "    default: online"]
        elif kind == 4:
            lines += ["    type: list", "    separator: ';'" if index % 20 == 4 else "    separator: ','"]
        elif kind == 5:
            lines += ["    type: path", f"    default: '~/.cache/big/{index}'"]
        elif kind == 6:
            lines += ["    type: url", "    default: https://api.example.com"]
        elif kind == 7:
            lines += ["    type: string", "    secret: true", "    minLength: 8"]
        elif kind == 8:
            lines += ["    type: string", "    pattern: '^[a-z0-9-]+$'", "    maxLength: 64"]
        else:
            # A deprecated name that reads through to the previous variable.
            lines += ["    deprecated:", f"      replacement: BIG_SETTING_{index - 1:04d}"]
        lines.append(f"    description: Setting number {index}, of kind {kind}.")
    return "\n".join(lines) + "\n"


def build(package, scratch, target):
    return run(["swift", "build", "--package-path", str(package), "--scratch-path", str(scratch), "--target", target])


def measure(label, action, repeats=REPEATS):
    """Runs `action` `repeats` times; keeps the median time and the largest peak memory."""
    samples = [action(step) for step in range(repeats)]
    seconds = statistics.median(sample[0] for sample in samples)
    memory = max(sample[1] for sample in samples)
    cpu = statistics.median(sample[3] for sample in samples)
    print(f"{label}: {seconds:.2f} s, {cpu:.2f} s CPU, {memory:.0f} MiB", file=sys.stderr)
    return {"label": label, "seconds": round(seconds, 3), "samples": [round(s[0], 3) for s in samples],
            "cpuSeconds": round(cpu, 3), "peakMemoryMiB": round(memory, 1)}


def main():
    arguments = parse_arguments()
    workspace = Path(arguments.scratch).resolve()
    package = workspace / "PluginBench"
    scratch = workspace / "scratch"
    results = Path(arguments.results)
    results.mkdir(parents=True, exist_ok=True)

    wandb_registry = package / "Sources/Wandb/variables.yaml"
    big_path = package / "Sources/Big/variables.yaml"
    source = (ROOT / "Content/variables.yaml").read_text(encoding="utf-8")
    write_if_changed(package / "Package.swift", manifest(ROOT.name))
    for name in ("Wandb", "Big"):
        write_if_changed(package / f"Sources/{name}/{name}.swift", f"// {name}'s settings type is generated by EnvrefAccessorsPlugin.\n")
    write_if_changed(wandb_registry, source)
    big_text = big_registry(arguments.count)
    write_if_changed(big_path, big_text)
    run([arguments.envref, "validate", "--registry", str(big_path)])
    generated_lines = run([arguments.envref, "generate-swift", "--registry", str(big_path)])[2].count("\n")

    entries = []
    # The first build compiles envref's runtime, swift-configuration and the plugin's tool; SwiftPM may
    # relink the tool once more on the next build, so a third build is the first true no-op.
    first = measure("first build of the W&B target, dependencies included", lambda _: build(package, scratch, "Wandb"), repeats=1)
    build(package, scratch, "Wandb")
    entries.append(first)
    entries.append(measure("no-op build (W&B registry)", lambda _: build(package, scratch, "Wandb")))

    english = "Selects how W&B operates."
    assert english in source, "the edit below needs WANDB_MODE's English description"

    def edit(step):
        # Alternate two texts so every run changes the generated doc comments.
        write_if_changed(wandb_registry, source.replace(english, english + " " + "Edited." * (step % 2 + 1)))
        return build(package, scratch, "Wandb")
    entries.append(measure("rebuild after an English description edit (W&B registry)", edit))
    write_if_changed(wandb_registry, source)
    build(package, scratch, "Wandb")

    def clean_big(_):
        # Removing the module's compiled outputs (not SwiftPM's plan files in the same folder) forces a full
        # compile of this target alone; everything it depends on stays built.
        for pattern in ("*.o", "*.swiftdeps", "*.d", "*.swiftmodule", "*.swiftdoc", "*.swiftsourceinfo", "*.priors"):
            for output in (scratch / "debug/Big.build").glob(pattern):
                output.unlink()
        for module in (scratch / "debug/Modules").glob("Big.*"):
            module.unlink()
        return build(package, scratch, "Big")
    build(package, scratch, "Big")
    entries.append(measure(f"clean debug compile of the {arguments.count}-variable accessors target", clean_big))
    entries.append(measure(f"no-op build ({arguments.count}-variable target)", lambda _: build(package, scratch, "Big")))

    report = {
        "machine": {"system": platform.platform(), "cpus": os.cpu_count()},
        "swift": subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()[0],
        "bigRegistry": {"variables": arguments.count, "generatedLines": generated_lines},
        "runs": entries,
    }
    (results / "plugin.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    rows = "\n".join(f"| {entry['label']} | {entry['seconds']:.2f} s | {entry['cpuSeconds']:.2f} s | {entry['peakMemoryMiB']:.0f} MiB |"
                     for entry in entries)
    (results / "plugin.md").write_text(
        "| build plugin | wall time (median of {}) | CPU time | peak memory |\n| --- | --- | --- | --- |\n{}\n\n"
        "The {}-variable registry generates {:,} lines of Swift; its compile is timed with the dependencies "
        "already built.\n".format(REPEATS, rows, arguments.count, generated_lines),
        encoding="utf-8")
    print((results / "plugin.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
