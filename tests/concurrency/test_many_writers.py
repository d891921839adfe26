"""Twenty operators writing at once (issue 11 item 1): the real server (``kotacerdas serve``, gunicorn, two
workers) on 127.0.0.1 with the Katingan sample, twenty threads each logged in as the operator of a different
agency, for a bounded 8 s rating SWOT factors (the same twelve factors for everyone, so writes contend) and adding
factors of their own. No request may fail ("database is locked" was 19 % of writes before), and every write that
was answered as saved is in the database afterwards: the final rating of every (factor, agency), one history row
per save, every added factor.

On SQLite by default; under ``scripts/with-postgres.sh`` (``DATABASE_URL`` set) the same test runs on a fresh
PostgreSQL database of its own.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter

from tests.concurrency.harness import Client, Installation, add_operators

OPERATORS = 20
SECONDS = 8.0
HARD_LIMIT = 120.0  # a bound even on a very loaded machine: stop starting new writes after this

VERIFY = """
from kotacerdas.assessment.models import SwotFactor, SwotRating
agencies = PARAMS["agencies"]
ratings = {
    f"{r.factor_id}:{r.agency_id}": [r.importance, r.rating]
    for r in SwotRating.objects.filter(agency_id__in=agencies)
}
history = {
    str(a): SwotRating.history.filter(agency_id=a).count() for a in agencies
}
texts = list(SwotFactor.objects.filter(text__startswith="Faktor uji beban").values_list("text", flat=True))
RESULT = {"ratings": ratings, "history": history, "texts": texts}
"""


def test_twenty_operators_write_at_once_without_errors_or_lost_writes(tmp_path):
    with Installation(tmp_path / "data") as inst:
        inst.cli("sample", "load", "katingan")
        setup = add_operators(inst, "katingan", OPERATORS)
        contended = [f for f in setup["factors"] if f["pillar"] in {"governance", "economy"}][:12]
        assert len(contended) == 12
        before = inst.django(VERIFY, agencies=[op["agency"] for op in setup["operators"]])
        inst.start(workers=2)

        errors: list[str] = []
        expected: dict[str, list[int]] = {}
        added: list[str] = []
        saves = Counter()  # agency -> rating rows written (each save leaves one history row)
        lock = threading.Lock()
        barrier = threading.Barrier(OPERATORS)

        def operator(op: dict, seed: int) -> None:
            rnd = random.Random(seed)
            client = Client(inst.url)
            try:
                client.login(op["username"])
            except AssertionError as exc:
                with lock:
                    errors.append(str(exc))
                barrier.abort()
                return
            barrier.wait(timeout=HARD_LIMIT)
            start = time.monotonic()
            n = 0
            # At least one rating and one new factor each, then as many as fit in SECONDS.
            while n < 2 or (time.monotonic() - start < SECONDS and time.monotonic() - start < HARD_LIMIT):
                n += 1
                if n == 2 or rnd.random() < 0.15:
                    pillar = rnd.choice(["governance", "economy"])
                    text = f"Faktor uji beban {op['username']} nomor {n}"
                    page = f"/d/katingan/analisis/swot/{pillar}/"
                    response = client.submit(
                        page,
                        f"{page}faktor/",
                        {"kind": rnd.choice("SWOT"), "text": text, "agency": op["agency"],
                         "importance": "3", "rating": "2"},
                    )  # fmt: skip
                    if response.status == 302:
                        with lock:
                            added.append(text)
                            saves[op["agency"]] += 1
                    else:
                        with lock:
                            errors.append(f"{op['username']} add: {response.status} {response.body[:300]}")
                    continue
                factor = rnd.choice(contended)
                importance, rating = rnd.randint(1, 5), rnd.randint(1, 4)
                path = f"/d/katingan/analisis/swot/{factor['pillar']}/faktor/{factor['pk']}/nilai/"
                response = client.submit(
                    path, None, {"agency": op["agency"], "importance": importance, "rating": rating}
                )
                expected_key = f"{factor['pk']}:{op['agency']}"
                with lock:
                    if response.status == 302:
                        expected[expected_key] = [importance, rating]
                        saves[op["agency"]] += 1
                    else:
                        errors.append(f"{op['username']} rate: {response.status} {response.body[:300]}")

        threads = [
            threading.Thread(target=operator, args=(op, i), daemon=True)
            for i, op in enumerate(setup["operators"])
        ]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=HARD_LIMIT + 120)
        elapsed = time.monotonic() - started
        assert not any(t.is_alive() for t in threads), "an operator thread did not finish"
        log = inst.server_log()
        inst.stop()

        assert errors == [], f"{len(errors)} failed requests, first: {errors[:3]}\nserver log:\n{log}"
        assert "database is locked" not in log
        assert "Traceback" not in log, log
        assert len(saves) == OPERATORS and all(count >= 2 for count in saves.values())

        after = inst.django(VERIFY, agencies=[op["agency"] for op in setup["operators"]])
        for key, value in expected.items():
            assert after["ratings"].get(key) == value, (
                f"rating {key}: saved {value}, stored {after['ratings'].get(key)}"
            )
        for op in setup["operators"]:
            agency = str(op["agency"])
            assert after["history"][agency] - before["history"][agency] == saves[op["agency"]], op
        assert sorted(after["texts"]) == sorted(added)
        print(
            f"{inst.engine}: {sum(saves.values())} writes by {OPERATORS} operators in {elapsed:.1f} s, 0 errors"
        )
