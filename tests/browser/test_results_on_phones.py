"""Results on phones and the wall page end to end: the console (the real binary in tmux) runs a round; a phone
with JavaScript answers and sees no results until the console reveals them, then sees them
without reloading; a phone without JavaScript sees them on reload; hiding them again takes
them off the phones."""
import sqlite3
import time

from selenium.webdriver.common.by import By

from test_qanda import Tmux, free_port, make_browser, wait, BINARY, POLL


def on_the_screen(browser):
    return browser.find_elements(By.ID, "wall-heading")


def test_a_phone_sees_results_once_revealed(tmp_path):
    db = tmp_path / "results.sqlite"
    port = free_port()
    console = Tmux(f"{BINARY} run {POLL} --db {db} --session r --bind 127.0.0.1 --port {port}; sleep 600")
    with_js, without_js, wall = make_browser(True), make_browser(False), make_browser(True)
    try:
        console.wait_for("join")
        with sqlite3.connect(db) as connection:
            code = connection.execute("SELECT join_code FROM session").fetchone()[0]
        # The wall page, for online people: the join code and QR code in the lobby.
        wall.get(f"http://127.0.0.1:{port}/w/{code}")
        assert wall.find_elements(By.CSS_SELECTOR, "svg.qr"), "the QR code while no round is open"
        wall.execute_script("window.noReload = true")
        wait(wall, lambda b: b.execute_script("return document.documentElement.dataset.live") == "on")
        time.sleep(0.5)  # the wall's stream is open: it would have been counted by now
        assert "0 connected now" in console.screen(), "a wall page is not a participant connected"
        console.press("o")
        console.wait_for("Opening round — open")
        with_js.get(f"http://127.0.0.1:{port}/s/{code}")
        with_js.find_element(By.XPATH, "//label[contains(@class,'option')][normalize-space(.)='Yes']").click()
        with_js.find_element(By.XPATH, "//button[@value='next']").click()
        wait(with_js, lambda b: "Thank you" in b.page_source)
        console.wait_for("1 connected now")  # the phone's live page, not the wall's
        assert not on_the_screen(with_js), "no results while they are hidden on the wall"
        with_js.execute_script("window.noReload = true")

        wait(wall, lambda b: "Does encryption need special protection?" in b.page_source and not b.find_elements(By.CSS_SELECTOR, "svg.qr:not(.small)"))
        assert wall.find_elements(By.CSS_SELECTOR, "svg.qr.small"), "a smaller QR code stays for late arrivals"
        console.press("Enter")
        console.wait_for("1 answer")
        console.press("r")
        wait(wall, lambda b: on_the_screen(b))
        wait(with_js, lambda b: on_the_screen(b))
        assert with_js.execute_script("return window.noReload") is True, "the phone followed without a reload"
        row = with_js.find_element(By.XPATH, "//section[@class='wall']//tr[th[normalize-space(.)='Yes']]")
        assert row.text.split() [1:3] == ["1", "100%"], row.text

        without_js.get(f"http://127.0.0.1:{port}/s/{code}")
        assert on_the_screen(without_js), "without JavaScript: on reload"

        console.press("r")
        wait(with_js, lambda b: not on_the_screen(b))
        wait(wall, lambda b: not on_the_screen(b))
        without_js.refresh()
        assert not on_the_screen(without_js)

        # The closing round: the phone answers again, and the console compares the rounds.
        console.press("c")
        console.wait_for("Closing round — open")
        wait(with_js, lambda b: b.find_elements(By.XPATH, "//button[@value='next']"))
        with_js.find_element(By.XPATH, "//label[contains(@class,'option')][normalize-space(.)='No']").click()
        with_js.find_element(By.XPATH, "//button[@value='next']").click()
        wait(with_js, lambda b: "Thank you" in b.page_source)
        console.press("Enter")
        console.press("v")
        console.wait_for("Compare")
        wait(wall, lambda b: "How the answers moved between the rounds" in b.page_source)
        wait(with_js, lambda b: "How the answers moved between the rounds" in b.page_source)
        assert wall.execute_script("return window.noReload") is True, "the wall followed lobby, question, results and compare without a reload"
        without_js.refresh()
        assert "How the answers moved between the rounds" in without_js.page_source
        wall_without_js = make_browser(False)
        try:
            wall_without_js.get(f"http://127.0.0.1:{port}/w/{code}")
            assert "How the answers moved between the rounds" in wall_without_js.page_source, "the wall page on reload, without JavaScript"
        finally:
            wall_without_js.quit()
    finally:
        with_js.quit()
        without_js.quit()
        wall.quit()
        console.close()
