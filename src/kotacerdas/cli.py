"""The ``kotacerdas`` command line: setup, demo, import/export, analysis and documents.

Every sub-command is a thin shell over a function of the package; ``main(argv)`` returns the exit status so tests
can call it directly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import django
from django.core.management import call_command, execute_from_command_line
from django.db import connections
from gunicorn.app.wsgiapp import WSGIApplication

from kotacerdas.accounts.datafiles import restrict_umask


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotacerdas.settings")
    django.setup()


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_serve(args: argparse.Namespace) -> int:
    _django()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()  # a connection left open here would be shared by every forked worker (PostgreSQL)
    url = f"http://{args.host}:{args.port}/"
    print(f"kotacerdas berjalan di / is running at {url}  (Ctrl+C untuk berhenti / to stop)", flush=True)
    sys.argv = [
        "gunicorn",
        "kotacerdas.wsgi:application",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        "--access-logfile",
        "-" if args.access_log else "/dev/null",
    ]
    WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()
    return 0


def cmd_sample_load(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas import sample

    call_command("migrate", interactive=False, verbosity=0)
    if args.name not in sample.NAMES:
        _err(f"Contoh '{args.name}' tidak ada. Pilihan: {', '.join(sample.NAMES)}")
        return 2
    loaded = sample.load(args.name, replace=args.replace)
    print(f"Contoh dimuat / sample loaded: {loaded.region.title} ({loaded.region.slug})")
    if loaded.logins:
        print("Akun demo / demo logins:")
        for login in loaded.logins:
            print(f"  {login.username:<22} {login.password:<18} {login.description}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.interchange import region_file
    from kotacerdas.regions.models import Region

    region = Region.objects.filter(slug=args.region).first()
    if region is None:
        _err(f"Daerah '{args.region}' tidak ditemukan / region not found.")
        return 2
    text = json.dumps(region_file.export_region(region), ensure_ascii=False, indent=2) + "\n"
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Ditulis / written: {args.output}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.interchange import region_file

    try:
        document = region_file.read_document(sys.stdin.buffer if args.file == "-" else Path(args.file))
        region = region_file.import_document(document, slug=args.slug)
    except OSError as exc:
        _err(f"{args.file}: tidak dapat dibaca / cannot be read: {exc.strerror}")
        return 2
    except json.JSONDecodeError as exc:
        _err(f"{args.file}:{exc.lineno}:{exc.colno}: bukan JSON yang sah / not valid JSON: {exc.msg}")
        return 1
    except region_file.InvalidRegionFile as exc:
        _err(f"{args.file}: {len(exc.problems)} masalah, tidak ada yang ditulis / problems, nothing written:")
        for problem in exc.problems:
            _err(f"  {problem}")
        return 1
    print(f"Diimpor / imported: {region.title} ({region.slug})")
    return 0


def _region_or_error(slug: str):
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.regions.models import Region

    region = Region.objects.filter(slug=slug).first()
    if region is None:
        _err(f"Daerah '{slug}' tidak ditemukan / region not found.")
    return region


def _num(value, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def cmd_analyze(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.assessment.analysis import analyse_region, to_json

    region = _region_or_error(args.region)
    if region is None:
        return 2
    result = analyse_region(region)
    if args.json:
        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
        return 0
    header = ["Pilar", "Kesiapan", "S", "W", "O", "T", "x", "y", "Kuadran", "IFE", "EFE", "IE", "Kematangan",
              "Predikat", "Target", "Daya saing", "Peringkat"]  # fmt: skip
    rows = []
    for p in result.pillars.values():
        a = p.swot
        rows.append([
            p.pillar.name, _num(p.readiness.score),
            *(_num(getattr(a, k) if a else None) for k in ("s", "w", "o", "t", "x", "y")),
            ("I", "II", "III", "IV")[a.quadrant - 1] if a and a.quadrant else "–",
            _num(a.ife if a else None), _num(a.efe if a else None),
            ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[a.ie_cell - 1] if a and a.ie_cell else "–",
            _num(p.maturity.index), p.maturity.predicate or "–", _num(p.maturity_target),
            _num(p.competitiveness_score, 1), str(p.competitiveness_rank or "–"),
        ])  # fmt: skip
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"{region.title} — analisis bimtek I dan II / workshop analysis")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    print()
    print(
        f"Kesiapan daerah / region readiness: {_num(result.readiness.score)} ({result.readiness.band or 'belum ada skor'})"
    )
    print(
        f"Indeks kematangan / maturity index: {_num(result.maturity.index)} "
        f"({result.maturity.predicate or 'belum ada skor'})"
    )
    for p in result.pillars.values():
        if p.swot_problem:
            print(f"SWOT {p.pillar.name}: {p.swot_problem}")
        elif p.swot is not None and p.swot.quadrant is None:
            print(f"SWOT {p.pillar.name}: {'; '.join(p.swot.notes)}")
    for note in result.notes:
        print(note)
    return 0


def _rupiah(amount: float) -> str:
    # not at the top: the method engine takes a while to load, and most commands never need it
    from kotacerdas.method.errors import rupiah

    return rupiah(amount)


def cmd_prioritize(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.actionplan import services

    region = _region_or_error(args.region)
    if region is None:
        return 2
    try:
        if args.save:
            run = services.run_prioritization(
                region, name=args.save, gap=args.gap, time_limit=args.time_limit
            )
            document = services.plan_json(run)
        else:
            outcome = services.compute_plan(region, gap=args.gap, time_limit=args.time_limit)
            document = services.plan_json(outcome)
    except services.PrioritizationError as exc:
        _err(f"{region.slug}: prioritas tidak dapat dihitung / cannot prioritise: {exc}")
        return 1
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.actionplan.models import Activity

    names = dict(Activity.objects.filter(region=region).values_list("ref", "name"))
    gap = "–" if document["gap"] is None else f"{document['gap']:.4f}"
    print(f"{region.title} — peta jalan / roadmap")
    print(
        f"Status: {document['status']}  optimal: {'ya / yes' if document['optimal'] else 'tidak / no'}  "
        f"gap: {gap}  total prioritas / objective: {document['objective']:.4f}"
    )
    print()
    print(f"Terpilih / chosen ({len(document['chosen'])}):")
    width = max((len(ref) for ref in [*document["chosen"], *document["deferred"]]), default=3)
    for ref, start in sorted(document["chosen"].items(), key=lambda item: (item[1], item[0])):
        print(f"  {start}  {ref:<{width}}  {names.get(ref, '')}")
    print()
    print(f"Ditunda / deferred ({len(document['deferred'])}):")
    for ref, reason in document["deferred"].items():
        print(f"  {ref:<{width}}  {names.get(ref, '')}: {reason}")
    print()
    print("Belanja terhadap pagu / spending against ceilings:")
    for row in document["spending"]:
        mark = "  MELEBIHI / OVER" if row["amount"] > row["ceiling"] else ""
        print(
            f"  {row['year']}  {row['source']:<10} {_rupiah(row['amount']):>22} / {_rupiah(row['ceiling']):>22}{mark}"
        )
    if args.save:
        print(f"\nDisimpan sebagai / saved as: {args.save}")
    return 0


def cmd_roadmap(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas import charts
    from kotacerdas.actionplan import services
    from kotacerdas.actionplan.models import PrioritizationRun

    region = _region_or_error(args.region)
    if region is None:
        return 2
    fmt = Path(args.output).suffix.lower().lstrip(".")
    if fmt not in charts.FORMATS:
        _err(f"{args.output}: tulis .svg atau .png / write .svg or .png")
        return 1
    run = None
    if args.run:
        run = PrioritizationRun.objects.filter(region=region, name=args.run).first()
        if run is None:
            known = ", ".join(PrioritizationRun.objects.filter(region=region).values_list("name", flat=True))
            _err(f"Hasil prioritas '{args.run}' tidak ada / unknown run. Known: {known or '-'}")
            return 2
    try:
        rows = services.roadmap_rows(region, run, by=args.by)
    except services.PrioritizationError as exc:
        _err(f"{region.slug}: peta jalan tidak dapat dihitung / cannot build the roadmap: {exc}")
        return 1
    title = f"Peta jalan {region.title}" + (f" — {run.name}" if run else "")
    Path(args.output).write_bytes(charts.render(charts.roadmap_chart(rows, title=title), fmt))
    print(f"Ditulis / written: {args.output} ({len(rows)} kegiatan / activities)", file=sys.stderr)
    return 0


def _agency_or_error(region, abbreviation: str | None):
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.regions.models import Agency

    if abbreviation is None:
        return None, True
    agency = Agency.objects.filter(region=region, abbreviation__iexact=abbreviation).first()
    if agency is None:
        known = ", ".join(Agency.objects.filter(region=region).values_list("abbreviation", flat=True))
        _err(f"Perangkat daerah '{abbreviation}' tidak ada di {region.slug} / unknown agency. Known: {known}")
        return None, False
    return agency, True


def cmd_workbook_template(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.interchange import workbook

    workbook.write_template(args.output)
    print(f"Ditulis / written: {args.output}", file=sys.stderr)
    return 0


def cmd_workbook_export(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.interchange import workbook

    region = _region_or_error(args.region)
    if region is None:
        return 2
    agency, ok = _agency_or_error(region, args.agency)
    if not ok:
        return 2
    workbook.export_workbook(region, args.output, agency=agency)
    print(f"Ditulis / written: {args.output}", file=sys.stderr)
    return 0


def cmd_workbook_import(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.interchange import workbook

    region = _region_or_error(args.region)
    if region is None:
        return 2
    agency, ok = _agency_or_error(region, args.agency)
    if not ok:
        return 2
    if not Path(args.file).is_file():
        _err(f"{args.file}: berkas tidak ditemukan / file not found")
        return 2
    try:
        summary = workbook.import_workbook(region, args.file, agency=agency)
    except workbook.InvalidWorkbook as exc:
        _err(f"{args.file}: {len(exc.problems)} masalah, tidak ada yang diubah / problems, nothing changed:")
        _err(str(exc))
        return 1
    print(summary)
    return 0


class _ProgressBar:
    """``progress(step, done, total)`` for the master plan builder: a bar redrawn in place on a terminal, one line
    per step otherwise (a log, a pipe)."""

    def __init__(self, stream=None, width: int = 28) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.width = width
        self.step = None

    def __call__(self, step: str, done: int, total: int) -> None:
        if self.tty:
            filled = self.width * done // total if total else self.width
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r\033[K{step[:24]:<24} [{bar}] {done}/{total}")
        elif step != self.step:
            self.stream.write(f"{step} ...\n")
        self.step = step
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.step is not None:
            self.stream.write("\n")
            self.stream.flush()


def cmd_masterplan(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.masterplan import render_common
    from kotacerdas.masterplan.builder import build

    region = _region_or_error(args.region)
    if region is None:
        return 2
    bar = _ProgressBar()
    try:
        doc = build(region, progress=bar)
        bar(f"menulis {args.format.upper()}", 0, 1)
        data = render_common.render(doc, args.format)
        bar(f"menulis {args.format.upper()}", 1, 1)
    finally:
        bar.close()
    Path(args.output).write_bytes(data)
    mark = " (DRAF)" if doc.draft else ""
    print(f"Ditulis / written: {args.output}{mark}", file=sys.stderr)
    return 0


def _confirmed(prompt: str, expected: set[str]) -> bool:
    """Ask on the terminal; an empty or closed input is a no."""
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in expected


def cmd_backup(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas import backup

    try:
        summary = backup.backup(args.output)
    except backup.BackupError as exc:
        _err(f"{args.output}: {exc}")
        return 1
    except OSError as exc:
        _err(f"{args.output}: tidak dapat ditulis / cannot be written: {exc.strerror or exc}")
        return 1
    print(
        f"Cadangan ditulis / backup written: {summary.path} "
        f"({summary.objects} data / objects, {summary.media_files} berkas unggahan / uploaded files)"
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas import backup

    if not Path(args.file).is_file():
        _err(f"{args.file}: berkas tidak ditemukan / file not found")
        return 2
    if args.replace and not args.yes:
        call_command("migrate", interactive=False, verbosity=0)
        if not backup.installation_is_empty():
            prompt = (
                "Semua data instalasi ini (daerah, pengguna, riwayat, unggahan) akan DIHAPUS lalu diganti isi "
                f"cadangan.\nAll data of this installation will be DELETED and replaced by {args.file}.\n"
                "Ketik 'ya' untuk melanjutkan / type 'yes' to continue: "
            )
            if not _confirmed(prompt, {"ya", "yes"}):
                _err("Dibatalkan, tidak ada yang diubah / cancelled, nothing changed.")
                return 1
    try:
        manifest = backup.restore(args.file, replace=args.replace)
    except backup.BackupError as exc:
        _err(f"{args.file}: {exc}")
        return 1
    total = sum((manifest.get("counts") or {}).values())
    print(
        f"Dipulihkan / restored: {args.file} (dibuat / made {manifest.get('created')}, "
        f"{total} data / objects, {len(manifest.get('media') or [])} berkas unggahan / uploaded files)"
    )
    return 0


def cmd_region_delete(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas import backup
    from kotacerdas.actionplan.models import Activity
    from kotacerdas.regions.models import Agency

    region = _region_or_error(args.region)
    if region is None:
        return 2
    if not args.yes:
        agencies = Agency.objects.filter(region=region).count()
        activities = Activity.objects.filter(region=region).count()
        prompt = (
            f"Daerah {region.title} ({region.slug}) beserta seluruh isinya ({agencies} perangkat daerah, "
            f"{activities} kegiatan, semua analisis dan keanggotaan) akan DIHAPUS.\n"
            f"Region {region.title} and everything in it will be DELETED.\n"
            f"Ketik kode singkat daerah untuk melanjutkan / type the region slug to continue ({region.slug}): "
        )
        if not _confirmed(prompt, {region.slug.lower()}):
            _err("Dibatalkan, tidak ada yang dihapus / cancelled, nothing deleted.")
            return 1
    deleted = backup.delete_region(region.slug)
    total = sum(deleted.values())
    print(f"Dihapus / deleted: {region.title} ({region.slug}), {total} data / objects")
    return 0


def cmd_region_new(args: argparse.Namespace) -> int:
    _django()
    # after django.setup(): this imports the models, which need the app registry
    from kotacerdas.interchange import area_codes, region_file
    from kotacerdas.reference.wilayah import UnknownArea

    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    try:
        created = area_codes.create_region(args.code, slug=args.slug)
    except (UnknownArea, area_codes.BadSlug, area_codes.SlugTaken) as exc:
        _err(f"{args.code}: {exc}")
        return 2
    except region_file.InvalidRegionFile as exc:
        _err(f"{args.code}: tidak ada yang ditulis / nothing written:")
        for problem in exc.problems:
            _err(f"  {problem}")
        return 1
    elapsed = time.perf_counter() - started
    region = created.region
    print(
        f"Dibuat / created: {region.title} ({region.slug}), {region.province}, kode / code {region.kemendagri_code}"
    )
    print(f"  {created.summary}")
    print(f"  {created.area.regulation}")
    print(f"  dalam / in {elapsed:.1f} s")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotacerdas.settings")
    execute_from_command_line(["kotacerdas manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kotacerdas",
        description="Masterplan Smart City kabupaten/kota — build and follow a regional Smart City master plan.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("serve", help="jalankan server web / run the web server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--access-log", action="store_true", help="cetak log akses / print the access log")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("sample", help="data contoh / sample data")
    sample_sub = p.add_subparsers(dest="sample_command", required=True, metavar="ACTION")
    q = sample_sub.add_parser("load", help="muat data contoh / load a sample region")
    q.add_argument("name", help="katingan, tanjung-harapan")
    q.add_argument("--replace", action="store_true", help="ganti bila sudah ada / replace if already loaded")
    q.set_defaults(func=cmd_sample_load)

    p = sub.add_parser("export", help="ekspor daerah ke JSON / export a region as kotacerdas-region/1 JSON")
    p.add_argument("region", help="kode singkat daerah / region slug")
    p.add_argument("-o", "--output", help="berkas tujuan (bawaan: layar) / output file (default: stdout)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="impor daerah dari JSON / import a region file")
    p.add_argument("file", help="berkas kotacerdas-region/1 (atau - untuk stdin)")
    p.add_argument("--slug", help="simpan dengan kode singkat baru / store under a new slug")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("workbook", help="lembar kerja Excel bimtek / bimtek Excel worksheets")
    wb = p.add_subparsers(dest="workbook_command", required=True, metavar="ACTION")
    q = wb.add_parser("template", help="lembar kosong / blank worksheets")
    q.add_argument("-o", "--output", required=True, help="FILE.xlsx")
    q.set_defaults(func=cmd_workbook_template)
    q = wb.add_parser("export", help="lembar terisi / filled worksheets")
    q.add_argument("region", help="kode singkat daerah / region slug")
    q.add_argument("-o", "--output", required=True, help="FILE.xlsx")
    q.add_argument(
        "--agency", help="hanya baris OPD ini (singkatan) / only this agency's rows (abbreviation)"
    )
    q.set_defaults(func=cmd_workbook_export)
    q = wb.add_parser(
        "import", help="impor lembar kerja (semua atau tidak sama sekali) / import, all or nothing"
    )
    q.add_argument("region", help="kode singkat daerah / region slug")
    q.add_argument("file", help="FILE.xlsx")
    q.add_argument("--agency", help="impor sebagai operator OPD ini / import as this agency's operator")
    q.set_defaults(func=cmd_workbook_import)

    p = sub.add_parser("analyze", help="ringkasan analisis per pilar / per-pillar analysis summary")
    p.add_argument("region", help="kode singkat daerah / region slug")
    p.add_argument("--json", action="store_true", help="satu dokumen JSON / one JSON document")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("masterplan", help="dokumen masterplan DOCX/PDF/HTML / the master plan document")
    p.add_argument("region", help="kode singkat daerah / region slug")
    p.add_argument("--format", choices=("docx", "pdf", "html"), default="pdf", help="bawaan / default: pdf")
    p.add_argument("-o", "--output", required=True, help="FILE.docx|.pdf|.html")
    p.set_defaults(func=cmd_masterplan)

    p = sub.add_parser(
        "prioritize", help="pilih dan jadwalkan kegiatan dalam pagu / choose and schedule within the ceilings"
    )
    p.add_argument("region", help="kode singkat daerah / region slug")
    p.add_argument("--json", action="store_true", help="satu dokumen JSON / one JSON document")
    p.add_argument(
        "--save", metavar="NAME", help="simpan hasil dengan nama ini / save the run under this name"
    )
    p.add_argument("--gap", type=float, default=0.005, help="celah optimalitas relatif / relative MIP gap")
    p.add_argument("--time-limit", type=float, default=10.0, help="batas waktu (detik) / time limit (s)")
    p.set_defaults(func=cmd_prioritize)

    p = sub.add_parser("roadmap", help="grafik peta jalan (Gantt) / roadmap chart")
    p.add_argument("region", help="kode singkat daerah / region slug")
    p.add_argument("-o", "--output", required=True, help="FILE.svg atau FILE.png")
    p.add_argument("--by", choices=["pillar", "agency"], default="pillar", help="kelompok / group by")
    p.add_argument(
        "--run", metavar="NAME", help="hasil prioritas tersimpan / a saved run (default: compute now)"
    )
    p.set_defaults(func=cmd_roadmap)

    p = sub.add_parser("backup", help="cadangkan seluruh instalasi / back up the whole installation")
    p.add_argument("-o", "--output", required=True, help="FILE.zip (dibuat dengan izin 0600 / mode 0600)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="pulihkan instalasi dari cadangan / restore a backup")
    p.add_argument("file", help="FILE.zip dari / from `kotacerdas backup`")
    p.add_argument(
        "--replace",
        action="store_true",
        help="hapus semua data yang ada lebih dahulu / wipe an installation that is not empty first",
    )
    p.add_argument("--yes", action="store_true", help="tanpa konfirmasi / do not ask")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("region", help="kelola daerah / manage regions")
    region_sub = p.add_subparsers(dest="region_command", required=True, metavar="ACTION")
    q = region_sub.add_parser(
        "delete", help="hapus daerah dan seluruh isinya / delete a region and all of it"
    )
    q.add_argument("region", help="kode singkat daerah / region slug")
    q.add_argument("--yes", action="store_true", help="tanpa konfirmasi / do not ask")
    q.set_defaults(func=cmd_region_delete)
    q = region_sub.add_parser(
        "new", help="buat daerah dari kode wilayahnya / create a region from its official area code"
    )
    q.add_argument("code", help="kode kabupaten/kota Kemendagri, mis. / e.g. 62.06")
    q.add_argument("--slug", help="kode singkat (bawaan: dari nama) / slug (default: from the name)")
    q.set_defaults(func=cmd_region_new)

    p = sub.add_parser(
        "manage", help="perintah manajemen Django / Django management commands", add_help=False
    )
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    restrict_umask()  # the database, the secret key and uploads are the owner's alone
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        # The reader went away (``kotacerdas prioritize katingan --json | head``): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
