"""The participant page in a real headless browser (Debian's chromium, driven by Selenium):
it joins through the QR address, answers one question of every kind with the forms, then
follows the facilitator to the next question without reloading, and the answers are in the
store. The facilitator is played through the store, as a console in another process would."""
import json
import os
import pathlib
import sqlite3
import subprocess
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ROOMPOLL_BIN", str(ROOT / ".build" / "debug" / "roompoll"))
POLL = str(ROOT / "tests" / "browser" / "every-kind.yaml")


@pytest.fixture
def server(tmp_path):
    db = tmp_path / "browser.sqlite"
    process = subprocess.Popen(
        [BINARY, "serve", POLL, "--session", "browser", "--db", str(db), "--bind", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE, text=True)
    port = code = None
    deadline = time.time() + 20
    while time.time() < deadline and port is None:
        line = process.stdout.readline()
        if "on port" in line:
            code = line.split("join code ")[1].split(")")[0]
            port = int(line.rsplit("on port ", 1)[1].rstrip(".\n"))
    assert port, "the server did not start"
    yield port, code, db
    process.terminate()
    process.wait(timeout=10)


def facilitator(db, **changes):
    """Changes the session's control state in the store, as `roompoll run` would."""
    with sqlite3.connect(db) as connection:
        control = json.loads(connection.execute("SELECT control FROM session").fetchone()[0])
        for key, value in changes.items():
            if key == "phases":
                control["phases"].update(value)
            else:
                control[key] = value
        connection.execute("UPDATE session SET control = ?, revision = revision + 1", (json.dumps(control),))


def stored(db):
    with sqlite3.connect(db) as connection:
        return dict(connection.execute(
            "SELECT question, answer FROM response WHERE superseded_by IS NULL ORDER BY id").fetchall())


def resize(driver, width, height=800):
    """The viewport `width` px wide: headless chromium keeps windows at least 500 px wide, so
    narrower phones are emulated (device metrics, as the developer tools' device mode)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    assert driver.execute_script("return window.innerWidth") == width


@pytest.fixture
def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=360,800"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    resize(driver, 360)
    yield driver
    driver.quit()


def wait(browser, condition):
    """Waits up to 10 s; the page may swap its main part while it is being read."""
    WebDriverWait(browser, 10, ignored_exceptions=[NoSuchElementException, StaleElementReferenceException]).until(condition)


def legend(browser):
    return browser.find_element(By.TAG_NAME, "legend").text


def choose(browser, label):
    browser.find_element(By.XPATH, f"//label[contains(@class,'option')][normalize-space(.)='{label}']").click()


def send(browser):
    """Submits the form and waits for the next page."""
    form = browser.find_element(By.TAG_NAME, "form")
    browser.find_element(By.XPATH, "//button[@value='next']").click()
    wait(browser, lambda b: _stale(form))


def _stale(element):
    try:
        element.is_enabled()
        return False
    except Exception:
        return True


def test_answers_every_kind_then_follows_the_facilitator(server, browser):
    port, code, db = server
    facilitator(db, phases={"opening": "open"})
    time.sleep(0.3)
    browser.get(f"http://127.0.0.1:{port}/j/{code}")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert legend(browser) == "Does encryption need special protection?"
    for control in browser.find_elements(By.CSS_SELECTOR, "input[type=radio]"):
        assert control.find_element(By.XPATH, "ancestor::label"), "every control is labelled"
    choose(browser, "No"); send(browser)
    assert "Answer recorded" in browser.page_source
    assert legend(browser) == "Which routes work? (up to two)"
    choose(browser, "Courts"); choose(browser, "Streets"); send(browser)
    choose(browser, "Agree"); send(browser)
    choose(browser, "7"); send(browser)
    for place, name in ((3, "rank-1"), (1, "rank-2"), (2, "rank-3")):
        Select(browser.find_element(By.NAME, name)).select_by_value(str(place))
    send(browser)
    browser.find_element(By.ID, "word-1").send_keys("حقوق")
    browser.find_element(By.ID, "word-2").send_keys("trust")
    send(browser)
    assert "Thank you — your answers are recorded" in browser.page_source
    assert stored(db) == {"single": "No", "multi": "Courts;Streets", "likert": "Agree", "scale": "7",
                          "ranking": "Beta>Gamma>Alpha", "words": "حقوق;trust"}

    # The facilitator opens the closing round in presenter pace on the text question: the page
    # follows by itself (Server-Sent Events), without reloading.
    browser.execute_script("window.followedWithoutReload = true")
    facilitator(db, pace="presenter", phases={"opening": "closed", "closing": "open"},
                currentQuestion="text", votingOpen=True)
    wait(browser, lambda b: legend(b) == "What will you take away?")
    assert browser.execute_script("return window.followedWithoutReload") is True
    browser.find_element(By.ID, "text").send_keys("Talk to the technical community, <b>early</b>.")
    send(browser)
    wait(browser, lambda b: "Answer recorded" in b.page_source)
    assert stored(db)["text"] == "Talk to the technical community, <b>early</b>."

    # Then to the next question, again without a reload.
    browser.execute_script("window.followedWithoutReload = true")
    facilitator(db, currentQuestion="single", votingOpen=True)
    wait(browser, lambda b: legend(b) == "Does encryption need special protection?")
    assert browser.execute_script("return window.followedWithoutReload") is True
