"""The participant page in the participant's language, in a real headless browser (Debian's
chromium, driven by Selenium), on a poll in English, Arabic and French (languages.yaml):
Accept-Language picks the language; Arabic is laid out right to left with Arabic interface
words; a long Arabic prompt with Latin and digits inside it fits a 320 px phone (screenshots
in /tmp/shots); the switcher of plain links works without JavaScript and is remembered;
answers given in Arabic and in English count together; axe-core finds nothing serious."""
import json
import pathlib
import re
import shutil
import sqlite3
import subprocess
import time

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from test_participant_page import facilitator, resize, send, wait, BINARY, ROOT

POLL = str(ROOT / "tests" / "browser" / "languages.yaml")
WORDS = ROOT / "Sources" / "PollServer" / "Resources" / "words"
SHOTS = pathlib.Path("/tmp/shots")

# From languages.yaml.
AR_ASK = ("مع تطبيق اللائحة العامة لحماية البيانات (GDPR) وتوسّع استخدام الذكاء الاصطناعي في عام 2025، "
          "هل ينبغي أن تُلزم القوانين الوطنية الشركات الرقمية بإبلاغ المستخدمين بوضوح بكيفية جمع بياناتهم "
          "الشخصية ومعالجتها ومشاركتها مع الغير؟")
EN_ASK_START = "Now that the General Data Protection Regulation (GDPR) applies"
EN_SECOND_OPTION = "Yes, but only for very large platforms with more than 45 million users"
ARABIC = re.compile("[\u0600-\u06ff]")


def words(language):
    return json.loads((WORDS / f"{language}.json").read_text(encoding="utf-8"))


@pytest.fixture
def server(tmp_path):
    """`roompoll serve` on languages.yaml with the opening round open: (address, code, db)."""
    db = tmp_path / "languages.sqlite"
    process = subprocess.Popen(
        [BINARY, "serve", POLL, "--session", "browser", "--db", str(db), "--bind", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE, text=True)
    try:
        port = code = None
        deadline = time.time() + 20
        while time.time() < deadline and port is None:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            if "on port" in line:
                code = line.split("join code ")[1].split(")")[0]
                port = int(line.rsplit("on port ", 1)[1].rstrip(".\n"))
        assert port, "the server did not start"
        facilitator(db, phases={"opening": "open"})
        yield f"http://127.0.0.1:{port}", code, db
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def browser(language, javascript=True, width=360):
    """Headless chromium asking for `language` (Accept-Language), with or without JavaScript."""
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},800", f"--lang={language}"):
        options.add_argument(argument)
    prefs = {"intl.accept_languages": language}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.implicitly_wait(5)
        driver.set_page_load_timeout(20)
        driver.set_script_timeout(20)
        resize(driver, width)
    except Exception:
        driver.quit()
        raise
    return driver


def page_language(driver):
    return driver.execute_script("return [document.documentElement.lang, document.documentElement.dir]")


def button(driver):
    return driver.find_element(By.CSS_SELECTOR, "button[value=next]").text


def options(driver):
    return driver.find_elements(By.CSS_SELECTOR, "label.option")


def rect(driver, element):
    return driver.execute_script("const r = arguments[0].getBoundingClientRect();"
                                 "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};", element)


def style(driver, element, property):
    return driver.execute_script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])", element, property)


def choose(driver, *positions):
    """Ticks the options at these positions (1 = first), by clicking their labels."""
    for position in positions:
        options(driver)[position - 1].click()


def current_rows(db, question):
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT answer, language FROM response WHERE question = ? AND superseded_by IS NULL ORDER BY id",
            (question,)).fetchall()


def overflow(driver):
    """What sticks out at this width: the page sideways, or the legend or an option out of its fieldset."""
    fieldset = driver.find_element(By.TAG_NAME, "fieldset")
    box = rect(driver, fieldset)
    problems = []
    scroll, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    if scroll > inner:
        problems.append(f"the page is {scroll} px wide in a {inner} px window")
    for element in [fieldset.find_element(By.TAG_NAME, "legend"), *options(driver)]:
        r = rect(driver, element)
        if r["left"] < box["left"] - 1 or r["right"] > box["right"] + 1:
            problems.append(f"{element.tag_name} {element.text[:40]!r} at {r['left']:.0f}–{r['right']:.0f} "
                            f"outside the fieldset at {box['left']:.0f}–{box['right']:.0f}")
    return problems


def screenshot(driver, name, folder):
    """The whole page (the viewport made as tall as the page) as PNG, in `folder` and in /tmp/shots.
    (A clipped capture beyond the viewport shifts right-to-left pages sideways, so the viewport grows instead.)"""
    width, height = driver.execute_script(
        "return [window.innerWidth, Math.ceil(document.documentElement.scrollHeight)]")
    resize(driver, width, max(800, height))
    path = folder / name
    try:
        assert driver.save_screenshot(str(path)), f"no screenshot {name}"
    finally:
        resize(driver, width)
    SHOTS.mkdir(exist_ok=True)
    shutil.copy(path, SHOTS / name)
    return path


