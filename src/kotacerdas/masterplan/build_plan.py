"""BAB IV (vision, missions, alignment), BAB V (local wisdom), BAB VI (action plan) and Lampiran A (the matrix).

Every figure is read from :mod:`kotacerdas.actionplan.services` (reports, AHP weights, priorities, the roadmap)
or is a record as entered; this module only arranges it and never writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from kotacerdas import charts as chart_module
from kotacerdas.actionplan import alignment, codes, services
from kotacerdas.actionplan.models import (
    Activity,
    ActivityYear,
    Ceiling,
    Consultation,
    PrioritizationRun,
    Risk,
    Screening,
)
from kotacerdas.assessment.analysis import RegionAnalysis
from kotacerdas.masterplan.build_analysis import illustrative_mark
from kotacerdas.masterplan.build_support import MISSING, Charts, ff, note, num, rupiah
from kotacerdas.masterplan.content import BulletList, Paragraph, Section, Table
from kotacerdas.reference import nomenclature
from kotacerdas.regions.models import LocalWisdom, Mission, Region, RpjmdPeriod

HORIZON_NAMES = {k: str(v) for k, v in Activity.Horizon.choices}
STATUS_NAMES = {k: str(v) for k, v in Activity.Status.choices}


@dataclass
class PlanData:
    """What the plan chapters read once and share (also the draft reasons and the executive summary)."""

    period: RpjmdPeriod | None
    periods: list[RpjmdPeriod]
    missions: list[Mission]
    activities: list[Activity]
    screening: services.ScreeningView | None
    quick_wins: services.QuickWins | None
    ahp: services.AhpResult | None
    ahp_problem: str | None
    priorities: services.Priorities | None
    roadmap: object | None  # PrioritizationRun or PlanOutcome
    roadmap_name: str
    roadmap_problem: str | None
    blockers: list[str] = field(default_factory=list)
    #: the region's nomenclature version: official names of program, kegiatan and sub kegiatan codes
    nomenclature: str = nomenclature.DEFAULT_VERSION


def choose_period(periods: list[RpjmdPeriod], start: int | None) -> RpjmdPeriod | None:
    """The RPJMD period the plan aligns to: the one covering the plan's first year, else the latest."""
    if not periods:
        return None
    if start is not None:
        for p in periods:
            if p.start_year <= start <= p.end_year:
                return p
    return max(periods, key=lambda p: p.start_year)


def gather(region: Region, a: RegionAnalysis) -> PlanData:
    periods = list(
        RpjmdPeriod.objects.filter(region=region).prefetch_related("missions").order_by("-start_year")
    )
    start = a.settings.start_year if a.settings else None
    period = choose_period(periods, start)
    missions = list(period.missions.all()) if period else []
    years = Prefetch("years", queryset=ActivityYear.objects.order_by("year"))
    activities = list(
        Activity.objects.filter(region=region)
        .select_related("program__agency", "program__pillar", "quick_win_profile")
        .prefetch_related(years, "locations", "missions")
        .order_by("program__pillar__order", "ref")
    )
    screening = services.screening_report(region) if activities else None
    quick_wins = services.quick_win_report(region) if activities else None
    ahp = None
    ahp_problem = None
    prio = None
    ahp = services.ahp_result(region)
    ahp_problem = ahp.problem
    if not ahp.criteria:
        ahp_problem = "Belum ada kriteria prioritas dan penilaian berpasangan (AHP)."
    elif activities:
        prio = services.priorities(region, ahp)  # the AHP weights once per build
    roadmap = None
    roadmap_name = ""
    roadmap_problem = None
    run = PrioritizationRun.objects.filter(region=region).order_by("-created", "-pk").first()
    if run is not None:
        roadmap, roadmap_name = run, f"hasil prioritas tersimpan “{run.name}”"
    elif activities and ahp is not None and ahp.usable:
        try:
            roadmap = services.compute_plan(region, ranked=prio)
            roadmap_name = "perhitungan saat dokumen disusun (belum disimpan sebagai hasil prioritas)"
        except services.PrioritizationError as exc:
            roadmap_problem = str(exc)
    elif activities:
        roadmap_problem = ahp_problem or "Bobot kriteria belum dapat dipakai."
    return PlanData(
        period, periods, missions, activities, screening, quick_wins, ahp, ahp_problem, prio, roadmap,
        roadmap_name, roadmap_problem, nomenclature=codes.version_of(region),
    )  # fmt: skip


