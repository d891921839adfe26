"""Benchmark of the master plan document: build + DOCX / PDF / HTML for Katingan and synthetic larger regions.

Run: ``.venv/bin/python bench/bench_masterplan.py`` (uses its own throwaway SQLite database, so it never touches
your data). Prints, per region: the number of activities, the build time (workspace → Document, charts
included), each renderer's time and size, and LibreOffice's DOCX → PDF conversion time where ``libreoffice`` is
installed (``apt-get install -y --no-install-recommends libreoffice-writer-nogui``; the product does not need
it). Targets (issue 6): Katingan DOCX + PDF within 5 s together, charts included; the PDF faster than
LibreOffice's conversion; time growing no faster than linearly with the number of activities.

The synthetic regions are the Katingan region file imported under new slugs, with ``N`` generated programs and
activities (each with two yearly costs) spread over its agencies and the six pillars: ``x1`` has as many activities
as Katingan (the plain copy; 60 generated ones when the sample has none) and ``x10`` ten times as many.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = tempfile.mkdtemp(prefix="kc-bench-masterplan-")
os.environ["KOTACERDAS_DATA_DIR"] = DATA
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotacerdas.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from kotacerdas import sample  # noqa: E402
from kotacerdas.actionplan.models import Activity, ActivityYear, Program  # noqa: E402
from kotacerdas.interchange import region_file  # noqa: E402
from kotacerdas.masterplan import render_common  # noqa: E402
from kotacerdas.masterplan.builder import build  # noqa: E402
from kotacerdas.regions.models import Region  # noqa: E402

MIN_BASE = 60


def synthetic_region(slug: str, n_activities: int) -> Region:
    """The Katingan region file (with its own activities) under ``slug``, plus ``n_activities`` generated ones."""
    document = region_file.export_region(Region.objects.get(slug="katingan"))
    document = json.loads(json.dumps(document))
    document["users"] = []  # logins are per person; the copy needs none
    region = region_file.import_document(document, slug=slug)
    agencies = list(region.agencies.all())
    pillars = list(region.framework.pillars.all())
    if n_activities <= 0:
        return region
    programs = []
    n_programs = max(1, n_activities // 5)
    for k in range(n_programs):
        programs.append(
            Program(
                region=region,
                agency=agencies[k % len(agencies)],
                pillar=pillars[k % len(pillars)],
                code=f"{7 + k // 10000}.{(k // 100) % 100:02d}.{k % 100:02d}",
                name=f"Program sintetis {k + 1} penguatan layanan digital",
            )
        )
    Program.objects.bulk_create(programs)
    programs = list(Program.objects.filter(region=region).order_by("pk"))
    horizons = ("quick_win", "short", "medium", "long")
    activities = []
    for i in range(n_activities):
        start = 2025 + i % 8
        activities.append(
            Activity(
                region=region,
                program=programs[i % len(programs)],
                ref=f"SYN-{i + 1:05d}",
                code=f"7.16.03.2.02.{i + 1:04d}",
                name=f"Kegiatan sintetis {i + 1}: pengembangan sistem informasi desa dan layanan publik",
                output_indicator="Jumlah layanan daring",
                output_unit="layanan",
                horizon=horizons[i % 4]
                if horizons[i % 4] in Activity.Horizon.values
                else Activity.Horizon.values[0],
                start_year=start,
                end_year=start + 1,
                funding_source="apbd",
                infrastructure=Activity.Infrastructure.values[i % len(Activity.Infrastructure.values)],
                no_local_wisdom_relation=True,
            )
        )
    Activity.objects.bulk_create(activities)
    years = []
    for a in Activity.objects.filter(region=region, ref__startswith="SYN-"):
        years.append(ActivityYear(region=region, activity=a, year=a.start_year, cost=250_000_000, target=1))
        years.append(ActivityYear(region=region, activity=a, year=a.end_year, cost=125_000_000, target=2))
    ActivityYear.objects.bulk_create(years)
    return region


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def libreoffice(docx: bytes) -> float | None:
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    if exe is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "masterplan.docx"
        src.write_bytes(docx)
        profile = Path(tmp) / "profile"
        start = time.perf_counter()
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp,
             str(src)],
            check=True,
            capture_output=True,
        )  # fmt: skip
        elapsed = time.perf_counter() - start
        if not (Path(tmp) / "masterplan.pdf").exists():
            return None
    return elapsed


def pages(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True)
    for line in out.stdout.splitlines():
        if line.startswith("Pages:"):
            return line.split()[1]
    return "?"


def main() -> int:
    print(f"database: {DATA} (throwaway)", file=sys.stderr)
    call_command("migrate", interactive=False, verbosity=0)
    sample.load("katingan")
    base = Activity.objects.filter(region__slug="katingan").count()
    n1 = base or MIN_BASE
    regions = [("katingan", Region.objects.get(slug="katingan"))]
    regions.append(("x1  (copy)", synthetic_region("sintetis-x1", n1 - base)))
    regions.append(("x10 (copy + generated)", synthetic_region("sintetis-x10", 10 * n1 - base)))
    # warm-up: the first Typst compile loads fonts, the first chart imports matplotlib's font cache
    render_common.render(build(regions[0][1]), "pdf")

    header = f"{'region':<22}{'kegiatan':>9}{'build':>8}{'docx':>8}{'pdf':>8}{'html':>8}{'docx+pdf*':>11}{'pages':>7}{'LibreOffice':>13}"
    print(header)
    print("-" * len(header))
    rows = []
    for name, region in regions:
        n = Activity.objects.filter(region=region).count()
        doc, t_build = timed(build, region)
        docx, t_docx = timed(render_common.render, doc, "docx")
        pdf, t_pdf = timed(render_common.render, doc, "pdf")
        _html, t_html = timed(render_common.render, doc, "html")
        t_lo = libreoffice(docx)
        lo = f"{t_lo:.2f} s" if t_lo is not None else "n/a"
        both = t_build + t_docx + t_pdf
        print(
            f"{name:<22}{n:>9}{t_build:>7.2f}s{t_docx:>7.2f}s{t_pdf:>7.2f}s{t_html:>7.2f}s{both:>10.2f}s"
            f"{pages(pdf):>7}{lo:>13}"
        )
        rows.append((name, n, t_build, t_docx, t_pdf, t_html, t_lo))
    print(
        "\n* docx+pdf = one build (charts included) + the DOCX + the PDF, as the command line does for both."
    )
    # Growth from Katingan itself: the x1 copy renders the very same content, and Typst's in-process memoisation
    # makes that second compile unrealistically fast.
    (_, n_a, *ta), (_, n_b, *tb) = rows[0], rows[2]
    for label, i in (("build", 0), ("docx", 1), ("pdf", 2), ("html", 3)):
        ratio = tb[i] / ta[i] if ta[i] else float("nan")
        print(
            f"growth katingan → x10 ({n_a} → {n_b} activities), {label}: ×{ratio:.1f} (linear would be ×{n_b / n_a:.0f} at most)"
        )
    shutil.rmtree(DATA, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
