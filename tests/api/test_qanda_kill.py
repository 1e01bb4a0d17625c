"""An acknowledged Q&A question or vote survives kill -9 of the server: the real binary serves a
poll with Q&A on a SQLite file on loopback, participants ask and upvote from several threads,
the server is killed with SIGKILL mid-way, and every question and vote it acknowledged (201) is
in the store; a restarted server shows them. Bounded: a fixed number of requests per thread."""
import http.client
import json
import os
import pathlib
import re
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ROOMPOLL_BIN", str(ROOT / ".build" / "debug" / "roompoll"))

pytestmark = pytest.mark.skipif(not pathlib.Path(BINARY).exists(), reason="needs a built roompoll")

POLL = """title: Q&A under kill -9
qa: {moderation: off}
questions:
  - {id: single, kind: single, ask: One?, options: [Yes, No]}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    def __init__(self, poll, db, port):
        self.port = port
        self.log = db.with_suffix(f".{port}.log")
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [BINARY, "serve", str(poll), "--session", "qa", "--db", str(db), "--bind", "127.0.0.1",
                 "--port", str(port), "--joins-per-address", "100000"],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while "Serving session" not in self.log.read_text():
                assert self.process.poll() is None, self.log.read_text()
                assert time.monotonic() < deadline, self.log.read_text()
                time.sleep(0.05)
            self.code = re.search(r"join code (\w+)", self.log.read_text()).group(1)
        except BaseException:
            self.stop(signal.SIGKILL)
            raise

    def post(self, path, body, timeout=10):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, None

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=10)


def stored(db):
    """The store's questions (ask ids) and the votes standing after replaying the log."""
    with sqlite3.connect(db) as connection:
        asked = {row[0] for row in connection.execute("SELECT id FROM qa_change WHERE kind = 'ask'")}
        votes = {}
        for question, participant, change in connection.execute(
                "SELECT question_id, participant, change FROM qa_change WHERE kind IN ('vote', 'unvote') ORDER BY id"):
            votes[(question, participant)] = json.loads(change)["vote"]["up"]
    return asked, {key for key, up in votes.items() if up}


def test_acknowledged_questions_and_votes_survive_kill_9(tmp_path):
    poll, db = tmp_path / "poll.yaml", tmp_path / "qa.sqlite"
    poll.write_text(POLL)
    server = Serve(poll, db, free_port())
    try:
        status, body = server.post("/api/v1/participants", {"code": server.code})
        assert status == 201
        first = body["participant"]
        seeds = []
        for text in ("Who holds the keys?", "What about metadata?", "Can courts order access?"):
            status, question = server.post("/api/v1/questions", {"code": server.code, "participant": first,
                                                                 "text": text, "side": "room"})
            assert status == 201
            seeds.append(question["id"])

        asked, voted, lock = set(seeds), set(), threading.Lock()
        enough = threading.Event()  # set once enough is acknowledged: the server dies mid-load

        def acknowledged(kind, item):
            with lock:
                (voted if kind == "vote" else asked).add(item)
                if len(voted) >= 150:
                    enough.set()

        def phone(index):
            for round_ in range(200):  # bounded; the kill comes long before the end
                try:
                    status, body = server.post("/api/v1/participants", {"code": server.code}, timeout=5)
                    if status != 201:
                        continue
                    participant = body["participant"]
                    for question in seeds:
                        status, _ = server.post(f"/api/v1/questions/{question}/vote",
                                                {"code": server.code, "participant": participant, "up": True}, timeout=5)
                        if status == 201:
                            acknowledged("vote", (question, participant))
                    status, body = server.post("/api/v1/questions", {"code": server.code, "participant": participant,
                                                                     "text": f"Question {index}.{round_}", "side": "online"},
                                               timeout=5)
                    if status == 201:
                        acknowledged("ask", body["id"])
                except (OSError, http.client.HTTPException, ValueError):
                    return  # the server is gone (or died mid-answer): nothing more is acknowledged

        phones = [threading.Thread(target=phone, args=(i,)) for i in range(6)]
        for thread in phones:
            thread.start()
        assert enough.wait(timeout=60), "the load never reached 150 acknowledged votes"
        server.stop(signal.SIGKILL)
        for thread in phones:
            thread.join(timeout=60)
        assert server.process.returncode == -signal.SIGKILL
        assert all(not thread.is_alive() for thread in phones)
        assert len(asked) > 5, f"questions were asked before the kill: {len(asked)}"

        stored_asked, stored_votes = stored(db)
        assert asked <= stored_asked, f"acknowledged questions missing: {sorted(asked - stored_asked)}"
        assert voted <= stored_votes, f"{len(voted - stored_votes)} acknowledged votes missing"
        print(f"kill -9: {len(asked)} questions and {len(voted)} votes acknowledged, none missing")

        # A restarted server counts the same votes.
        server = Serve(poll, db, free_port())
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/api/v1/questions?code={server.code}", timeout=10) as response:
            listed = {q["id"]: q["votes"] for q in json.load(response)["questions"]}
        for question in seeds:
            assert listed[question] == sum(1 for (q, _) in stored_votes if q == question)
            assert listed[question] >= sum(1 for (q, _) in voted if q == question)
    finally:
        server.stop()