def program_title(program, d: PlanData) -> str:
    """A program as the plan prints it: its code and its official name (the stored name when the code is unknown)."""
    entry = nomenclature.lookup(program.code, d.nomenclature)
    if entry is None:
        return f"{program.code} {program.name} (kode tidak ada dalam nomenklatur)"
    return f"{entry.code} {entry.name}"


def activity_code_cells(x: Activity, d: PlanData) -> tuple[str, str]:
    """(code, title) of an activity in the matrix: the code in the nomenclature's format, and the activity's own
    title with the official kegiatan / sub kegiatan name beside it (never instead of it)."""
    entry = nomenclature.lookup(x.code, d.nomenclature)
    if entry is None:
        return x.code, f"{x.name} (kode tidak ada dalam nomenklatur)"
    if nomenclature.same_name(x.name, entry.name):
        return entry.code, x.name
    return entry.code, f"{x.name} ({entry.level_name}: {entry.name})"


def mission_label(m: Mission) -> str:
    return f"Misi {m.number}"


def mission_text(m: Mission) -> str:
    if m.placeholder:
        return "belum dikonfirmasi: bunyi misi ini belum ditemukan dalam sumber resmi dan perlu dilengkapi"
    return m.text


# --- BAB IV ---------------------------------------------------------------------------------------------------


def chapter_four(chapter: Section, region: Region, a: RegionAnalysis, d: PlanData, marks: list) -> None:
    vm = chapter.sub("Visi dan Misi RPJMD")
    if d.period is None:
        vm.add(note("Belum ada data RPJMD: catat periode RPJMD dengan visi dan misinya."))
    else:
        p = d.period
        marks.append(illustrative_mark(vm, [p, *d.missions]))
        leaders = " dan ".join(x for x in (p.regent, p.vice_regent) if x)
        vm.add(
            Paragraph(
                f"Masterplan ini diselaraskan dengan RPJMD {region.title} {p.start_year}–{p.end_year}"
                + (f" (bupati/wali kota dan wakilnya: {leaders})" if leaders else "")
                + ". Visinya:"
            )
        )
        vm.add(Paragraph(p.vision, style="quote"))
        if d.missions:
            vm.add(Paragraph("Misinya:"))
            vm.add(BulletList(tuple(f"{mission_label(m)}: {mission_text(m)}" for m in d.missions)))
        else:
            vm.add(note("Belum ada misi yang dicatat untuk periode RPJMD ini."))
        placeholders = [m for m in d.missions if m.placeholder]
        if placeholders:
            vm.add(
                note(
                    ", ".join(mission_label(m) for m in placeholders)
                    + " belum dikonfirmasi: bunyinya tidak ditulis di sini sampai ditemukan dalam dokumen RPJMD "
                    "resmi."
                )
            )
        others = [x for x in d.periods if x.pk != p.pk]
        for other in others:
            vm.add(Paragraph(f"RPJMD {other.start_year}–{other.end_year} lainnya yang tercatat, visinya:"))
            vm.add(Paragraph(other.vision, style="quote"))

    direction = chapter.sub("Arah Strategi Smart City per Pilar")
    counts: dict[int, int] = {}
    for act in d.activities:
        if act.live:
            counts[act.program.pillar_id] = counts.get(act.program.pillar_id, 0) + 1
    rows = []
    for pa in a.pillars.values():
        top = next((s for s in pa.strategies if s.rank == 1), None)
        rows.append(
            (
                pa.pillar.name,
                (pa.swot.quadrant_name if pa.swot and pa.swot.quadrant else None) or "belum ada",
                f"{top.record.code + ': ' if top.record.code else ''}{top.record.text}"
                if top
                else "belum ada",
                str(counts.get(pa.pillar.pk, 0)),
            )
        )
    direction.add(
        Paragraph(
            "Arah setiap pilar mengikuti posisinya pada diagram kuadran SWOT (BAB III) dan strategi TOWS "
            "dengan skor tertinggi; programnya dirinci per perangkat daerah pada BAB VI."
        )
    )
    direction.add(
        Table(
            ("Pilar", "Posisi kuadran", "Strategi utama (skor tertinggi)", "Jumlah kegiatan"),
            tuple(rows),
            caption="Arah strategi per pilar",
            align=("left", "left", "left", "right"),
            widths=(1.5, 1.6, 5, 1),
        )
    )

    coverage = chapter.sub("Keselarasan Misi RPJMD dan Pilar")
    if not d.activities:
        coverage.add(
            note("Belum ada data rencana aksi: keselarasan kegiatan dengan misi RPJMD belum dapat disajikan.")
        )
        return
    al = alignment.alignment(region)
    coverage.add(
        Paragraph(
            "Setiap kegiatan ditelusuri ke sedikitnya satu misi RPJMD. Matriks berikut menunjukkan jumlah "
            "kegiatan (yang tidak batal) per misi dan pilar."
        )
    )
    if al.rows:
        body = []
        for m, cells in al.rows:
            label = f"{m.period.start_year}–{m.period.end_year} {mission_label(m)}"
            if m.placeholder:
                label += " (belum dikonfirmasi)"
            body.append((label, *(str(n) for _p, n in cells), str(sum(n for _p, n in cells))))
        coverage.add(
            Table(
                ("Misi", *(p.name for p in al.pillars), "Jumlah"),
                tuple(body),
                caption="Matriks cakupan misi × pilar",
                align=("left", *("right" for _ in al.pillars), "right"),
            )
        )
    else:
        coverage.add(note("Belum ada misi RPJMD yang tercatat."))
    if al.missions_without_activities:
        coverage.add(
            note(
                "Misi tanpa kegiatan: "
                + ", ".join(
                    f"{m.period.start_year}–{m.period.end_year} {mission_label(m)}"
                    for m in al.missions_without_activities
                )
                + "."
            )
        )
    if al.activities_without_mission:
        coverage.add(
            note(
                "Kegiatan yang belum ditelusuri ke misi: "
                + ", ".join(x.ref for x in al.activities_without_mission)
                + "."
            )
        )
    if al.pillars_without_activities:
        coverage.add(
            note("Pilar tanpa kegiatan: " + ", ".join(p.name for p in al.pillars_without_activities) + ".")
        )
    if al.planning_gaps:
        coverage.add(
            note(
                "Elemen dengan kesenjangan kematangan tetapi belum ada kegiatan: "
                + ", ".join(f"{e.pillar.name} — {e.name}" for e in al.planning_gaps)
                + "."
            )
        )


