"""Load benchmark (issue 11 item 11): the real server under a bimtek's load, on SQLite or PostgreSQL.

Starts ``kotacerdas serve`` (gunicorn) on 127.0.0.1 with a temporary data directory holding the Katingan sample,
logs in 20 operators (each of a different agency) and 50 readers, then for 30 s lets the operators rate SWOT
factors, add factors and open pages while the readers browse the workspace. Prints requests per second, latency
percentiles and errors for reads and writes, and checks afterwards that every write answered as saved is in the
database. It is a benchmark: it prints figures and asserts nothing. Traffic goes to 127.0.0.1 only, and is bounded
by ``--seconds``.

    .venv/bin/python bench/bench_load.py                          # SQLite
    .venv/bin/python bench/bench_load.py --database postgresql    # a throwaway cluster (scripts/with-postgres.sh)
    DATABASE_URL=postgresql://… .venv/bin/python bench/bench_load.py --database postgresql  # a fresh database there

Options: ``--seconds 30 --operators 20 --readers 50 --workers 2``.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if str(ROOT / "src") not in sys.path:
    sys.path.insert(1, str(ROOT / "src"))

from tests.concurrency.harness import Client, Installation, add_operators, percentile  # noqa: E402

READ_PAGES = [
    "/d/katingan/",
    "/d/katingan/analisis/",
    "/d/katingan/analisis/swot/governance/",
    "/d/katingan/analisis/swot/economy/",
    "/d/katingan/analisis/kematangan/",
    "/d/katingan/rencana-aksi/",
    "/d/katingan/riwayat/",
]

VERIFY = """
from kotacerdas.assessment.models import SwotFactor, SwotRating
agencies = PARAMS["agencies"]
RESULT = {
    "ratings": {f"{r.factor_id}:{r.agency_id}": [r.importance, r.rating]
                for r in SwotRating.objects.filter(agency_id__in=agencies)},
    "history": SwotRating.history.filter(agency_id__in=agencies).count(),
    "added": SwotFactor.objects.filter(text__startswith="Faktor beban").count(),
}
"""


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = {"read": [], "write": []}
        self.errors: dict[str, list[str]] = {"read": [], "write": []}
        self.expected: dict[str, list[int]] = {}
        self.rating_saves = 0
        self.added = 0

    def record(self, kind: str, response, ok_status: int, what: str) -> bool:
        with self.lock:
            self.samples[kind].append(response.seconds)
            if response.status != ok_status:
                self.errors[kind].append(f"{what}: HTTP {response.status}")
                return False
            return True


def operator(rec: Recorder, client: Client, op: dict, factors: list[dict], stop: float, seed: int) -> None:
    rnd = random.Random(seed)
    n = 0
    while time.monotonic() < stop:
        n += 1
        roll = rnd.random()
        if roll < 0.2:
            page = client.get(rnd.choice(READ_PAGES))
            rec.record("read", page, 200, "operator read")
        elif roll < 0.3:
            pillar = rnd.choice(["governance", "economy"])
            path = f"/d/katingan/analisis/swot/{pillar}/"
            page = client.get(path)
            if not rec.record("read", page, 200, "swot page"):
                continue
            values = {"kind": rnd.choice("SWOT"), "text": f"Faktor beban {op['username']} {n}",
                      "agency": op["agency"], "importance": "3", "rating": "2"}  # fmt: skip
            response = client.submit(path, f"{path}faktor/", values, page=page)
            if rec.record("write", response, 302, "add factor"):
                with rec.lock:
                    rec.added += 1
                    rec.rating_saves += 1
        else:
            factor = rnd.choice(factors)
            path = f"/d/katingan/analisis/swot/{factor['pillar']}/faktor/{factor['pk']}/nilai/"
            page = client.get(path)
            if not rec.record("read", page, 200, "rating form"):
                continue
            importance, rating = rnd.randint(1, 5), rnd.randint(1, 4)
            values = {"agency": op["agency"], "importance": importance, "rating": rating}
            response = client.submit(path, None, values, page=page)
            if rec.record("write", response, 302, "rate factor"):
                with rec.lock:
                    rec.expected[f"{factor['pk']}:{op['agency']}"] = [importance, rating]
                    rec.rating_saves += 1


def reader(rec: Recorder, client: Client, stop: float, seed: int) -> None:
    rnd = random.Random(seed)
    while time.monotonic() < stop:
        rec.record("read", client.get(rnd.choice(READ_PAGES)), 200, "reader")


def _line(label: str, values: list[float], errors: int, seconds: float) -> str:
    ms = [v * 1000 for v in values]
    rate = len(values) / seconds if seconds else 0
    if not ms:
        return f"{label:<8} {0:>8} {0:>8.1f} {'-':>8} {'-':>8} {'-':>8} {errors:>7}"
    p50, p95, p99 = (percentile(ms, q) for q in (50, 95, 99))
    return f"{label:<8} {len(values):>8} {rate:>8.1f} {p50:>8.0f} {p95:>8.0f} {p99:>8.0f} {errors:>7}"


def run(args: argparse.Namespace) -> int:
    with (
        tempfile.TemporaryDirectory(prefix="kotacerdas-bench-") as tmp,
        Installation(Path(tmp) / "data") as inst,
    ):
        print(
            f"Database: {inst.engine}; gunicorn workers: {args.workers}; {os.cpu_count()} CPU(s)", flush=True
        )
        t = time.monotonic()
        inst.cli("sample", "load", "katingan")
        setup = add_operators(inst, "katingan", args.operators, readers=args.readers)
        factors = [f for f in setup["factors"] if f["pillar"] in {"governance", "economy"}][:12]
        print(f"Katingan sample loaded, {args.operators} operators and {args.readers} readers added "
              f"({time.monotonic() - t:.0f} s)", flush=True)  # fmt: skip
        inst.start(workers=args.workers)
        before = inst.django(VERIFY, agencies=[op["agency"] for op in setup["operators"]])

        rec = Recorder()
        people = [("op", op) for op in setup["operators"]] + [("reader", r) for r in setup["readers"]]
        clients = []
        t = time.monotonic()
        for _, person in people:
            client = Client(inst.url, timeout=120)
            client.login(person["username"])
            clients.append(client)
        print(
            f"{len(clients)} logins ({time.monotonic() - t:.0f} s); running {args.seconds:.0f} s ...",
            flush=True,
        )

        start = time.monotonic()
        stop = start + args.seconds
        threads = []
        for i, ((kind, person), client) in enumerate(zip(people, clients, strict=True)):
            if kind == "op":
                target, params = operator, (rec, client, person, factors, stop, i)
            else:
                target, params = reader, (rec, client, stop, i)
            threads.append(threading.Thread(target=target, args=params, daemon=True))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 300)
        elapsed = time.monotonic() - start
        log = inst.server_log()
        after = inst.django(VERIFY, agencies=[op["agency"] for op in setup["operators"]])
        inst.stop()

        print()
        print(f"{'':<8} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
        everything = rec.samples["read"] + rec.samples["write"]
        print(_line("reads", rec.samples["read"], len(rec.errors["read"]), elapsed))
        print(_line("writes", rec.samples["write"], len(rec.errors["write"]), elapsed))
        print(_line("all", everything, len(rec.errors["read"]) + len(rec.errors["write"]), elapsed))
        lost = sum(1 for key, value in rec.expected.items() if after["ratings"].get(key) != value)
        stored = after["history"] - before["history"]
        print(
            f"\nWrites answered as saved: {rec.rating_saves} (ratings and new factors); rows in the history: "
            f"{stored}; final ratings not as last saved: {lost}; new factors stored: {after['added']} of {rec.added}"
        )
        print(f"'database is locked' in the server log: {log.count('database is locked')}")
        for kind in ("read", "write"):
            for message in sorted(set(rec.errors[kind]))[:5]:
                print(f"  {kind} error: {message} (x{rec.errors[kind].count(message)})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--operators", type=int, default=20)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.seconds > 600:
        parser.error("--seconds must be within 0–600")
    if args.database == "postgresql" and not os.environ.get("DATABASE_URL"):
        # A throwaway cluster for the run: with-postgres.sh sets DATABASE_URL and removes the cluster afterwards.
        command = [
            str(ROOT / "scripts" / "with-postgres.sh"),
            sys.executable,
            __file__,
            *(argv or sys.argv[1:]),
        ]
        return subprocess.call(command)
    if args.database == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    # The server and the commands run this checkout's code.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
    )
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
