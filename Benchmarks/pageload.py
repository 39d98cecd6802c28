"""Before/after record of how long a reader's browser takes to open a large reference page.

Builds the synthetic registry's site with two envref binaries, then opens each English reference page in
headless Chromium, alternating and swapping which goes first every run, after one load of each that is not
counted, and records when `DOMContentLoaded` finished (the page parsed and `site.js` run) and when `load`
finished, from the Navigation Timing entry, with the page's size. The median, fastest and slowest load of each go to
``NAME.json`` and ``NAME.md``: one browser serves every load, so a burst of load on a shared machine shows
up as a slow load, and the range says how noisy the run was.

Usage: ``python3 Benchmarks/pageload.py --before OLD --after NEW --results Benchmarks/results
[--size 10000] [--runs 10] [--before-templates DIR] [--label "what changed"] [--name pageload]``. Needs
Chromium, chromium-driver and selenium, which ``make test`` installs. Not one of the ``make bench`` areas:
it needs two binaries.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

# What the page reports once it has loaded: both ends, and how many copy buttons the script put in place.
TIMING_SCRIPT = """
var entry = performance.getEntriesByType("navigation")[0];
return [entry.domContentLoadedEventEnd, entry.loadEventEnd, document.querySelectorAll("button.copy").length];
"""


def browser():
    """Headless Chromium, as the site tests start it."""
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def main():
    """Builds both sites, times their pages and writes the record."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, type=Path)
    parser.add_argument("--after", required=True, type=Path)
    parser.add_argument("--results", required=True, type=Path)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--before-templates", type=Path,
                        help="the templates the older binary expects, when they changed since (default: Templates/)")
    parser.add_argument("--label", default="before and after")
    parser.add_argument("--name", default="pageload", help="the stem of the result files")
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    arguments = parser.parse_args()
    root = generate.write_size(HERE.parent, arguments.work.resolve() / "pageload", arguments.size, arguments.seed)
    templates = {"before": (arguments.before_templates or HERE.parent / "Templates").resolve(),
                 "after": (HERE.parent / "Templates").resolve()}
    pages = {}
    for which, binary in (("before", arguments.before), ("after", arguments.after)):
        site = root / f"site-{which}"
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run([binary.resolve(), "build", "--content", root / "content", "--templates", templates[which], "--output", site],
                       check=True, capture_output=True, cwd=root)
        pages[which] = site / "en" / "index.html"

    samples = {which: [] for which in pages}
    driver = browser()
    try:
        # The first load of each page also reads it from disk into the system's cache; it is not counted.
        for run in range(arguments.runs + 1):
            # Which page goes first swaps every run, as in profile.py, so neither gains from going second.
            order = list(pages.items()) if run % 2 == 0 else list(reversed(pages.items()))
            for which, page in order:
                # A blank page in between, so no load starts from the other page's document.
                driver.get("about:blank")
                driver.get(page.as_uri())
                WebDriverWait(driver, 60).until(
                    lambda d: d.execute_script('return performance.getEntriesByType("navigation")[0].loadEventEnd > 0'))
                if run > 0:
                    samples[which].append(driver.execute_script(TIMING_SCRIPT))
    finally:
        driver.quit()

    data = {"area": arguments.name, "label": arguments.label, "size": arguments.size, "runs": arguments.runs, "pages": {}}
    for which, page in pages.items():
        data["pages"][which] = {
            "bytes": page.stat().st_size,
            "dom_content_loaded_ms": [round(sample[0]) for sample in samples[which]],
            "load_ms": [round(sample[1]) for sample in samples[which]],
            "copy_buttons": samples[which][0][2],
            "median_dom_content_loaded_ms": round(statistics.median(sample[0] for sample in samples[which])),
            "median_load_ms": round(statistics.median(sample[1] for sample in samples[which])),
            "range_dom_content_loaded_ms": [round(min(s[0] for s in samples[which])), round(max(s[0] for s in samples[which]))],
            "range_load_ms": [round(min(s[1] for s in samples[which])), round(max(s[1] for s in samples[which]))],
        }
    before, after = data["pages"]["before"], data["pages"]["after"]
    ratio = lambda key: after[key] / before[key]  # noqa: E731
    lines = [f"## Page load: {arguments.label}", "",
             f"The English reference page of the {arguments.size:,}-variable site, opened from disk in headless Chromium, "
             f"median of {arguments.runs} alternating loads after one uncounted load of each, fastest and slowest in "
             "brackets (Navigation Timing: `DOMContentLoaded` ends once the page is parsed and `site.js` has run).", "",
             "| page | size | `DOMContentLoaded` done | `load` done | copy buttons |",
             "| --- | ---: | ---: | ---: | ---: |"]
    span = lambda values: f"{values[0]:,} to {values[1]:,}"  # noqa: E731
    for which, entry in data["pages"].items():
        lines.append(f"| {which} | {entry['bytes'] / 1e6:.1f} MB | {entry['median_dom_content_loaded_ms']:,} ms "
                     f"({span(entry['range_dom_content_loaded_ms'])}) | {entry['median_load_ms']:,} ms "
                     f"({span(entry['range_load_ms'])}) | {entry['copy_buttons']:,} |")
    lines.append(f"| after ÷ before (medians) | {ratio('bytes'):.2f} | {ratio('median_dom_content_loaded_ms'):.2f} | "
                 f"{ratio('median_load_ms'):.2f} | |")
    arguments.results.mkdir(parents=True, exist_ok=True)
    (arguments.results / f"{arguments.name}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    (arguments.results / f"{arguments.name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