# --- BAB V ----------------------------------------------------------------------------------------------------


def chapter_five(chapter: Section, region: Region, d: PlanData, marks: list) -> None:
    chapter.add(
        Paragraph(
            "Smart city tidak boleh meninggalkan kearifan lokal. Setiap kegiatan ditapis terhadap katalog kearifan "
            "lokal: memperkuat, menyesuaikan, atau berisiko terhadap suatu butir, atau dinyatakan tidak berkaitan. "
            "Kegiatan yang berisiko memerlukan mitigasi dan konsultasi dengan pemangku butir tersebut sebelum "
            "dapat disetujui."
        )
    )
    catalogue = chapter.sub("Katalog Kearifan Lokal")
    items = list(LocalWisdom.objects.filter(region=region).order_by("category", "name"))
    if not items:
        catalogue.add(note("Belum ada data kearifan lokal: catat butir katalog beserta pemangkunya."))
    else:
        marks.append(illustrative_mark(catalogue, items))
        catalogue.add(
            Table(
                ("Kategori", "Nama", "Uraian", "Komunitas", "Lokasi", "Pemangku"),
                tuple(
                    (
                        i.get_category_display(),
                        i.name,
                        i.description,
                        i.community or MISSING,
                        i.location or MISSING,
                        i.custodian or MISSING,
                    )
                    for i in items
                ),
                caption="Katalog kearifan lokal dan pemangkunya",
                widths=(1.3, 1.6, 4, 1.4, 1.4, 1.8),
            )
        )

    screening = chapter.sub("Hasil Penapisan Kegiatan")
    if d.screening is None:
        screening.add(note("Belum ada data rencana aksi: belum ada kegiatan yang dapat ditapis."))
    else:
        report = d.screening.report
        o = report.overall
        screening.add(
            Paragraph(
                f"{o.screened} dari {o.activities} kegiatan (tidak termasuk yang batal) sudah ditapis "
                f"({_share(o.share)}). Butir yang diperkuat: {len(o.strengthened)}; disesuaikan: {len(o.adapted)}; "
                f"berisiko: {len(o.at_risk)}; risiko terbuka: {len(o.open_risks)}."
            )
        )
        screening.add(
            _screening_table(
                "Pilar", report.by_pillar, {k: p.name for k, p in d.screening.pillars.items()}, "pilar"
            )
        )
        screening.add(_screening_table("Perangkat daerah", report.by_agency, {}, "perangkat daerah"))
        if o.never_addressed:
            screening.add(
                note(
                    "Butir kearifan lokal yang belum disentuh kegiatan mana pun: "
                    + ", ".join(o.never_addressed)
                    + "."
                )
            )
        if o.unscreened:
            screening.add(note("Kegiatan yang belum ditapis: " + ", ".join(o.unscreened) + "."))

    risks = chapter.sub("Risiko dan Konsultasi dengan Pemangku")
    rows = []
    screenings = (
        Screening.objects.filter(activity__region=region, relation=Screening.Relation.BERISIKO)
        .select_related("activity", "local_wisdom")
        .prefetch_related("consultations")
        .order_by("activity__ref", "local_wisdom__name")
    )
    records = []
    for s in screenings:
        records.append(s)
        consultations = list(s.consultations.all())
        done = any(c.status == Consultation.Status.DONE for c in consultations)
        state = "tertangani" if done and s.mitigation.strip() else "terbuka"
        text = "; ".join(
            f"{c.custodian} ({c.get_status_display()}{', ' + c.date.strftime('%d-%m-%Y') if c.date else ''})"
            + (f": {c.outcome}" if c.outcome else "")
            for c in consultations
        )
        rows.append(
            (
                f"{s.activity.ref} {s.activity.name}",
                s.local_wisdom.name,
                s.note or MISSING,
                s.mitigation or "belum ada",
                text or "belum ada",
                state,
            )
        )
    if not rows:
        risks.add(note("Belum ada kegiatan yang berisiko terhadap kearifan lokal."))
    else:
        marks.append(illustrative_mark(risks, records))
        risks.add(
            Table(
                ("Kegiatan", "Butir kearifan lokal", "Uraian kaitan", "Mitigasi", "Konsultasi", "Status"),
                tuple(rows),
                caption="Kegiatan berisiko terhadap kearifan lokal, mitigasi dan konsultasinya",
                widths=(2.2, 1.4, 2.4, 2.4, 2.6, 1),
            )
        )


