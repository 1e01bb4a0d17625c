"""A realistic room against a real `roompoll serve`: PHONES participants arrive over the first
ARRIVE seconds, each opens the join page (which issues its participant token in a cookie),
asks for the session, then answers the 7 questions of the encryption poll's opening round
through the page's own form (POST, then the 303's page, as a browser without JavaScript
does), pausing THINK seconds between answers. Every phone's traffic comes from one of ADDRS
loopback addresses (127.0.0.2, …): a venue's phones arrive through many networks; see
--joins-per-address for a room behind one address. Prints latency percentiles and checks the
store holds every acknowledged answer.

Usage: python3 bench/room.py PORT CODE DB [phones] [arrive] [think] [addrs]   (bench/room runs it)
"""
import asyncio
import random
import resource
import sqlite3
import sys
import time

PORT, CODE, DB = int(sys.argv[1]), sys.argv[2], sys.argv[3]
PHONES = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
ARRIVE = float(sys.argv[5]) if len(sys.argv) > 5 else 3.0
THINK = float(sys.argv[6]) if len(sys.argv) > 6 else 0.6
ADDRS = int(sys.argv[7]) if len(sys.argv) > 7 else 40
QUESTIONS = [  # (id, form body) of the opening round, answers as the page's controls send them
    ("stakeholder", "choice=1"), ("where", "choice=2"), ("special-protection", "choice=1"),
    ("fourth-generation", "choice=4"), ("rights-without-encryption", "choice=5"),
    ("treaty-approach", "choice=1&choice=4"), ("restrictions-worsen-threats", "choice=2"),
]

latencies = {"page": [], "session": [], "answer": [], "next page": []}
acknowledged, failures = [], []


async def request(reader, writer, method, path, cookie=None, body=None):
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\n"
    if cookie:
        head += f"Cookie: {cookie}\r\n"
    if body is not None:
        head += ("Content-Type: application/x-www-form-urlencoded\r\nOrigin: null\r\nSec-Fetch-Site: same-origin\r\n"
                 f"Content-Length: {len(body)}\r\n")
    writer.write((head + "\r\n" + (body or "")).encode())
    await writer.drain()
    status_line = await reader.readline()
    headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        headers.setdefault(name.strip().lower(), value.strip())
    length = int(headers.get("content-length", "0"))
    payload = await reader.readexactly(length) if length else b""
    return int(status_line.split()[1]), headers, payload


async def phone(n, start):
    await asyncio.sleep(random.uniform(0, ARRIVE))
    address = f"127.0.0.{2 + n % ADDRS}"
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT, local_addr=(address, 0))
        t = time.perf_counter()
        status, headers, _ = await request(reader, writer, "GET", f"/s/{CODE}")
        latencies["page"].append(time.perf_counter() - t)
        cookie = headers.get("set-cookie", "").split(";")[0]
        if status != 200 or not cookie:
            failures.append(f"page {status}")
            return
        t = time.perf_counter()
        status, _, _ = await request(reader, writer, "GET", f"/api/v1/session?code={CODE}")
        latencies["session"].append(time.perf_counter() - t)
        for question, answer in QUESTIONS:
            await asyncio.sleep(random.uniform(0.5, 1.5) * THINK)
            t = time.perf_counter()
            status, headers, _ = await request(reader, writer, "POST", f"/s/{CODE}/answer", cookie, f"question={question}&{answer}")
            latencies["answer"].append(time.perf_counter() - t)
            if status != 303 or "saved=" not in headers.get("location", ""):
                failures.append(f"answer {status}")
                continue
            acknowledged.append((cookie.split("=", 1)[1], question))
            t = time.perf_counter()
            status, _, _ = await request(reader, writer, "GET", headers["location"], cookie)
            latencies["next page"].append(time.perf_counter() - t)
        writer.close()
    except Exception as error:  # a refused or reset connection counts, it does not stop the room
        failures.append(repr(error))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000 if values else float("nan")


async def main():
    start = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(phone(n, start) for n in range(PHONES))), timeout=120)
    took = time.perf_counter() - start
    everything = [v for values in latencies.values() for v in values]
    print(f"{PHONES} phones from {ADDRS} addresses, arriving over {ARRIVE:g} s, {THINK:g} s between answers: "
          f"done in {took:.1f} s, {len(everything)} requests")
    print(f"{'request':<12} {'count':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, values in list(latencies.items()) + [("all", everything)]:
        print(f"{name:<12} {len(values):>7} {percentile(values, 50):>8.1f} {percentile(values, 99):>8.1f} {percentile(values, 100):>8.1f}")
    stored = set(sqlite3.connect(DB).execute(
        "SELECT p.token, r.question FROM response r JOIN participant p ON p.id = r.participant_id").fetchall())
    missing = [a for a in acknowledged if a not in stored]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"this load generator used {usage.ru_utime + usage.ru_stime:.1f} s of CPU in {took:.1f} s (it shares the cores with the server)")
    print(f"{len(acknowledged)} answers acknowledged, {len(missing)} of them missing from the store; "
          f"{len(failures)} failures{': ' + ', '.join(sorted(set(failures))[:5]) if failures else ''}")
    sys.exit(1 if missing or failures else 0)


asyncio.run(main())
