"""A hybrid session through the example reverse proxy (docs/nginx-roompoll.conf, run by
Debian's nginx on a loopback port): the wall advertises the public URL, a participant joins
through it, answers, and the live page keeps following the facilitator through the proxy
(Server-Sent Events unbuffered)."""
import pathlib
import shutil
import sqlite3
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By

from test_qanda import free_port, make_browser, wait, BINARY
from test_participant_page import facilitator, legend

ROOT = pathlib.Path(__file__).resolve().parents[2]
POLL = str(ROOT / "tests" / "browser" / "every-kind.yaml")


@pytest.fixture
def proxied(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    app_port, proxy_port = free_port(), free_port()
    config = (ROOT / "docs" / "nginx-roompoll.conf").read_text()
    config = config.replace("listen 80;", f"listen 127.0.0.1:{proxy_port};").replace("127.0.0.1:8080", f"127.0.0.1:{app_port}")
    (tmp_path / "logs").mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/logs/error.log;\n"
        f"events {{}}\nhttp {{\nclient_body_temp_path {tmp_path}/body;\nproxy_temp_path {tmp_path}/proxy;\n{config}\n}}\n")
    proxy = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")])
    db = tmp_path / "proxy.sqlite"
    public = f"http://127.0.0.1:{proxy_port}"
    server = subprocess.Popen([BINARY, "serve", POLL, "--session", "proxy", "--db", str(db), "--bind", "127.0.0.1",
                               "--port", str(app_port), "--public-url", public], stdout=subprocess.PIPE, text=True)
    join_url = None
    deadline = time.time() + 20
    while time.time() < deadline and join_url is None:
        line = server.stdout.readline()
        if line.startswith("Join at "):
            join_url = line[len("Join at "):].strip()
    try:
        assert join_url and join_url.startswith(public + "/j/"), f"the wall shows the public URL, not {join_url}"
        yield join_url, db
    finally:
        server.terminate()
        server.wait(timeout=10)
        proxy.terminate()
        proxy.wait(timeout=10)


def test_a_participant_joins_answers_and_follows_through_the_proxy(proxied):
    join_url, db = proxied
    facilitator(db, phases={"opening": "open"})
    browser = make_browser(True)
    try:
        browser.get(join_url)
        assert legend(browser) == "Does encryption need special protection?"
        browser.find_element(By.XPATH, "//label[contains(@class,'option')][normalize-space(.)='Yes']").click()
        browser.find_element(By.XPATH, "//button[@value='next']").click()
        wait(browser, lambda b: "Answer recorded" in b.page_source)
        with sqlite3.connect(db) as connection:
            assert connection.execute("SELECT answer FROM response").fetchall() == [("Yes",)]
        browser.execute_script("window.followedWithoutReload = true")
        facilitator(db, pace="presenter", phases={"opening": "closed", "closing": "open"}, currentQuestion="text", votingOpen=True)
        wait(browser, lambda b: legend(b) == "What will you take away?")
        assert browser.execute_script("return window.followedWithoutReload") is True, "the live stream came through the proxy"
    finally:
        browser.quit()