def _share(value: float | None) -> str:
    """As the screening page shows it (``actionplan.views._share``): a whole percent."""
    return MISSING if value is None else f"{ff(round(value * 100), 0)}%"


def _screening_table(title: str, groups: dict, names: dict, what: str) -> Table:
    rows = tuple(
        (
            names.get(key, key),
            str(g.activities),
            str(g.screened),
            _share(g.share),
            ", ".join(g.strengthened) or MISSING,
            ", ".join(g.at_risk) or MISSING,
            str(len(g.open_risks)),
        )
        for key, g in groups.items()
    )
    return Table(
        (title, "Kegiatan", "Ditapis", "Persentase", "Butir diperkuat", "Butir berisiko", "Risiko terbuka"),
        rows,
        caption=f"Hasil penapisan per {what}",
        align=("left", "right", "right", "right", "left", "left", "right"),
        widths=(2, 1, 1, 1, 3, 2.4, 1),
    )


# --- BAB VI ---------------------------------------------------------------------------------------------------


def _years_text(a: Activity) -> str:
    return str(a.start_year) if a.start_year == a.end_year else f"{a.start_year}–{a.end_year}"


def chapter_six(
    chapter: Section, region: Region, a: RegionAnalysis, d: PlanData, charts: Charts, marks: list
) -> None:
    if not d.activities:
        chapter.add(
            note("Belum ada data rencana aksi: tambahkan program dan kegiatan setiap perangkat daerah.")
        )
    else:
        marks.append(illustrative_mark(chapter, d.activities))
        live = [x for x in d.activities if x.live]
        chapter.add(
            Paragraph(
                f"Rencana aksi memuat {len(d.activities)} kegiatan ({len(live)} tidak batal) dari "
                f"{len({x.program.agency_id for x in d.activities})} perangkat daerah dengan total biaya "
                f"{rupiah(int(sum((x.total_cost for x in d.activities), Decimal(0))))}. Matriks lengkapnya ada "
                "pada Lampiran A."
            )
        )
    per_pillar(chapter, a, d)
    per_agency(chapter, d)
    quick_wins(chapter, d, marks)
    roadmap_section(chapter, region, d, charts)
    priorities_section(chapter, d)
    spending_section(chapter, region, d, charts)


