"""The participants' API as a document: docs/openapi.yaml is valid OpenAPI 3.1, names exactly the
API routes the server registers, and schemathesis (property-based, bounded in time) finds no
server error and no response that breaks it, against the real binary serving on loopback with
its opening round open and real participant tokens."""
import json
import os
import pathlib
import re
import socket
import sqlite3
import subprocess
import time
import urllib.request

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ROOMPOLL_BIN", str(ROOT / ".build" / "debug" / "roompoll"))
SPEC = ROOT / "docs" / "openapi.yaml"


def spec():
    return yaml.safe_load(SPEC.read_text())


def test_the_document_is_valid_openapi_3_1():
    document = spec()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_the_document_names_exactly_the_api_routes_the_server_has():
    source = (ROOT / "Sources/PollServer/PollServer.swift").read_text()
    served = {(method.upper(), path) for method, path in re.findall(r'router\.(get|post)\("(/api/[^"]+)"', source)}
    documented = {(method.upper(), path) for path, item in spec()["paths"].items() for method in item
                  if method in ("get", "post", "put", "delete", "patch")}
    assert served == documented


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


@pytest.fixture
def server(tmp_path):
    db, port = tmp_path / "api.sqlite", free_port()
    # Every kind of question, and Q&A without moderation, so that an asked question can be voted on at once.
    poll = tmp_path / "poll.yaml"
    poll.write_text((ROOT / "tests/browser/every-kind.yaml").read_text() + "qa: {moderation: off}\n")
    process = subprocess.Popen([BINARY, "serve", str(poll), "--session", "api", "--bind", "127.0.0.1",
                                "--port", str(port), "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        code = None
        deadline = time.monotonic() + 30
        while code is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            match = re.search(r"join code ([A-Z0-9]{6})", line)
            code = match and match.group(1)
        assert code, "the server started"
        # Open the opening round the way a console in another process does: through the store.
        with sqlite3.connect(db) as connection:
            connection.execute("""UPDATE session SET control = json_set(control, '$.phases.opening', 'open'),
                                  revision = revision + 1 WHERE name = 'api'""")
        base = f"http://127.0.0.1:{port}"
        for _ in range(50):
            with urllib.request.urlopen(f"{base}/api/v1/session?code={code}", timeout=5) as response:
                if json.load(response).get("open_round") == "opening":
                    break
            time.sleep(0.1)
        yield base, code, tmp_path
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_schemathesis_finds_nothing(server):
    base, code, folder = server
    tokens = [post(f"{base}/api/v1/participants", {"code": code})["participant"] for _ in range(3)]
    asked = post(f"{base}/api/v1/questions", {"code": code, "participant": tokens[0], "text": "Who decides?", "side": "room"})
    # A question just asked can be voted on (what schemathesis's resource-availability check
    # wants to see, checked here with a right code: see below).
    assert post(f"{base}/api/v1/questions/{asked['id']}/vote", {"code": code, "participant": tokens[1]})["votes"] == 1
    # Real codes, tokens, question ids and option labels most of the time, so that the generated
    # requests reach the answers, questions and votes themselves, not only the checks in front.
    config = folder / "schemathesis.toml"
    config.write_text(f"""
[parameters]
"query.code" = {{ dictionary = "codes", probability = 0.9 }}
"body.code" = {{ dictionary = "codes", probability = 0.9 }}
"body.participant" = {{ dictionary = "tokens", probability = 0.8 }}
"header.Roompoll-Participant" = {{ dictionary = "tokens", probability = 0.8 }}
"body.question" = {{ dictionary = "questions", probability = 0.7 }}
"body.answer" = {{ dictionary = "answers", probability = 0.5 }}
"path.id" = {{ dictionary = "ids", probability = 0.8 }}

# A body over 8 KiB is refused with 413: a rejection, as the document says.
[checks.negative_data_rejection]
expected-statuses = [400, 403, 404, 405, 409, 413, 415, 422, 429]

[dictionaries.codes]
values = ["{code}"]
[dictionaries.tokens]
values = {json.dumps(tokens)}
[dictionaries.questions]
values = ["single", "multi", "likert", "scale", "ranking", "words", "text"]
[dictionaries.answers]
values = ["Yes", "No", "2", "7", "Agree", "Courts;Press", "Alpha>Beta>Gamma", "privacy;trust"]
[dictionaries.ids]
values = [{asked["id"]}]
""")
    report = folder / "report"
    run = subprocess.run(["schemathesis", "--config-file", str(config), "run", str(SPEC), "--url", base,
                          "--exclude-path", "/api/v1/events",   # a stream that never ends: tested by the browser tests
                          # Left out: data that fits the document may still be refused by the session
                          # (a code of no session, a closed round: 404, 409), and a follow-up request
                          # with a generated wrong code rightly answers 404 for a question that exists.
                          "--checks", "all", "--exclude-checks", "positive_data_acceptance,ensure_resource_availability",
                          "--max-examples", "40", "--max-time", "120", "--seed", "2026", "--workers", "1",
                          "--request-timeout", "10", "--report", "junit", "--report-dir", str(report)],
                         capture_output=True, text=True, timeout=600, cwd=folder)
    print(run.stdout[-6000:])
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "generated" in run.stdout
