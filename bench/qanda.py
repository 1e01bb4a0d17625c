"""Q&A votes at once against a real `roompoll serve`: PARTICIPANTS join through the API, then
each upvotes every one of QUESTIONS questions, all at once over CONNECTIONS keep-alive
connections. Prints the rate and latency percentiles, then checks that every acknowledged
vote is counted exactly once: in the server's own list, and in the store's log (replayed
here independently). Writes the store's count per question to COUNTS (for the console check).

With KILL_PID set, that process (the server) is killed with SIGKILL 0.3 s into the votes:
then every vote acknowledged before it died must be in the store.

Usage: python3 bench/qanda.py PORT CODE DB COUNTS [participants] [questions] [connections]
"""
import asyncio
import json
import os
import signal
import random
import sqlite3
import sys
import time

PORT, CODE, DB, COUNTS = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
PARTICIPANTS = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
QUESTIONS = int(sys.argv[6]) if len(sys.argv) > 6 else 5
CONNECTIONS = int(sys.argv[7]) if len(sys.argv) > 7 else 200


async def request(reader, writer, method, path, body=None):
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\n"
    if body is not None:
        data = json.dumps(body).encode()
        head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
    writer.write((head + "\r\n").encode() + (data if body is not None else b""))
    await writer.drain()
    status_line = await reader.readline()
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    payload = await reader.readexactly(length) if length else b""
    return int(status_line.split()[1]), payload


async def worker(queue, results):
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    while True:
        try:
            method, path, body, key = queue.get_nowait()
        except asyncio.QueueEmpty:
            break
        start = time.perf_counter()
        try:
            status, payload = await request(reader, writer, method, path, body)
        except (ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError):
            writer.close()
            status, payload = 0, b""
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
            except OSError:
                results.append((key, status, payload, time.perf_counter() - start))
                break
        results.append((key, status, payload, time.perf_counter() - start))
    writer.close()


async def run_all(items):
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = []
    started = time.perf_counter()
    await asyncio.gather(*(worker(queue, results) for _ in range(min(CONNECTIONS, len(items)))))
    return results, time.perf_counter() - started


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000 if values else float("nan")


async def main():
    joins, _ = await run_all([("POST", "/api/v1/participants", {"code": CODE}, n) for n in range(PARTICIPANTS + 1)])
    tokens = [json.loads(payload)["participant"] for _, status, payload, _ in joins if status == 201]
    assert len(tokens) == PARTICIPANTS + 1, f"only {len(tokens)} joins were accepted"
    asker, voters = tokens[0], tokens[1:]
    asked, _ = await run_all([("POST", "/api/v1/questions",
                               {"code": CODE, "participant": asker, "text": f"Question {n + 1}?", "side": "room" if n % 2 else "online"}, n)
                              for n in range(QUESTIONS)])
    ids = sorted(json.loads(payload)["id"] for _, status, payload, _ in asked if status == 201)
    assert len(ids) == QUESTIONS, f"only {len(ids)} questions were asked"

    votes = [("POST", f"/api/v1/questions/{q}/vote", {"code": CODE, "participant": p, "up": True}, (q, p)) for p in voters for q in ids]
    random.shuffle(votes)
    kill = os.environ.get("KILL_PID")
    if kill:
        asyncio.get_running_loop().call_later(0.3, os.kill, int(kill), signal.SIGKILL)
    results, seconds = await run_all(votes)
    acknowledged = {key for key, status, payload, _ in results if status == 201 and json.loads(payload)["voted"]}
    refused = [status for _, status, _, _ in results if status != 201]
    latency = [r[3] for r in results]
    print(f"{len(votes)} votes from {len(voters)} participants on {QUESTIONS} questions over {CONNECTIONS} connections: "
          f"{len(acknowledged)} acknowledged, {len(refused)} refused {sorted(set(refused))} in {seconds:.2f} s "
          f"({len(acknowledged) / seconds:.0f} votes/s); latency p50 {percentile(latency, 50):.1f} ms, "
          f"p99 {percentile(latency, 99):.1f} ms, max {percentile(latency, 100):.1f} ms")

    # The server's own counts (none when it was killed).
    served = {}
    if not kill:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
        _, payload = await request(reader, writer, "GET", f"/api/v1/questions?code={CODE}")
        writer.close()
        served = {q["id"]: q["votes"] for q in json.loads(payload)["questions"]}

    # The store's log, replayed here: a vote is on if its participant's last vote change says so.
    state = {}
    with sqlite3.connect(DB) as connection:
        for question, participant, change in connection.execute(
                "SELECT question_id, participant, change FROM qa_change WHERE kind IN ('vote', 'unvote') ORDER BY id"):
            state[(question, participant)] = json.loads(change)["vote"]["up"]
    stored = {key for key, up in state.items() if up}
    counts = {q: sum(1 for (question, _) in stored if question == q) for q in ids}
    expected = {q: sum(1 for (question, _) in acknowledged if question == q) for q in ids}
    missing = acknowledged - stored
    print(f"store: {len(stored)} votes counted, {len(missing)} acknowledged votes missing; "
          f"per question store {[counts[q] for q in ids]}, server {[served.get(q) for q in ids]}, acknowledged {[expected[q] for q in ids]}")
    with open(COUNTS, "w") as file:
        json.dump([counts[q] for q in ids], file)
    if kill:
        # Votes committed but not acknowledged (the server died before answering) may be stored too.
        ok = not missing
        print(f"killed with SIGKILL mid-load: {len(stored) - len(acknowledged & stored)} stored votes were never acknowledged (allowed)")
    else:
        ok = not missing and counts == expected and all(served.get(q) == counts[q] for q in ids) and len(stored) == len(acknowledged)
    print("every acknowledged vote is counted exactly once" if ok else "MISMATCH")
    sys.exit(0 if ok else 1)


asyncio.run(main())
