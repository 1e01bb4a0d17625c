"""The HTML report in a real headless browser (Debian's chromium, driven by Selenium): the built
binary runs a demo session with a seeded simulated audience, writes the HTML report, and the
page opens from the file without a console error or a request for anything outside it, shows
every question with its charts (titled and described for screen readers), and renders to PNG."""
import os
import pathlib
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from test_languages import serious_violations

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ROOMPOLL_BIN", str(ROOT / ".build" / "debug" / "roompoll"))


@pytest.fixture
def report(tmp_path):
    db = tmp_path / "report.sqlite"
    subprocess.run([BINARY, "demo", "--print", "--no-server", "--db", str(db), "--session", "html", "--seed", "7"],
                   check=True, capture_output=True, cwd=ROOT)
    path = tmp_path / "report.html"
    subprocess.run([BINARY, "report", "html", "--db", str(db), "--format", "html", "--output", str(path)],
                   check=True, cwd=ROOT)
    return path


@pytest.fixture
def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1024,768"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def test_the_html_report_opens_cleanly_and_renders_to_png(report, browser, tmp_path):
    text = report.read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text and "https://" not in text, "the file is self-contained"

    browser.get(report.as_uri())
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert errors == [], errors
    requests = [entry["message"] for entry in browser.get_log("performance") if "Network.requestWillBeSent" in entry["message"]]
    assert len(requests) == 1, "only the report itself is loaded"

    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Is encryption a human right")
    sections = browser.find_elements(By.CSS_SELECTOR, "section")
    assert len(sections) >= 8
    charts = browser.find_elements(By.CSS_SELECTOR, "svg[role=img]")
    assert len(charts) >= 6
    for chart in charts:
        labelled = chart.get_attribute("aria-labelledby").split()
        assert labelled, "every chart is labelled"
        for ident in labelled:
            assert browser.find_element(By.ID, ident).get_attribute("textContent").strip()
        assert chart.size["width"] > 100 and chart.size["height"] > 20, "the chart is drawn"
    page = browser.find_element(By.TAG_NAME, "body").text
    assert "NaN" not in page and "inf" not in page.split()
    assert "Methods" in page

    browser.set_window_size(1024, max(768, browser.execute_script("return document.body.scrollHeight")))
    png = tmp_path / "report.png"
    assert browser.save_screenshot(str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


# The encryption demo's report (seed 7) measured 38,371 pixels tall at 1,280 wide before its
# tables folded away and the segments became small multiples (issue #14: at most half of that).
HEIGHT_BEFORE = 38_371


def test_the_report_opens_with_the_overview_and_is_at_most_half_as_tall(report, browser, tmp_path):
    browser.set_window_size(1280, 900)
    browser.get(report.as_uri())
    height = browser.execute_script("return document.documentElement.scrollHeight")
    assert height <= HEIGHT_BEFORE / 2, f"{height} px at 1,280 wide"

    overview = browser.find_element(By.ID, "overview")
    assert overview.size["width"] > 300 and overview.size["height"] > 100
    first_question = browser.find_element(By.CSS_SELECTOR, "section.question")
    assert overview.location["y"] < first_question.location["y"], "the overview comes first"
    badges = browser.find_elements(By.CSS_SELECTOR, "section.question .badge")
    assert len(badges) == len(browser.find_elements(By.CSS_SELECTOR, "section.question"))
    # Folded details open on a click and show their tables.
    fold = browser.find_element(By.CSS_SELECTOR, "section.question details.more")
    assert not fold.find_element(By.TAG_NAME, "table").is_displayed()
    fold.find_element(By.TAG_NAME, "summary").click()
    assert fold.find_element(By.TAG_NAME, "table").is_displayed()
    assert len(browser.find_elements(By.CSS_SELECTOR, ".multiples figure svg[role=img]")) >= 5

    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width, "no sideways scrolling"
        png = tmp_path / f"report-{width}.png"
        assert browser.save_screenshot(str(png))


@pytest.fixture
def training_report(tmp_path):
    """The shipped training's report: its simulated audience learns between the rounds."""
    db = tmp_path / "training.sqlite"
    subprocess.run([BINARY, "demo", "--print", "--no-server", "--db", str(db), "--session", "training",
                    "--poll", "polls/digital-security-training.yaml"], check=True, capture_output=True, cwd=ROOT)
    path = tmp_path / "training.html"
    subprocess.run([BINARY, "report", "training", "--db", str(db), "--format", "html", "--output", str(path)],
                   check=True, cwd=ROOT)
    return path


def test_the_knowledge_check_shows_right_answers_and_gains_at_360_and_1280(training_report, browser, tmp_path):
    browser.get(training_report.as_uri())
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")] == []
    section = browser.find_element(By.ID, "knowledge")
    headline = section.find_element(By.CSS_SELECTOR, "p.headline").text
    assert headline.startswith("Right answers rose from") and "normalized gain" in headline, headline
    for ident in ("knowledge-right", "knowledge-gains"):
        chart = browser.find_element(By.ID, ident)
        assert chart.get_attribute("role") == "img"
        assert browser.find_element(By.ID, f"{ident}-title").get_attribute("textContent").strip()
        assert browser.find_element(By.ID, f"{ident}-desc").get_attribute("textContent").strip()
        assert chart.size["width"] > 200 and chart.size["height"] > 100, "the chart is drawn"
    description = browser.find_element(By.ID, "knowledge-right-desc").get_attribute("textContent")
    assert description.count("Opening") == 6 and description.count("Closing") == 6, "six questions, two rounds each"
    # Each question of the check has a pair of bars with an interval, and the tables fold away.
    assert len(browser.find_elements(By.CSS_SELECTOR, "#knowledge-right rect")) == 12
    fold = section.find_element(By.CSS_SELECTOR, "details.more")
    assert not fold.find_element(By.TAG_NAME, "table").is_displayed()
    fold.find_element(By.TAG_NAME, "summary").click()
    tables = fold.find_elements(By.TAG_NAME, "table")
    assert len(tables) == 2 and tables[0].is_displayed()
    assert len(tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")) == 6
    assert serious_violations(browser) == []
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width, "no sideways scrolling"
        browser.execute_script("arguments[0].scrollIntoView()", section)
        png = tmp_path / f"knowledge-{width}.png"
        assert browser.save_screenshot(str(png)) and png.stat().st_size > 10_000