def per_pillar(chapter: Section, a: RegionAnalysis, d: PlanData) -> None:
    section = chapter.sub("Rencana Aksi per Pilar")
    if not d.activities:
        section.add(note("Belum ada kegiatan."))
        return
    for pa in a.pillars.values():
        own = [x for x in d.activities if x.program.pillar_id == pa.pillar.pk]
        if not own:
            section.add(note(f"{pa.pillar.name}: belum ada kegiatan."))
            continue
        section.add(
            Table(
                ("Ref", "Kegiatan", "Perangkat daerah", "Jangka", "Tahun", "Biaya"),
                tuple(
                    (
                        x.ref,
                        x.name,
                        x.program.agency.abbreviation,
                        HORIZON_NAMES.get(x.horizon, x.horizon),
                        _years_text(x),
                        rupiah(int(x.total_cost)),
                    )
                    for x in own
                ),
                caption=f"Kegiatan {pa.pillar.name}",
                align=("left", "left", "left", "left", "left", "right"),
                total=("", "Jumlah", "", "", "", rupiah(int(sum((x.total_cost for x in own), Decimal(0))))),
                widths=(1, 3.4, 2, 1.6, 1, 2.1),  # agency abbreviations such as Disperintransnaker fit
            )
        )


def per_agency(chapter: Section, d: PlanData) -> None:
    section = chapter.sub("Rencana Aksi per Perangkat Daerah")
    if not d.activities:
        section.add(note("Belum ada kegiatan."))
        return
    groups: dict[int, list[Activity]] = {}
    for x in d.activities:
        groups.setdefault(x.program.agency_id, []).append(x)
    rows = []
    for items in sorted(groups.values(), key=lambda g: g[0].program.agency.name.lower()):
        agency = items[0].program.agency
        programs = sorted({program_title(x.program, d) for x in items})
        rows.append(
            (
                f"{agency.name} ({agency.abbreviation})",
                "; ".join(programs),
                str(len(items)),
                ", ".join(x.ref for x in items),
                rupiah(int(sum((x.total_cost for x in items), Decimal(0)))),
            )
        )
    section.add(
        Table(
            ("Perangkat daerah", "Program", "Kegiatan", "Ref", "Biaya"),
            tuple(rows),
            caption="Program dan kegiatan per perangkat daerah",
            align=("left", "left", "right", "left", "right"),
            total=(
                "Jumlah",
                "",
                str(len(d.activities)),
                "",
                rupiah(int(sum((x.total_cost for x in d.activities), Decimal(0)))),
            ),
            widths=(2.5, 3.5, 0.8, 2, 1.8),
        )
    )


def quick_wins(chapter: Section, d: PlanData, marks: list) -> None:
    section = chapter.sub("Quick Win")
    section.add(
        Paragraph(
            "Quick win adalah kegiatan yang hasilnya dirasakan warga dalam tahun pertama masterplan; setiap quick "
            "win memiliki profil dan daftar risiko, dan setiap pilar sebaiknya memiliki sedikitnya satu."
        )
    )
    q = d.quick_wins
    if q is None or not q.quick_wins:
        section.add(note("Belum ada quick win."))
        return
    if q.pillars_without_quick_win:
        section.add(
            note("Pilar tanpa quick win: " + ", ".join(p.name for p in q.pillars_without_quick_win) + ".")
        )
    risks_by_activity: dict[int, list[Risk]] = {}
    for r in Risk.objects.filter(activity__in=q.quick_wins).order_by(
        "activity", "-likelihood", "-impact", "pk"
    ):
        risks_by_activity.setdefault(r.activity_id, []).append(r)
    for x in q.quick_wins:
        sub = section.sub(f"{x.ref} {x.name}")
        sub.add(
            Paragraph(
                f"{x.program.pillar.name} · {x.program.agency.name} · {_years_text(x)} · "
                f"{rupiah(int(x.total_cost))} · {STATUS_NAMES.get(x.status, x.status)}."
            )
        )
        profile = getattr(x, "quick_win_profile", None)
        if profile is None:
            sub.add(note("Profil quick win belum diisi."))
        else:
            fields = [
                ("Latar belakang", profile.background),
                ("Tujuan", profile.objective),
                ("Penerima manfaat", profile.beneficiaries),
                ("Kebaruan/inovasi", profile.innovation),
                ("Ukuran keberhasilan", profile.success_measure),
            ]
            sub.add(
                Table(
                    ("Profil", "Uraian"),
                    tuple((k, v or "belum diisi") for k, v in fields),
                    caption=f"Profil quick win {x.ref}",
                    widths=(1.2, 5),
                )
            )
        risks = risks_by_activity.get(x.pk, [])
        if not risks:
            sub.add(note("Daftar risiko belum diisi."))
            continue
        rows = []
        for r in risks:
            score = services.risk_score(r)
            rows.append(
                (
                    r.risk,
                    str(r.likelihood),
                    str(r.impact),
                    f"{score.score} ({score.band})",
                    r.mitigation or "belum ada",
                    r.owner or MISSING,
                )
            )
        sub.add(
            Table(
                ("Risiko", "Kemungkinan", "Dampak", "Skor", "Mitigasi", "Penanggung jawab"),
                tuple(rows),
                caption=f"Daftar risiko {x.ref}",
                align=("left", "right", "right", "left", "left", "left"),
                widths=(3, 1, 0.8, 1.3, 3, 1.6),
            )
        )


