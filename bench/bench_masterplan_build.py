"""How long building the master plan's content takes for the Katingan sample (issue 6).

Prints the time of ``kotacerdas.masterplan.builder.build`` (analysis, action plan reports, every chart drawn as
SVG and PNG), the best of a few runs, on a fresh SQLite database in a temporary directory. Target: well under
2 s on a 2-core machine. Run: ``.venv/bin/python bench/bench_masterplan_build.py [runs]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time


def main(runs: int = 3) -> None:
    os.environ.setdefault("KOTACERDAS_DATA_DIR", tempfile.mkdtemp(prefix="kc-bench-masterplan-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotacerdas.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from kotacerdas import sample
    from kotacerdas.actionplan.models import Activity
    from kotacerdas.masterplan.builder import build

    region = sample.load("katingan").region
    times = []
    doc = None
    for _ in range(runs):
        started = time.perf_counter()
        doc = build(region)
        times.append(time.perf_counter() - started)
    figures = sum(1 for _level, s in doc.walk() for b in s.blocks if type(b).__name__ == "Figure")
    tables = sum(1 for _level, s in doc.walk() for b in s.blocks if type(b).__name__ == "Table")
    print(
        f"Katingan: {Activity.objects.filter(region=region).count()} activities, {figures} figures, {tables} tables"
    )
    print(f"cpus: {os.cpu_count()}; runs: " + ", ".join(f"{t:.3f} s" for t in times))
    print(f"build (best of {runs}): {min(times):.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
