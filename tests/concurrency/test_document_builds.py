"""Eight people download the Katingan master plan at once from the real server (gunicorn, two worker processes):
the PDF is built once (the cache's builds.log, written by the builder, has one line), everyone gets the same file,
and the site keeps answering other pages while the build runs (issue 11 item 6: eight viewers used to stall the
site for 30 s)."""

from __future__ import annotations

import re
import threading
import time

from tests.concurrency.harness import Client, Installation

VIEWERS = 8


def test_eight_simultaneous_downloads_build_once_and_the_site_stays_responsive(tmp_path):
    with Installation(tmp_path / "data") as inst:
        inst.cli("sample", "load", "katingan")
        inst.start(workers=2)
        clients = []
        for _ in range(VIEWERS):
            c = Client(inst.url, timeout=120)
            c.login("viewer", "katingan-viewer")
            clients.append(c)
        other = Client(inst.url)
        other.login("op_dinkes", "katingan-operator")

        results: list = [None] * VIEWERS
        first_ready: list[float] = []
        barrier = threading.Barrier(VIEWERS + 1)

        def download(i: int) -> None:
            barrier.wait()
            deadline = time.monotonic() + 300
            response = clients[i].get("/d/katingan/masterplan.pdf")
            while response.status == 202 and time.monotonic() < deadline:
                assert 'http-equiv="refresh"' in response.body and not re.search(
                    r"<script(?![^>]*\bsrc=)", response.body
                )
                time.sleep(1)
                response = clients[i].get("/d/katingan/masterplan.pdf")
            results[i] = response
            first_ready.append(time.monotonic())

        threads = [threading.Thread(target=download, args=(i,), daemon=True) for i in range(VIEWERS)]
        for t in threads:
            t.start()
        barrier.wait()
        # Meanwhile an operator keeps working: every page answers, and some answer before the PDF is ready.
        answered_during_build = 0
        while any(t.is_alive() for t in threads):
            page = other.get("/d/katingan/")
            assert page.status == 200, page.status
            if not first_ready:
                answered_during_build += 1
            time.sleep(0.2)
        for t in threads:
            t.join(timeout=10)
        log = inst.server_log()
        inst.stop()

        assert all(r is not None for r in results), log
        assert [r.status for r in results] == [200] * VIEWERS
        assert all(r.body.startswith("%PDF") for r in results)
        assert len({r.body for r in results}) == 1
        builds = (tmp_path / "data" / "cache" / "masterplan" / "builds.log").read_text().splitlines()
        assert len(builds) == 1, builds
        assert answered_during_build >= 1
        assert "Traceback" not in log, log