def _roadmap_source(d: PlanData) -> Paragraph:
    return Paragraph(f"Sumber peta jalan: {d.roadmap_name}.")


def roadmap_section(chapter: Section, region: Region, d: PlanData, charts: Charts) -> None:
    section = chapter.sub("Peta Jalan")
    if d.roadmap is None:
        section.add(note("Belum ada peta jalan: " + (d.roadmap_problem or "belum ada kegiatan.")))
        return
    section.add(_roadmap_source(d))
    rows = services.roadmap_rows(region, d.roadmap, by="pillar")
    if not rows:
        section.add(note("Belum ada kegiatan yang terpilih dalam peta jalan."))
    elif hasattr(chart_module, "roadmap_chart"):
        charts.add(section, "Peta jalan kegiatan per pilar", "roadmap_chart", rows, title="")
    else:
        section.add(
            Table(
                ("Kegiatan", "Pilar", "Mulai", "Selesai", "Jangka"),
                tuple(
                    (r.label, r.group, str(r.start), str(r.end), HORIZON_NAMES.get(r.horizon, r.horizon))
                    for r in rows
                ),
                caption="Peta jalan kegiatan terpilih",
                align=("left", "left", "right", "right", "left"),
            )
        )
    deferred = services.plan_json(d.roadmap).get("deferred") or {}
    if deferred:
        section.add(
            Table(
                ("Kegiatan ditunda", "Alasan"),
                tuple((ref, reason) for ref, reason in deferred.items()),
                caption="Kegiatan yang tidak terpilih dan alasannya",
                widths=(1, 4),
            )
        )


def priorities_section(chapter: Section, d: PlanData) -> None:
    section = chapter.sub("Prioritas Sumber Daya")
    section.add(
        Paragraph(
            "Bobot kriteria dihitung dengan AHP dari penilaian berpasangan (skala Saaty 1–9); bobot hanya dipakai "
            "bila rasio konsistensi (CR) paling besar 0,10. Prioritas kegiatan adalah jumlah bobot × skor kriteria "
            "yang dinormalkan; kriteria biaya dinilai dari total biaya (makin murah makin baik)."
        )
    )
    ahp = d.ahp
    if ahp is None or ahp.weights is None:
        section.add(note(f"Bobot kriteria belum ada: {d.ahp_problem or 'belum ada penilaian berpasangan'}"))
    else:
        section.add(
            Table(
                ("Kriteria", "Bobot"),
                tuple((c.name, num(ahp.weights.get(c.slug), 3)) for c in ahp.criteria),
                caption="Bobot kriteria prioritas (AHP)",
                align=("left", "right"),
                total=("CR", num(ahp.cr, 3)),
            )
        )
        section.add(
            Paragraph(
                f"Rasio konsistensi CR = {num(ahp.cr, 3)}: "
                + ("konsisten." if ahp.consistent else "tidak konsisten, bobot belum dapat dipakai.")
            )
        )
        for text in [*ahp.problems, *ahp.notes]:
            section.add(note(text))
    p = d.priorities
    if p is None or not p.rows:
        if p is not None and p.problem:
            section.add(note(f"Prioritas kegiatan belum dapat dihitung: {p.problem}"))
        elif d.activities:
            section.add(note("Belum ada kegiatan yang dinilai pada semua kriteria."))
        return
    section.add(
        Table(
            ("Peringkat", "Ref", "Kegiatan", "Prioritas"),
            tuple(
                (str(n), r.activity.ref, r.activity.name, num(r.priority.value, 3))
                for n, r in enumerate(p.rows, 1)
            ),
            caption="Kegiatan menurut prioritas",
            align=("right", "left", "left", "right"),
            widths=(0.8, 1, 5, 1),
        )
    )
    if p.unscored:
        section.add(
            note(
                "Kegiatan yang belum dinilai pada semua kriteria: "
                + ", ".join(x.ref for x, _c in p.unscored)
                + "."
            )
        )