def serious_violations(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    assert results["passes"], "axe-core ran no rules"
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(f"{node['target']}: {node.get('failureSummary', '')}" for node in v["nodes"])
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def test_arabic_page_is_right_to_left_with_arabic_words(server):
    address, code, db = server
    ar = words("ar")
    driver = browser("ar")
    try:
        driver.get(f"{address}/s/{code}")
        assert page_language(driver) == ["ar", "rtl"]
        assert driver.find_element(By.TAG_NAME, "legend").text == AR_ASK
        assert button(driver) == ar["question.saveAndContinue"]
        assert driver.find_element(By.CSS_SELECTOR, "button[value=skip]").text == ar["question.skip"]
        assert driver.find_element(By.CSS_SELECTOR, ".progress").text == \
            ar["question.progress"].replace("{number}", "1").replace("{count}", "3")
        switcher = driver.find_element(By.CSS_SELECTOR, "nav.languages")
        assert switcher.get_attribute("aria-label") == ar["page.language"]
        assert [a.text for a in switcher.find_elements(By.TAG_NAME, "a")] == ["English", "العربية", "Français"]

        # Mirrored: the fieldset runs right to left and each radio sits to the right of its text.
        fieldset = driver.find_element(By.TAG_NAME, "fieldset")
        assert style(driver, fieldset, "direction") == "rtl"
        assert len(options(driver)) == 4
        for label in options(driver):
            control = rect(driver, label.find_element(By.TAG_NAME, "input"))
            text = rect(driver, label.find_element(By.TAG_NAME, "span"))
            assert control["left"] >= text["right"] - 1, f"the radio is not right of {label.text!r}"
    finally:
        driver.quit()


def test_long_arabic_prompt_fits_narrow_and_wide_screens(server, tmp_path):
    address, code, db = server
    problems = []
    for language in ("ar", "en"):
        driver = browser(language, width=320)
        try:
            driver.get(f"{address}/s/{code}")
            assert page_language(driver)[0] == language
            wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")
            assert driver.execute_script("return window.innerWidth") == 320
            screenshot(driver, f"lang-{language}-320.png", tmp_path)
            problems += [f"{language} at 320 px: {p}" for p in overflow(driver)]
            problems += [f"axe, {language}: {v}" for v in serious_violations(driver)]
            resize(driver, 1280)
            wait(driver, lambda d: d.execute_script("return window.innerWidth") == 1280)
            screenshot(driver, f"lang-{language}-1280.png", tmp_path)
            problems += [f"{language} at 1280 px: {p}" for p in overflow(driver)]
        finally:
            driver.quit()
    assert (tmp_path / "lang-ar-320.png").stat().st_size > 1000
    assert not problems, "\n".join(problems)


def test_switcher_works_without_javascript_and_is_remembered(server):
    address, code, db = server
    en = words("en")
    driver = browser("ar", javascript=False)
    try:
        driver.get(f"{address}/s/{code}")
        assert page_language(driver) == ["ar", "rtl"]
        assert not driver.find_elements(By.CSS_SELECTOR, "html[data-live]"), "JavaScript is off"
        english = driver.find_element(By.CSS_SELECTOR, "nav.languages a[hreflang=en]")
        assert english.text == "English"
        english.click()
        wait(driver, lambda d: page_language(d)[0] == "en")
        assert page_language(driver) == ["en", "ltr"]
        assert button(driver) == en["question.saveAndContinue"]
        assert driver.find_element(By.TAG_NAME, "legend").text.startswith(EN_ASK_START)
        assert driver.find_element(By.CSS_SELECTOR, "nav.languages a[aria-current]").text == "English"
        assert driver.get_cookie(f"rpl_{code}")["value"] == "en"

        driver.get(f"{address}/s/{code}")
        assert page_language(driver) == ["en", "ltr"], "the choice is kept without ?lang="
        assert button(driver) == en["question.saveAndContinue"]
    finally:
        driver.quit()


def test_answers_in_arabic_and_english_count_together(server):
    address, code, db = server
    ar, en = words("ar"), words("en")
    drivers = []
    try:
        arabic = browser("ar")
        drivers.append(arabic)
        english = browser("en")
        drivers.append(english)
        for driver, language in ((arabic, "ar"), (english, "en")):
            driver.get(f"{address}/s/{code}")
            assert page_language(driver)[0] == language
            choose(driver, 2)
            send(driver)
            # The likert question with the built-in scale, in the page's language; the note that
            # the answer was saved has its bar on the starting side (right in Arabic).
            labels = [label.text for label in options(driver)]
            assert len(labels) == 5
            assert all(ARABIC.search(label) for label in labels) == (language == "ar"), labels
            saved = driver.find_element(By.CSS_SELECTOR, ".saved")
            assert saved.text == (ar if language == "ar" else en)["question.savedBefore"]
            right, left = style(driver, saved, "border-right-width"), style(driver, saved, "border-left-width")
            assert (right, left) == (("4px", "0px") if language == "ar" else ("0px", "4px"))
            choose(driver, 4)
            send(driver)
            # The multiple-choice question: the hint in the page's language, two options.
            hint = (ar if language == "ar" else en)["hint.chooseUpTo"].replace("{count}", "2")
            assert driver.find_element(By.CSS_SELECTOR, ".hint").text == hint
            choose(driver, 1, 3)
            send(driver)
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".status"))

        expected = {"transparency": EN_SECOND_OPTION, "encryption": "Agree",
                    "safeguards": "Judicial oversight;Data minimisation"}
        for question, answer in expected.items():
            rows = current_rows(db, question)
            assert [row[0] for row in rows] == [answer, answer], (question, rows)
            assert {row[1] for row in rows} == {"ar", "en"}, (question, rows)
    finally:
        for driver in drivers:
            driver.quit()
