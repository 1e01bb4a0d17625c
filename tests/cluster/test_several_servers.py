"""Several `roompoll serve` processes and a console on one PostgreSQL database, as at a
conference: the real binary, a throwaway PostgreSQL server of the test's own (started with
scripts/postgres, so the test can stop it), and the console in tmux. All traffic is on
loopback; every load loop is bounded.

Run by scripts/test (after `swift build`); alone: python3 -m pytest -q tests/cluster
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ROOMPOLL_BIN", str(ROOT / ".build/debug/roompoll"))
POLL = str(ROOT / "polls/encryption-human-right.yaml")
SESSION = "conference"

pytestmark = pytest.mark.skipif(not shutil.which("psql") or not Path(BINARY).exists(),
                                reason="needs PostgreSQL (scripts/install-deps) and a built roompoll")


@pytest.fixture
def postgres():
    """A PostgreSQL server of this test's own: (folder, URL of a fresh database)."""
    folder = tempfile.mkdtemp(prefix="roompoll-cluster-")
    server = subprocess.check_output([str(ROOT / "scripts/postgres"), "start", folder], text=True).strip()
    subprocess.run(["psql", "-X", "-q", server, "-c", "CREATE DATABASE conference"], check=True)
    try:
        yield folder, server.replace("/postgres?", "/conference?")
    finally:
        subprocess.run([str(ROOT / "scripts/postgres"), "stop", folder], check=False)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `roompoll serve` process: on loopback, or on `host` inside network namespace `netns`."""

    def __init__(self, url, port=None, host="127.0.0.1", netns=None):
        self.url, self.port, self.host = url, port or free_port(), host
        self.log = tempfile.NamedTemporaryFile(prefix="roompoll-serve-", suffix=".log", delete=False)
        inside = ["ip", "netns", "exec", netns] if netns else []
        self.process = subprocess.Popen(
            inside + [BINARY, "serve", POLL, "--session", SESSION, "--port", str(self.port), "--bind", host, "--db", url],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while "Serving session" not in self.output():
            assert self.process.poll() is None, f"serve ended: {self.output()}"
            assert time.monotonic() < deadline, f"serve did not start: {self.output()}"
            time.sleep(0.05)
        self.code = re.search(r"join code (\w+)", self.output()).group(1)

    def output(self):
        return Path(self.log.name).read_text(errors="replace")

    def kill(self, sig=signal.SIGKILL):
        self.process.send_signal(sig)
        self.process.wait(timeout=10)

    def post(self, path, body, timeout=15):
        request = urllib.request.Request(f"http://{self.host}:{self.port}{path}", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def join(self):
        status, body = self.post("/api/v1/participants", {"code": self.code})
        assert status == 201, body
        return body["participant"]

    def answer(self, participant, question="stakeholder", answer="Civil society", timeout=15):
        return self.post("/api/v1/answers", {"code": self.code, "participant": participant, "question": question,
                                             "answer": answer}, timeout)[0]

    def open_round(self):
        with urllib.request.urlopen(f"http://{self.host}:{self.port}/api/v1/session?code={self.code}", timeout=10) as response:
            return json.loads(response.read()).get("open_round")


class Console:
    """`roompoll run --no-server` in a tmux terminal of its own."""

    def __init__(self, url):
        self.socket = f"roompoll-cluster-{uuid.uuid4().hex[:8]}"
        command = f"{BINARY} run {POLL} --session {SESSION} --no-server --db '{url}'"
        self.tmux("new-session", "-d", "-s", "c", "-x", "120", "-y", "35", command)
        self.wait_for("join ")

    def tmux(self, *arguments):
        return subprocess.run(["tmux", "-L", self.socket, *arguments], capture_output=True, text=True, check=True).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "c")

    def press(self, key):
        self.tmux("send-keys", "-t", "c", key)

    def wait_for(self, text, seconds=10.0, every=0.005):
        deadline = time.monotonic() + seconds
        while text not in (screen := self.screen()):
            assert time.monotonic() < deadline, f"`{text}` not on the console:\n{screen}"
            time.sleep(every)
        return screen

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def wait_until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def stored_answers(url):
    rows = subprocess.run(["psql", "-X", "-At", "-F", " ", url, "-c",
                           "SELECT p.token, r.question FROM response r JOIN participant p ON p.id = r.participant_id"],
                          capture_output=True, text=True, check=True).stdout.split("\n")
    return {tuple(row.split(" ")) for row in rows if row}


def test_two_servers_and_a_console_on_one_session(postgres):
    _, url = postgres
    a = Server(url)
    b = Server(url)
    assert a.code == b.code, "one session, one join code"
    console = Console(url)
    try:
        console.press("o")
        console.wait_for("opening open · 0")
        wait_until(lambda: a.open_round() == "opening" and b.open_round() == "opening", 5, "both servers hear the round open")
        # Participants join on one server and answer on the other: the servers share the
        # session's secret. Each answer's lag: from its 201 to the console showing it.
        lags, participants = [], []
        for n in range(1, 21):
            joined_at, answered_at = (a, b) if n % 2 else (b, a)
            participant = joined_at.join()
            participants.append(participant)
            assert answered_at.answer(participant, "stakeholder") == 201
            acknowledged = time.monotonic()
            console.wait_for(f"opening open · {n} ", seconds=5)
            lags.append(time.monotonic() - acknowledged)
        lags.sort()
        print(f"console lag after the acknowledgement: median {lags[len(lags) // 2] * 1000:.0f} ms, max {lags[-1] * 1000:.0f} ms")
        assert lags[-1] < 0.2, f"every answer counted on the console within 200 ms: {lags}"
        for n, participant in enumerate(participants):
            assert (a, b)[n % 2].answer(participant, "where", "In the room") == 201
        wait_until(lambda: re.search(r"Where are you joining.*\s20\s*$", console.screen(), re.M), 2, "every answer on the console")
        screen = console.screen()
        assert re.search(r"Which stakeholder group.*\s20\s*$", screen, re.M), screen
        # Closed at the console: both servers refuse what comes after, whether or not they heard yet.
        late = a.join()
        console.press("o")
        console.wait_for("opening closed")
        assert a.answer(late, "fourth-generation", "Agree") == 409
        assert b.answer(late, "fourth-generation", "Agree") == 409
        assert len(stored_answers(url)) == 40
    finally:
        console.close()
        a.kill(signal.SIGTERM)
        b.kill(signal.SIGTERM)


def test_one_address_in_front_of_two_servers(postgres, tmp_path):
    """docs/nginx-several-servers.conf, run by Debian's nginx on a loopback port in front of two
    servers: participants join and answer through it; with one server killed, it goes on."""
    _, url = postgres
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    a, b = Server(url), Server(url)
    proxy_port = free_port()
    config = (ROOT / "docs" / "nginx-several-servers.conf").read_text()
    config = (config.replace("listen 80;", f"listen 127.0.0.1:{proxy_port};")
              .replace("127.0.0.1:8081", f"127.0.0.1:{a.port}").replace("127.0.0.1:8082", f"127.0.0.1:{b.port}"))
    (tmp_path / "logs").mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/logs/error.log;\n"
        f"events {{}}\nhttp {{\nclient_body_temp_path {tmp_path}/body;\nproxy_temp_path {tmp_path}/proxy;\n{config}\n}}\n")
    proxy = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")])
    console = Console(url)
    try:
        front = Server.__new__(Server)
        front.host, front.port, front.code = "127.0.0.1", proxy_port, a.code
        wait_until(lambda: _reachable(front), 10, "nginx is up")
        console.press("o")
        console.wait_for("opening open · 0")
        wait_until(lambda: a.open_round() == "opening" and b.open_round() == "opening", 5, "both servers hear the round open")
        for _ in range(10):
            assert front.answer(front.join()) == 201
        a.kill()
        for _ in range(10):
            assert front.answer(front.join()) == 201, "the other server takes over"
        console.wait_for("opening open · 20")
        assert len(stored_answers(url)) == 20
    finally:
        console.close()
        proxy.terminate()
        proxy.wait(timeout=10)
        for server in (a, b):
            if server.process.poll() is None:
                server.kill(signal.SIGTERM)


def _reachable(server):
    try:
        return server.open_round() is None
    except OSError:
        return False


def test_a_server_killed_mid_load_loses_nothing_and_the_database_may_go_away(postgres):
    folder, url = postgres
    a = Server(url)
    b = Server(url)
    console = Console(url)
    acknowledged, lock, stop = [], threading.Lock(), threading.Event()
    counts = {"a": 0, "b": 0}

    def phone(server, name):
        for _ in range(400):  # bounded
            if stop.is_set():
                return
            try:
                participant = server.join()
                for question, answer in (("stakeholder", "Civil society"), ("where", "Online")):
                    if server.answer(participant, question, answer, timeout=5) == 201:
                        with lock:
                            acknowledged.append((participant, question))
                            counts[name] += 1
            except (OSError, AssertionError, urllib.error.URLError):
                time.sleep(0.01)  # the killed server: refused connections are not acknowledgements

    try:
        console.press("o")
        console.wait_for("opening open")
        wait_until(lambda: a.open_round() == "opening" and b.open_round() == "opening", 5, "both servers hear the round open")
        phones = [threading.Thread(target=phone, args=(server, name)) for server, name in [(a, "a"), (b, "b")] * 4]
        for thread in phones:
            thread.start()
        time.sleep(1.5)
        a.kill()  # kill -9, mid-load
        b_before = counts["b"]
        time.sleep(1.5)
        stop.set()
        for thread in phones:
            thread.join(timeout=30)
        assert counts["a"] > 0 and counts["b"] > b_before, f"both served, and b went on after a died: {counts}"
        stored = stored_answers(url)
        missing = [answer for answer in acknowledged if answer not in stored]
        print(f"{len(acknowledged)} answers acknowledged ({counts}), {len(missing)} missing after kill -9")
        assert not missing
        # The killed server restarts and resumes.
        a = Server(url, port=a.port)
        participant = a.join()
        assert a.answer(participant, "fourth-generation", "Agree") == 201

        # The database goes away: the servers answer 503 within their timeout, and recover.
        subprocess.run([str(ROOT / "scripts/postgres"), "halt", folder], check=True)
        for server in (a, b):
            started = time.monotonic()
            status = server.answer(participant, "rights-without-encryption", "Agree", timeout=30)
            took = time.monotonic() - started
            assert status == 503 and took < 15, f"refused with 503, not left hanging: {status} after {took:.1f} s"
        subprocess.run([str(ROOT / "scripts/postgres"), "resume", folder], check=True)
        for server in (a, b):
            wait_until(lambda: server.answer(participant, "rights-without-encryption", "Agree", timeout=10) == 201, 30,
                       "the server recovers by itself once the database is back")
        console.wait_for("opening open")
    finally:
        stop.set()
        console.close()
        for server in (a, b):
            if server.process.poll() is None:
                server.kill(signal.SIGTERM)


@pytest.fixture
def remote_host(postgres):
    """A second host: a network namespace joined to this one by a veth pair, with the test's
    PostgreSQL also listening on this side's address. Yields (namespace, database URL as seen
    from there, this side's interface)."""
    if os.geteuid() != 0 or not shutil.which("ip"):
        pytest.skip("network namespaces need root and iproute2")
    folder, url = postgres
    name = f"rp{uuid.uuid4().hex[:6]}"
    subnet = f"10.231.{random_byte()}"
    here, there = f"{name}h", f"{name}n"
    commands = [
        ["ip", "netns", "add", name],
        ["ip", "link", "add", here, "type", "veth", "peer", "name", there],
        ["ip", "link", "set", there, "netns", name],
        ["ip", "addr", "add", f"{subnet}.1/24", "dev", here], ["ip", "link", "set", here, "up"],
        ["ip", "-n", name, "addr", "add", f"{subnet}.2/24", "dev", there], ["ip", "-n", name, "link", "set", there, "up"],
        ["ip", "-n", name, "link", "set", "lo", "up"],
    ]
    try:
        for command in commands:
            subprocess.run(command, check=True)
        data = Path(folder) / "data"
        with open(data / "pg_hba.conf", "a") as hba:
            hba.write(f"host all all {subnet}.0/24 trust\n")
        (Path(folder) / "listen").write_text(f"127.0.0.1,{subnet}.1")
        subprocess.run([str(ROOT / "scripts/postgres"), "halt", folder], check=True)
        subprocess.run([str(ROOT / "scripts/postgres"), "resume", folder], check=True)
        yield name, url.replace("@127.0.0.1:", f"@{subnet}.1:"), here, f"{subnet}.2"
    finally:
        subprocess.run(["ip", "netns", "del", name], check=False)