def spending_section(chapter: Section, region: Region, d: PlanData, charts: Charts) -> None:
    section = chapter.sub("Belanja per Tahun dan Sumber Dana")
    if d.roadmap is None:
        ceilings = Ceiling.objects.filter(region=region).count()
        section.add(
            note(
                "Belanja per tahun belum dapat disajikan karena peta jalan belum ada"
                + (
                    f" ({ceilings} pagu anggaran tercatat)."
                    if ceilings
                    else "; pagu anggaran juga belum dicatat."
                )
            )
        )
        return
    section.add(_roadmap_source(d))
    spending = services.spending_rows(d.roadmap)
    if not spending:
        section.add(note("Belum ada belanja dalam peta jalan."))
        return
    labels = services.funding_labels()
    section.add(
        Table(
            ("Tahun", "Sumber dana", "Belanja", "Pagu", "Sisa"),
            tuple(
                (
                    str(s["year"]),
                    labels.get(s["source"], s["source"]),
                    rupiah(s["amount"]),
                    rupiah(s["ceiling"]),
                    rupiah(s["ceiling"] - s["amount"]),
                )
                for s in spending
            ),
            caption="Belanja kegiatan terpilih per tahun dan sumber dana terhadap pagu",
            align=("right", "left", "right", "right", "right"),
            total=(
                "Jumlah",
                "",
                rupiah(sum(s["amount"] for s in spending)),
                rupiah(sum(s["ceiling"] for s in spending)),
                rupiah(sum(s["ceiling"] - s["amount"] for s in spending)),
            ),
        )
    )
    if hasattr(chart_module, "spending_chart"):
        charts.add(
            section, "Belanja per tahun dan sumber dana terhadap pagu", "spending_chart", spending, title=""
        )


# --- Lampiran A -----------------------------------------------------------------------------------------------


def annex_matrix(annex: Section, d: PlanData, marks: list) -> None:
    if not d.activities:
        annex.add(note("Belum ada data rencana aksi: matriks kegiatan masih kosong."))
        return
    marks.append(illustrative_mark(annex, d.activities))
    rows = []
    grand = Decimal(0)
    for x in d.activities:
        cost = x.total_cost
        grand += cost
        targets = "; ".join(f"{y.year}: {ff(y.target, '-2')}" for y in x.years.all() if y.target is not None)
        indicator = x.output_indicator + (f" ({x.output_unit})" if x.output_unit else "")
        code, title = activity_code_cells(x, d)
        rows.append(
            (
                x.ref,
                code,
                title,
                x.program.agency.abbreviation,
                x.program.pillar.name,
                HORIZON_NAMES.get(x.horizon, x.horizon),
                _years_text(x),
                ", ".join(loc.name for loc in x.locations.all()) or MISSING,
                rupiah(int(cost)),
                ": ".join(part for part in (indicator, targets) if part) or MISSING,
            )
        )
    annex.add(
        Table(
            (
                "Ref",
                "Kode",
                "Kegiatan",
                "OPD",
                "Pilar",
                "Jangka",
                "Tahun",
                "Lokasi",
                "Total biaya",
                "Target keluaran",
            ),
            tuple(rows),
            caption="Matriks kegiatan rencana aksi",
            align=("left", "left", "left", "left", "left", "left", "left", "left", "right", "left"),
            total=("", "", "Jumlah", "", "", "", "", "", rupiah(int(grand)), ""),
            widths=(0.8, 1.4, 3, 1.1, 1.2, 1.1, 0.9, 1.6, 1.5, 2.2),
        )
    )
