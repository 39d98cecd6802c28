"""envref's settings-file reader against Python's configparser, which the W&B client reads the same files with.

Random INI texts, built from the pieces where readers part ways (brackets, delimiters, comment signs, kinds of
white space and line break, combining marks, blank lines, indentation), are written as a project's
`wandb/settings`. `wandb-settings --json` resolves them with nothing else set, and every free-text setting must
come out as configparser reads it from the same file, with its default `%` interpolation, as the W&B client
reads it: the same value from the project file, or the default where configparser has no value, only white
space, or raises on interpolating it. envref must also warn about exactly the values configparser cannot
interpolate, and about nothing else. Files that configparser refuses as a whole (a key set twice, a line of no
known shape) are left out, since envref then reads what it can on purpose.
"""

import configparser
import json
import os
import pathlib
import random
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
WANDB_SETTINGS = pathlib.Path(os.environ.get("WANDB_SETTINGS", ROOT / ".build" / "debug" / "wandb-settings"))

# Settings whose values are free text, so any text configparser reads is valid for them too.
FREE_TEXT = {"entity": "WANDB_ENTITY", "project": "WANDB_PROJECT", "notes": "WANDB_NOTES",
             "job_type": "WANDB_JOB_TYPE", "run_group": "WANDB_RUN_GROUP"}

KEYS = ["entity", "project", "notes", "job_type", "run_group", "Entity", "PROJECT", "other_key", "notes\u0301", "team", "[x", "[]"]
SECTIONS = ["default", "default", "default", "other", "DEFAULT", "a]b"]
SPACE = [" ", "  ", "\t", "\u3000", "\u00a0", "\x1f", "\x0b", "\x0c"]
TEXT = ["value", "two words", "x=y", "a:b", "#hash", ";semi", "é", "\u0301", "\u0301x", "日本", "[x]", "[", "",
        "%%", "%(team)s", "%(entity)s", "%(TEAM)s", "%(nope)s", "%", "%(", "50%"]
ENDINGS = ["\n", "\n", "\n", "\r\n", "\r"]

CASES = 300


def random_settings_text(generator):
    """INI text line by line, each line of a shape configparser knows, with the pieces where readers part ways."""
    def maybe(options, chance=0.3):
        return generator.choice(options) if generator.random() < chance else ""

    def text():
        return "".join(generator.choice(TEXT) + maybe(SPACE) for _ in range(generator.randint(0, 3)))

    lines, used = ["[default]"], set()
    for _ in range(generator.randint(1, 12)):
        kind = generator.choice(["option", "option", "option", "header", "comment", "blank", "continuation"])
        if kind == "header":
            lines.append(maybe(SPACE, 0.2) + "[" + generator.choice(SECTIONS) + "]" + maybe(["\u0301", " trailing", "]"], 0.3))
            used = set()
        elif kind == "option":
            # A key set twice in a section makes configparser refuse the whole file; keep them apart.
            key = generator.choice([key for key in KEYS if key.lower() not in used] or ["spare"])
            used.add(key.lower())
            lines.append(key + maybe(SPACE) + generator.choice(["=", ":"]) + maybe(["\u0301"], 0.15) + maybe(SPACE) + text())
        elif kind == "comment":
            lines.append(maybe(SPACE, 0.2) + generator.choice(["#", ";"]) + maybe(["\u0301"], 0.3) + text())
        elif kind == "blank":
            lines.append(maybe(SPACE, 0.5))
        else:
            lines.append(generator.choice(SPACE) + maybe(SPACE) + text() + "x")
    return "".join(line + generator.choice(ENDINGS) for line in lines)


def configparser_values(path):
    """What configparser reads for each free-text setting, and how many of the section's values it cannot
    interpolate; None when it refuses the file."""
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error:
        return None
    # The W&B client adds the section when the file lacks it, so `[DEFAULT]` still applies.
    if not parser.has_section("default"):
        parser.add_section("default")
    section = parser["default"]
    values, failures = {}, 0
    for key in section:
        try:
            value = section[key]
        except configparser.InterpolationError:
            failures += 1
            continue
        # A value that is empty or only white space counts as unset in envref, as its README says.
        if key in FREE_TEXT and value.strip():
            values[key] = value
    return values, failures


def envref_values(folder):
    """What wandb-settings resolves from the project file for each free-text setting, and its warnings."""
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(folder / "home"),
                   "WANDB_CONFIG_DIR": str(folder / "no-config")}
    run = subprocess.run([str(WANDB_SETTINGS), "--json"], cwd=folder, env=environment, capture_output=True,
                         encoding="utf-8")
    assert run.returncode == 0, run.stderr
    resolved = json.loads(run.stdout)
    values = {key: resolved[name]["value"] for key, name in FREE_TEXT.items()
              if resolved[name]["source"] == "project-settings"}
    return values, [line for line in run.stderr.splitlines() if line.startswith("warning:")]


@pytest.mark.skipif(not WANDB_SETTINGS.exists(), reason="build wandb-settings first (swift build)")
def test_settings_files_read_as_configparser_reads_them(tmp_path):
    generator = random.Random(20261207)
    compared = values_compared = multi_line = inherited = interpolated = 0
    for case in range(CASES):
        text = random_settings_text(generator)
        folder = tmp_path / f"case-{case}"
        (folder / "wandb").mkdir(parents=True)
        settings = folder / "wandb" / "settings"
        settings.write_bytes(text.encode("utf-8"))
        read = configparser_values(settings)
        if read is None:
            continue
        expected, failures = read
        values, warnings = envref_values(folder)
        assert values == expected, f"case {case}: {text!r}"
        # Every warning is about a value configparser cannot interpolate either, one for each.
        assert len(warnings) == failures and all("'%'" in w or "%(" in w or "nested" in w for w in warnings), \
            f"case {case}: {text!r}: {warnings}"
        compared += 1
        values_compared += len(expected)
        multi_line += sum("\n" in value for value in expected.values())
        inherited += "[DEFAULT]" in text and bool(expected)
        interpolated += "%" in text and bool(expected)
    # The generated files must reach every kind of case, or the test would compare next to nothing.
    assert compared >= CASES // 3 and values_compared >= CASES // 4, (compared, values_compared)
    assert multi_line >= 10 and inherited >= 5 and interpolated >= 10, (multi_line, inherited, interpolated)