def random_byte():
    return 16 + uuid.uuid4().int % 200


def test_a_server_on_another_host_and_a_network_that_drops_everything(postgres, remote_host):
    """One server here, one on another host (a network namespace) reaching PostgreSQL over a
    veth pair. Then that link goes down: packets vanish without a reset, the worst case for a
    client; the server there still answers 503 within its deadline, and recovers."""
    _, url = postgres
    netns, remote_url, link, address = remote_host
    here = Server(url)
    there = Server(remote_url, host=address, netns=netns)
    console = Console(url)
    try:
        assert here.code == there.code
        console.press("o")
        console.wait_for("opening open · 0")
        wait_until(lambda: there.open_round() == "opening", 5, "the server there hears the round open")
        for n in range(1, 6):
            assert there.answer(here.join()) == 201
            console.wait_for(f"opening open · {n} ", seconds=2)
        subprocess.run(["ip", "link", "set", link, "down"], check=True)
        # The client goes on reaching the server there from inside its namespace.
        probe = ("import json, sys, time, urllib.request, urllib.error\n"
                 f"r = urllib.request.Request('http://{address}:{there.port}/api/v1/answers', method='POST', "
                 "headers={'Content-Type': 'application/json'}, data=json.dumps({'code': sys.argv[1], 'participant': sys.argv[2], "
                 "'question': 'where', 'answer': 'Online'}).encode())\n"
                 "t = time.monotonic()\n"
                 "try:\n    s = urllib.request.urlopen(r, timeout=60).status\n"
                 "except urllib.error.HTTPError as e:\n    s = e.code\n"
                 "print(s, round(time.monotonic() - t, 1))\n")
        participant = here.join()
        status, took = subprocess.run(["ip", "netns", "exec", netns, "python3", "-c", probe, here.code, participant],
                                      capture_output=True, text=True, check=True, timeout=90).stdout.split()
        print(f"with the link down: {status} after {took} s")
        assert status == "503" and float(took) < 15, f"refused within the deadline, not left hanging: {status} after {took} s"
        subprocess.run(["ip", "link", "set", link, "up"], check=True)
        wait_until(lambda: there.answer(participant, "where", "Online", timeout=20) == 201, 90,
                   "the server there recovers by itself once the network is back")
        console.wait_for("opening open · 6 ", seconds=10)
    finally:
        console.close()
        for server in (here, there):
            if server.process.poll() is None:
                server.kill(signal.SIGTERM)
