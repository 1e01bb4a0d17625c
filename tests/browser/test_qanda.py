"""The audience Q&A end to end: the console (the real binary in tmux) serves the page; a
browser with JavaScript asks a question, a browser without JavaScript asks another; the
console approves the first and the live page shows it without a reload; `roompoll moderate`
in a second tmux session approves the online one, and the console shows it within 200 ms;
the moderator types in a relayed question, and both browsers upvote it."""
import os
import pathlib
import socket
import sqlite3
import subprocess
import time
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from test_participant_page import resize

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ROOMPOLL_BIN", str(ROOT / ".build" / "debug" / "roompoll"))
POLL = str(ROOT / "tests" / "browser" / "qanda.yaml")


class Tmux:
    """A detached tmux session on its own server socket, read as a person sees it."""

    def __init__(self, command, columns=120, rows=36):
        self.socket = f"roompoll-qa-{uuid.uuid4().hex[:8]}"
        self.run("new-session", "-d", "-s", "qa", "-x", str(columns), "-y", str(rows), command)

    def run(self, *arguments):
        return subprocess.run(["tmux", "-L", self.socket, *arguments], capture_output=True, text=True, check=True).stdout

    def press(self, *keys):
        for key in keys:
            self.run("send-keys", "-t", "qa", key)

    def type(self, text):
        self.run("send-keys", "-t", "qa", "-l", text)

    def screen(self):
        return self.run("capture-pane", "-p", "-t", "qa")

    def wait_for(self, text, seconds=10):
        deadline = time.time() + seconds
        while time.time() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {text!r}; the screen was:\n{self.screen()}")

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_browser(javascript):
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=360,800"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    resize(driver, 360)
    return driver


def wait(browser, condition, seconds=10):
    WebDriverWait(browser, seconds, ignored_exceptions=[NoSuchElementException, StaleElementReferenceException]).until(condition)


def ask(browser, text, side_label):
    browser.find_element(By.XPATH, f"//label[contains(@class,'option')][normalize-space(.)='{side_label}']").click()
    browser.find_element(By.ID, "qa-text").send_keys(text)
    browser.find_element(By.XPATH, "//form[@id='qa-ask']//button").click()
    wait(browser, lambda b: "waiting for approval" in b.page_source)


def everyone(browser):
    """The texts in everyone's list."""
    return [element.text for element in browser.find_elements(By.CSS_SELECTOR, "ol.qa .qa-text")]


@pytest.fixture
def room(tmp_path):
    db = tmp_path / "qa.sqlite"
    port = free_port()
    console = Tmux(f"{BINARY} run {POLL} --db {db} --session qa --bind 127.0.0.1 --port {port}; sleep 600")
    moderator = None
    try:
        console.wait_for("join")
        with sqlite3.connect(db) as connection:
            code = connection.execute("SELECT join_code FROM session").fetchone()[0]
        yield console, port, code, db, lambda: Tmux(f"{BINARY} moderate qa --db {db}; sleep 600")
    finally:
        console.close()


def test_asking_approving_relaying_and_voting(room):
    console, port, code, db, start_moderator = room
    with_js, without_js = make_browser(True), make_browser(False)
    moderator = None
    try:
        url = f"http://127.0.0.1:{port}/s/{code}/questions"
        with_js.get(url)
        ask(with_js, "JS on: why now?", "I am in the room")
        without_js.get(url)
        assert with_js.execute_script("return document.documentElement.dataset.live") == "on", "the page's script runs here"
        assert without_js.execute_script("return document.documentElement.dataset.live") is None, "and not in this browser"
        ask(without_js, "JS off: what about SIM registration?", "I am joining online")
        assert everyone(with_js) == [], "waiting questions are not shown to anyone but their authors"

        # The console approves the room's question; the page with JavaScript shows it live.
        with_js.execute_script("window.noReload = true")
        console.press("a")
        console.wait_for("wall view")
        console.press("w")
        console.wait_for("JS on: why now?")
        console.press("y")
        wait(with_js, lambda b: everyone(b) == ["JS on: why now?"])
        assert with_js.execute_script("return window.noReload") is True, "the list changed without a reload"
        console.press("w")
        console.wait_for("Questions from the audience — wall view")
        assert "JS off" not in console.screen()

        # The moderator, in a second terminal, approves the online question: the console shows
        # it within 200 ms.
        moderator = start_moderator()
        moderator.wait_for("moderation view")
        moderator.press("Right")
        moderator.wait_for("JS off: what about SIM registration?")
        time.sleep(0.3)
        started = time.monotonic()
        moderator.press("y")
        while "JS off: what about SIM" not in console.screen():
            assert time.monotonic() - started < 5, console.screen()
            time.sleep(0.005)
        elapsed = time.monotonic() - started
        print(f"console showed the moderator approval after {elapsed * 1000:.0f} ms")
        assert elapsed < 0.2, f"the console showed the moderator's approval after {elapsed * 1000:.0f} ms"

        # The moderator types in a question relayed from the call's chat; both browsers upvote it.
        moderator.press("t")
        moderator.type("Relayed: is there a good law?")
        moderator.press("Enter")
        wait(with_js, lambda b: "Relayed: is there a good law?" in everyone(b))
        item = with_js.find_element(By.XPATH, "//li[.//p[normalize-space(.)='Relayed: is there a good law?']]")
        item.find_element(By.CSS_SELECTOR, "form.vote button").click()
        wait(with_js, lambda b: b.find_element(
            By.XPATH, "//li[.//p[normalize-space(.)='Relayed: is there a good law?']]//button").get_attribute("aria-pressed") == "true")
        assert with_js.execute_script("return window.noReload") is True, "voting did not leave the page"
        without_js.get(url)
        item = without_js.find_element(By.XPATH, "//li[.//p[normalize-space(.)='Relayed: is there a good law?']]")
        item.find_element(By.CSS_SELECTOR, "form.vote button").click()
        wait(without_js, lambda b: "Votes: 2" in b.find_element(
            By.XPATH, "//li[.//p[normalize-space(.)='Relayed: is there a good law?']]").text)
        console.wait_for("▲2 Relayed: is there a good law?")
        with sqlite3.connect(db) as connection:
            kinds = [row[0] for row in connection.execute("SELECT kind FROM qa_change ORDER BY id")]
        assert kinds == ["ask", "ask", "approve", "approve", "ask", "vote", "vote"]
    finally:
        with_js.quit()
        without_js.quit()
        if moderator:
            moderator.close()
