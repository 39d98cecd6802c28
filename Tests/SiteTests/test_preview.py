"""`envref preview` in a real browser: it serves the site, reloads open pages after a good rebuild,
and shows a failed rebuild's diagnostics over the last good page."""

import pathlib
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_site import ENVREF, ROOT, chrome

REGISTRY_LINE = "  WANDB_ANONYMOUS:\n"


@pytest.fixture
def preview(tmp_path):
    """A preview of a scratch copy of the content, on a port the system picks."""
    shutil.copytree(ROOT / "Content", tmp_path / "Content")
    shutil.copytree(ROOT / "Templates", tmp_path / "Templates")
    process = subprocess.Popen(
        [str(ENVREF), "preview", "--port", "0"], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/\S*)", line)
        assert match, line + process.stderr.read()
        yield tmp_path, match.group(1), process
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch_status(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_preview_serves_the_site_and_refuses_paths_outside_it(preview):
    folder, address, _ = preview
    assert fetch_status(address + "en/") == 200
    assert fetch_status(address + "assets/site.js") == 200
    # Pages link their assets with a version; the server answers those addresses too.
    assert fetch_status(address + "assets/site.js?v=0123abcd") == 200
    assert fetch_status(address + "no/such/page") == 404
    assert fetch_status(address + "%2e%2e/%2e%2e/etc/passwd") == 404
    assert (folder / "Site" / "en" / "index.html").is_file()


def test_preview_shows_errors_keeps_the_last_good_page_and_reloads_when_fixed(preview):
    folder, address, process = preview
    registry = folder / "Content" / "variables.yaml"
    original = registry.read_text(encoding="utf-8")
    driver = chrome()
    try:
        driver.get(address + "en/#WANDB_ANONYMOUS")
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
        time.sleep(0.5)

        registry.write_text(original.replace(REGISTRY_LINE, REGISTRY_LINE + "    tpye: enum\n", 1), encoding="utf-8")
        # Read afresh on every try: the script may redraw the overlay, leaving an element found earlier stale.
        def overlay_naming_the_typo(d):
            text = d.find_element(By.ID, "envref-preview-errors").text
            return text if "tpye" in text else False
        overlay = WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(overlay_naming_the_typo)
        assert "Content/variables.yaml:" in overlay and ": error: unknown key 'tpye'" in overlay
        assert driver.find_element(By.ID, "WANDB_ANONYMOUS").is_displayed(), "the last good page stays"
        assert "tpye" not in (folder / "Site" / "en" / "index.html").read_text(encoding="utf-8")

        fixed = original.replace("Decides whether runs can be created anonymously", "Chooses whether runs may be anonymous", 1)
        registry.write_text(fixed, encoding="utf-8")
        # The page reloads while the wait reads it, so an element found before the reload can go stale.
        WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda d: "Chooses whether runs may be anonymous" in d.find_element(By.ID, "WANDB_ANONYMOUS").text)
        assert driver.find_elements(By.ID, "envref-preview-errors") == []
        assert driver.current_url.endswith("#WANDB_ANONYMOUS")
    finally:
        driver.quit()
    process.terminate()
    errors = process.communicate(timeout=10)[1]
    assert "error: unknown key 'tpye' in variable 'WANDB_ANONYMOUS'; did you mean 'type'?" in errors
    assert "the last good site stays up" in errors
