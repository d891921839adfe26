"""The master plan of a region as data: ``build(region) -> Document`` for the DOCX, PDF and HTML renderers.

One content builder for the three formats (issue 6). It reads the workspace and the figures of
:func:`kotacerdas.assessment.analysis.analyse_region` and :mod:`kotacerdas.actionplan.services`, and arranges them
into chapters of paragraphs, tables and figures (:mod:`kotacerdas.masterplan.content`). It computes no figure of
the method itself, never writes to the database and caches nothing between calls.

The outline follows a reconstruction of the national guide's structure (background.md §4a), marked as a draft in
BAB I. Sections without data say so in a note instead of disappearing. The document is a draft
(``Document.draft``) while anything blocks the plan (:func:`draft_reasons`), and the reasons are listed in an
annex. User text goes into the document exactly as typed; the renderers treat it as text.

The parts live in ``build_analysis`` (BAB II–III), ``build_plan`` (BAB IV–VI, Lampiran A) and
``build_support`` (number formats, charts).
"""

from __future__ import annotations

import re
from datetime import date

from django.utils import translation
from django.utils.formats import date_format

from kotacerdas.actionplan import funding
from kotacerdas.actionplan.models import Activity, Ceiling, Program
from kotacerdas.assessment import models as am
from kotacerdas.assessment.analysis import RegionAnalysis, analyse_region
from kotacerdas.masterplan import build_analysis, build_plan
from kotacerdas.masterplan.build_plan import PlanData, mission_label, mission_text
from kotacerdas.masterplan.build_support import MISSING, Charts, Progress, ff, note, num, plain
from kotacerdas.masterplan.content import BulletList, Document, Paragraph, Section, Table
from kotacerdas.masterplan.models import DocumentSettings
from kotacerdas.regions import models as rm
from kotacerdas.regions.models import GovernanceBasis, GovernanceMember, Region

__all__ = ["CHAPTERS", "build", "draft_reasons"]

#: (label, title) of every chapter in order; "Lampiran B" (what blocks the plan, and the funding and
#: national-application warnings) only appears when there is something to list.
CHAPTERS: tuple[tuple[str, str], ...] = (
    ("", "Kata Pengantar"),
    ("", "Ringkasan Eksekutif"),
    ("BAB I", "Pendahuluan"),
    ("BAB II", "Gambaran Umum dan Analisis Kesiapan"),
    ("BAB III", "Analisis Strategis"),
    ("BAB IV", "Visi, Misi dan Strategi Smart City"),
    ("BAB V", "Kearifan Lokal"),
    ("BAB VI", "Rencana Aksi"),
    ("BAB VII", "Tata Kelola dan Monitoring"),
    ("BAB VIII", "Penutup"),
    ("Lampiran A", "Matriks Kegiatan"),
    ("Lampiran B", "Hal yang Belum Selesai"),
    ("Lampiran C", "Sumber Data"),
)
TITLES = dict((t, label) for label, t in CHAPTERS)

STEPS = ("analisis", "rencana aksi", "bab", "grafik")


def build(region: Region, progress: Progress | None = None) -> Document:
    """The whole master plan of ``region`` as a :class:`Document` (see the module notes).

    ``progress(step, done, total)`` is called as the build advances (steps: analisis, rencana aksi, bab, grafik).
    """
    with translation.override("id"):
        return _build(region, progress)


def _tick(progress: Progress | None, step: str, done: int, total: int) -> None:
    if progress is not None:
        progress(step, done, total)


def _build(region: Region, progress: Progress | None) -> Document:
    _tick(progress, "analisis", 0, 1)
    a = analyse_region(region)
    _tick(progress, "analisis", 1, 1)
    _tick(progress, "rencana aksi", 0, 1)
    d = build_plan.gather(region, a)
    _tick(progress, "rencana aksi", 1, 1)
    settings = DocumentSettings.objects.filter(region=region).first()
    reasons = draft_reasons(region, a, d)
    marks: list[bool] = [region.illustrative]
    charts = Charts()

    start = a.settings.start_year if a.settings else None
    horizon = a.settings.horizon_year if a.settings else None
    if start and horizon:
        years = f"{start}–{horizon}"
    elif d.period is not None:
        years = f"{d.period.start_year}–{d.period.end_year}"
    else:
        years = ""
    doc = Document(
        title=f"Masterplan Smart City {region.title}",
        subtitle=years,
        region=region.title,
        publisher=f"Pemerintah {region.title}",
        colour=settings.colour if settings and settings.colour else Document.colour,
        logo_png=bytes(settings.logo) if settings and settings.logo else None,
        draft=bool(reasons),
        draft_reasons=tuple(reasons),
        generated=date_format(date.today(), "j F Y"),
    )
    if a.settings is not None and (start or horizon):
        marks.append(a.settings.illustrative)

    notes = funding_notes(d)
    annex_b = bool(reasons or notes)
    total = len(CHAPTERS) if annex_b else len(CHAPTERS) - 1
    done = 0

    def chapter(title: str) -> Section:
        nonlocal done
        done += 1
        _tick(progress, "bab", done, total)
        return doc.chapter(TITLES[title], title)

    foreword(chapter("Kata Pengantar"), settings)
    summary = chapter("Ringkasan Eksekutif")
    introduction(chapter("Pendahuluan"), region, a, d, years)
    build_analysis.chapter_two(chapter("Gambaran Umum dan Analisis Kesiapan"), region, a, charts, marks)
    build_analysis.chapter_three(chapter("Analisis Strategis"), region, a, charts, marks)
    build_plan.chapter_four(chapter("Visi, Misi dan Strategi Smart City"), region, a, d, marks)
    build_plan.chapter_five(chapter("Kearifan Lokal"), region, d, marks)
    build_plan.chapter_six(chapter("Rencana Aksi"), region, a, d, charts, marks)
    governance(chapter("Tata Kelola dan Monitoring"), region, marks)
    closing(chapter("Penutup"), region, years)
    build_plan.annex_matrix(chapter("Matriks Kegiatan"), d, marks)
    if annex_b:
        blockers = chapter("Hal yang Belum Selesai")
        if reasons:
            blockers.add(
                Paragraph(
                    "Dokumen ini masih berupa draf sampai hal-hal berikut diselesaikan di ruang kerja kotacerdas; "
                    "setelah itu dokumen dapat disusun ulang."
                ),
                BulletList(tuple(reasons), numbered=True),
            )
        if notes:
            blockers.sub(
                "Catatan Sumber Dana dan Aplikasi Nasional",
                Paragraph(
                    "Catatan berikut tidak menghalangi dokumen final; catatan ini menyatakan apa yang dapat dan tidak "
                    "dapat dijanjikan rencana ini dari setiap sumber dana, dan kegiatan yang mirip aplikasi nasional."
                ),
                BulletList(tuple(notes)),
            )
    sources = chapter("Sumber Data")
    executive_summary(summary, region, a, d)  # last: it reads what the chapters found
    data_sources(sources, region)
    # the sources annex may be "Lampiran B" when nothing blocks
    if not annex_b:
        sources.label = "Lampiran B"
    doc.illustrative = any(marks)
    charts.render(progress)
    return doc


# --- draft ----------------------------------------------------------------------------------------------------


def funding_notes(d: PlanData) -> list[str]:
    """The soft funding rules and the national-application warnings, one line per activity and warning."""
    return [f"{a.ref} {a.name}: {w.text('id')}" for a, w in funding.region_warnings(d.activities)]


def draft_reasons(region: Region, a: RegionAnalysis, d: PlanData) -> list[str]:
    """Everything that keeps the plan a draft, each as a sentence naming what is missing."""
    reasons: list[str] = []
    if d.period is None:
        reasons.append("Belum ada periode RPJMD dengan visi dan misinya.")
    placeholders = [m for m in d.missions if m.placeholder]
    if placeholders:
        reasons.append(
            f"Misi RPJMD {d.period.start_year}–{d.period.end_year} belum dikonfirmasi: "
            + ", ".join(mission_label(m) for m in placeholders)
            + " (bunyinya belum ditemukan dalam sumber resmi)."
        )
    if a.readiness.missing:
        reasons.append(f"{len(a.readiness.missing)} aspek kesiapan belum dinilai.")
    unassessed = sum(len(pa.maturity.missing) for pa in a.pillars.values())
    if unassessed:
        reasons.append(f"{unassessed} elemen tingkat kematangan belum dinilai.")
    if not d.activities:
        reasons.append("Belum ada rencana aksi (program dan kegiatan perangkat daerah).")
    if d.screening is not None:
        o = d.screening.report.overall
        if o.unscreened:
            reasons.append(
                f"{len(o.unscreened)} kegiatan belum ditapis terhadap kearifan lokal: {', '.join(o.unscreened)}."
            )
        if o.open_risks:
            reasons.append(
                f"{len(o.open_risks)} risiko terhadap kearifan lokal masih terbuka (berisiko tanpa mitigasi atau "
                "tanpa konsultasi dengan pemangku yang sudah dilaksanakan): "
                + ", ".join(f"{ref} ({item})" for ref, item in o.open_risks)
                + "."
            )
    if d.ahp is None or d.ahp.weights is None:
        reasons.append(f"Bobot kriteria prioritas (AHP) belum ada: {d.ahp_problem or 'belum ada penilaian'}")
    elif not d.ahp.consistent:
        reasons.append(
            f"Bobot kriteria prioritas (AHP) tidak konsisten (CR {num(d.ahp.cr, 3)} > 0,10): bobot belum dapat "
            "dipakai."
        )
    elif d.ahp.problems:
        reasons.append("Bobot kriteria prioritas (AHP) belum dapat dipakai: " + " ".join(d.ahp.problems))
    if d.roadmap_problem and d.ahp is not None and d.ahp.usable:
        reasons.append(f"Peta jalan belum dapat dihitung: {d.roadmap_problem}")
    return reasons


# --- front matter ---------------------------------------------------------------------------------------------


def foreword(section: Section, settings: DocumentSettings | None) -> None:
    text = settings.foreword if settings else ""
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    if not parts:
        section.add(
            note("Kata pengantar bupati/wali kota belum ditulis: isi di pengaturan dokumen masterplan.")
        )
        return
    section.add(*(Paragraph(p) for p in parts))
    if settings and settings.foreword_signatory.strip():
        section.add(Paragraph(settings.foreword_signatory))


def executive_summary(section: Section, region: Region, a: RegionAnalysis, d: PlanData) -> None:
    section.add(
        Paragraph(
            f"Ringkasan ini merangkum Masterplan Smart City {region.title}: visi dan misi yang dituju, kesiapan "
            "daerah, posisi strategis setiap pilar, program prioritas, quick win, dan struktur tata kelolanya."
        )
    )
    vm = section.sub("Visi dan Misi")
    if d.period is None:
        vm.add(note("Belum ada data RPJMD."))
    else:
        vm.add(Paragraph(f"Visi RPJMD {d.period.start_year}–{d.period.end_year}:"))
        vm.add(Paragraph(d.period.vision, style="quote"))
        if d.missions:
            vm.add(BulletList(tuple(f"{mission_label(m)}: {mission_text(m)}" for m in d.missions)))

    ready = section.sub("Kesiapan Daerah")
    if a.readiness.score is None:
        ready.add(note("Belum ada data kesiapan."))
    else:
        ready.add(
            Paragraph(
                f"Kesiapan daerah: {num(a.readiness.score)} ({a.readiness.band}). "
                + "; ".join(
                    f"{pa.pillar.name} {num(pa.readiness.score)}"
                    + (f" ({pa.readiness.band})" if pa.readiness.band else "")
                    for pa in a.pillars.values()
                )
                + "."
            )
        )
    if a.maturity.index is not None:
        ready.add(Paragraph(f"Indeks kematangan daerah: {ff(a.maturity.index, 2)} ({a.maturity.predicate})."))

    swot = section.sub("Posisi SWOT per Pilar")
    if not any(pa.swot is not None for pa in a.pillars.values()):
        swot.add(note("Belum ada data SWOT."))
    else:
        swot.add(
            Table(
                ("Pilar", "Kuadran", "Sel IE", "Arahan"),
                tuple(
                    (
                        pa.pillar.name,
                        (pa.swot.quadrant_name if pa.swot and pa.swot.quadrant else None) or "belum ada",
                        build_analysis.roman(pa.swot.ie_cell if pa.swot else None),
                        (pa.swot.ie_advice if pa.swot else None) or MISSING,
                    )
                    for pa in a.pillars.values()
                ),
                caption="Posisi SWOT setiap pilar",
                align=("left", "left", "center", "left"),
            )
        )

    programs = section.sub("Program Prioritas per Pilar")
    if not d.activities:
        programs.add(note("Belum ada data rencana aksi."))
    else:
        ranked = {r.activity.ref: n for n, r in enumerate(d.priorities.rows, 1)} if d.priorities else {}
        rows = []
        for pa in a.pillars.values():
            own = [x for x in d.activities if x.program.pillar_id == pa.pillar.pk and x.live]
            if ranked:
                own.sort(key=lambda x: (ranked.get(x.ref, 10**9), x.ref))
            top = own[:3]
            rows.append(
                (
                    pa.pillar.name,
                    "; ".join(f"{x.ref} {x.name}" for x in top) or "belum ada kegiatan",
                    str(len(own)),
                )
            )
        programs.add(
            Table(
                ("Pilar", "Kegiatan utama" + (" (prioritas tertinggi)" if ranked else ""), "Jumlah kegiatan"),
                tuple(rows),
                caption="Program prioritas per pilar",
                align=("left", "left", "right"),
                widths=(1.3, 6, 1),
            )
        )

    qw = section.sub("Quick Win")
    if d.quick_wins is None or not d.quick_wins.quick_wins:
        qw.add(note("Belum ada quick win."))
    else:
        qw.add(
            BulletList(
                tuple(
                    f"{x.ref} {x.name} ({x.program.pillar.name}, {x.program.agency.abbreviation})"
                    for x in d.quick_wins.quick_wins
                )
            )
        )

    gov = section.sub("Struktur Tata Kelola")
    members = list(GovernanceMember.objects.filter(region=region).select_related("agency"))
    if not members:
        gov.add(note("Belum ada data Dewan Smart City dan Tim Pelaksana."))
    else:
        lines = []
        for body, label in GovernanceMember.Body.choices:
            own = [m for m in members if m.body == body]
            label = str(label)
            if not own:
                lines.append(f"{label}: belum ada anggota yang tercatat.")
                continue
            chairs = [m for m in own if m.role == GovernanceMember.Role.KETUA]
            # the chair of the latest term (a regent chairs the Dewan only while in office); list order otherwise
            chair = max(chairs, key=lambda m: m.start_year or 0, default=None)
            lines.append(
                f"{label}: {len(own)} anggota"
                + (
                    f", diketuai {chair.name}" + (f" ({chair.position})" if chair.position else "")
                    if chair
                    else ""
                )
                + "."
            )
        gov.add(BulletList(tuple(lines)))


# --- BAB I ----------------------------------------------------------------------------------------------------

_PERBUP = re.compile(
    r"Perbup(?:\s+(?P<before>[A-Z][A-Za-z]*))?(?:\s+(?P<region>[A-Z][a-z]+))?\s+No\.\s*(?P<n>\d+)/(?P<y>\d{4})"
    r"(?:\s+tentang\s+(?P<topic>[A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*)*))?"
)


def recorded_perbup(region: Region) -> list[str]:
    """The region's own Perbup as recorded in the workspace's texts (readiness evidence, SWOT factors)."""
    texts: list[str] = [region.description]
    for row in am.ReadinessScore.objects.filter(region=region).values_list("narrative", "evidence"):
        texts.extend(row)
    texts.extend(am.SwotFactor.objects.filter(region=region).values_list("text", flat=True))
    found: dict[tuple[str, str], str] = {}
    for text in texts:
        for m in _PERBUP.finditer(text or ""):
            key = (m["n"], m["y"])
            topic = m["topic"] or (m["before"] if m["before"] and m["before"].isupper() else None)
            if topic or key not in found:
                found[key] = topic or found.get(key, "")
    head = "Peraturan Wali Kota" if region.kind == Region.Kind.KOTA else "Peraturan Bupati"
    return [
        f"{head} {region.name} Nomor {n} Tahun {y}"
        + (f" tentang {topic}" if topic else "")
        + " (tercatat dalam data ruang kerja; periksa judul lengkapnya)"
        for (n, y), topic in sorted(found.items(), key=lambda kv: (kv[0][1], int(kv[0][0])))
    ]


def introduction(chapter: Section, region: Region, a: RegionAnalysis, d: PlanData, years: str) -> None:
    background = chapter.sub("Latar Belakang")
    background.add(
        Paragraph(
            "Gerakan Menuju Smart City adalah program nasional yang dipimpin Kementerian Komunikasi dan Informatika "
            "bersama Bappenas, Kementerian Dalam Negeri dan kementerian lainnya. Setiap kabupaten/kota yang terpilih "
            "didampingi melalui empat bimbingan teknis (bimtek) untuk menyusun Masterplan Smart City berjangka "
            "sekitar sepuluh tahun, yang ditetapkan dengan peraturan kepala daerah. Pelaksanaannya dievaluasi "
            "setiap tahun."
        )
    )
    facts = []
    if region.province:
        facts.append(f"terletak di Provinsi {region.province}")
    if region.capital:
        facts.append(f"beribu kota di {region.capital}")
    if region.area_km2 is not None:
        facts.append(f"memiliki luas {plain(region.area_km2)} km²")
    if region.population is not None:
        facts.append(
            f"berpenduduk {plain(region.population)} jiwa"
            + (f" pada tahun {region.population_year}" if region.population_year else "")
        )
    districts = rm.District.objects.filter(region=region).count()
    if districts:
        facts.append(f"terbagi atas {districts} kecamatan")
    if facts:
        background.add(Paragraph(f"{region.title} " + ", ".join(facts) + "."))
    if region.motto:
        background.add(Paragraph(f"Semboyan daerah: {region.motto}."))
    background.add(
        Paragraph(
            f"Masterplan ini disusun dari data yang dihimpun {region.title} di ruang kerja kotacerdas: "
            "penilaian kesiapan, analisis SWOT, analisis masa depan, daya saing dan tingkat kematangan, serta "
            "rencana aksi setiap perangkat daerah."
        )
    )

    purpose = chapter.sub("Maksud dan Tujuan")
    purpose.add(
        Paragraph(
            f"Maksud penyusunan masterplan ini adalah memberikan arah pembangunan smart city {region.title}"
            + (f" untuk periode {years}" if years else "")
            + " yang selaras dengan RPJMD dan menjadi acuan bersama seluruh perangkat daerah."
        ),
        Paragraph("Tujuannya:"),
        BulletList(
            (
                "memetakan kesiapan, kekuatan, kelemahan, peluang dan ancaman daerah pada enam pilar smart city;",
                "merumuskan strategi dan rencana aksi setiap perangkat daerah yang terukur, berbiaya dan terjadwal;",
                "menetapkan prioritas kegiatan dalam batas pagu anggaran, termasuk quick win;",
                "memastikan pembangunan smart city menghormati dan memperkuat kearifan lokal;",
                "menjadi dasar pemantauan dan evaluasi pelaksanaan setiap tahun.",
            )
        ),
    )

    legal = chapter.sub("Dasar Hukum")
    items = [
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
        "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;",
        "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur "
        "Perencanaan Pembangunan dan Keuangan Daerah;",
    ]
    if d.period is not None:
        items.append(
            f"Peraturan Daerah tentang RPJMD {region.title} {d.period.start_year}–{d.period.end_year} "
            "(nomor perlu dilengkapi);"
        )
    items.extend(f"{text};" for text in recorded_perbup(region))
    legal.add(BulletList(tuple(items), numbered=True))
    legal.add(
        note(
            "Peraturan lain yang menjadi dasar (misalnya keputusan pembentukan Dewan Smart City dan Tim Pelaksana): perlu dilengkapi."
        )
    )

    scope = chapter.sub("Ruang Lingkup")
    pillars = ", ".join(pa.pillar.name for pa in a.pillars.values())
    agencies = rm.Agency.objects.filter(region=region).count()
    scope.add(
        Paragraph(
            f"Masterplan ini mencakup seluruh wilayah {region.title}"
            + (f" ({districts} kecamatan)" if districts else "")
            + (f" untuk periode {years}" if years else "")
            + f", enam pilar smart city ({pillars})"
            + (f", dan program serta kegiatan {agencies} perangkat daerah" if agencies else "")
            + ". Jangka waktunya terbagi atas quick win (dalam tahun pertama), jangka pendek (1 tahun), jangka "
            "menengah (sampai 5 tahun) dan jangka panjang (sampai 10 tahun)."
        )
    )

    method = chapter.sub("Metodologi")
    method.add(
        Paragraph(
            "Masterplan disusun melalui tahapan bimbingan teknis: bimtek I menilai kesiapan daerah dan menghimpun "
            "faktor SWOT keenam pilar; bimtek II menganalisis SWOT, masa depan, daya saing dan tingkat kematangan, "
            "serta menyusun rencana aksi per pilar melalui program setiap perangkat daerah; tahap selanjutnya "
            "menetapkan quick win serta program jangka menengah dan panjang."
        ),
        Paragraph("Metode yang dipakai:"),
        BulletList(
            (
                "Kesiapan: skor 1–5 setiap aspek struktur, infrastruktur dan suprastruktur per pilar, dirata-rata "
                "per unsur, pilar dan daerah.",
                "SWOT terkuantifikasi: bobot dari tingkat kepentingan, skor bobot × peringkat, diagram kuadran "
                "(x = S − W, y = O − T), total IFE/EFE dan matriks Internal-Eksternal; strategi TOWS diurutkan "
                "menurut skor faktor yang digabungkannya.",
                "Tingkat kematangan: skala kapabilitas SPBE 1–5 per elemen, indeks pilar dan daerah dengan "
                "predikat, serta kesenjangan terhadap target.",
                "Daya saing: normalisasi min–maks indikator terhadap daerah pembanding, skor pilar dan komposit.",
                "Analisis masa depan: proyeksi tren linear dan pertumbuhan majemuk sampai tahun cakrawala, "
                "faktor pendorong, dan kerangka skenario 2 × 2.",
                "Prioritas: bobot kriteria dengan AHP (rasio konsistensi paling besar 0,10) dan skor prioritas "
                "kegiatan.",
                "Peta jalan: pemrograman bilangan bulat campuran (MILP) yang memilih dan menjadwalkan kegiatan "
                "dalam pagu setiap tahun dan sumber dana, dengan memperhatikan ketergantungan dan kegiatan wajib.",
            )
        ),
        Paragraph(
            "Setiap angka dalam dokumen ini dihitung oleh kotacerdas menurut metode yang terdokumentasi "
            "(dokumentasi metode kotacerdas), dari data yang sama yang tampil di ruang kerja."
        ),
        note(
            "Susunan bab dokumen ini adalah rekonstruksi (draf) dari struktur panduan nasional, karena daftar isi "
            "resmi panduan belum dapat dibaca; sesuaikan bila panduan resmi tersedia."
        ),
    )


# --- BAB VII, VIII, annexes -----------------------------------------------------------------------------------


def _years(obj) -> str:
    if obj.start_year is None and obj.end_year is None:
        return ""
    return f"{obj.start_year or ''}–{obj.end_year or ''}"


def _member_role(member: GovernanceMember) -> str:
    """The role, with the term it is held for and the pentahelix sector when recorded: "Ketua 2025–2029; Pemerintah"."""
    text = member.get_role_display()
    if years := _years(member):
        text += f" {years}"
    if member.sector:
        text += f"; {member.get_sector_display()}"
    return text


def _legal_basis(basis: GovernanceBasis) -> str:
    if basis.placeholder:
        text = "SK belum ditemukan di sumber terbuka"
    else:
        text = f"Nomor {basis.number}" + (f" tanggal {basis.date.isoformat()}" if basis.date else "")
    if basis.title:
        text = f"{basis.title}: {text}"
    if years := _years(basis):
        text += f" (berlaku {years})"
    return text + (" (contoh ilustratif)" if basis.illustrative else "")


def governance(chapter: Section, region: Region, marks: list) -> None:
    members = list(GovernanceMember.objects.filter(region=region).select_related("agency"))
    bases = list(GovernanceBasis.objects.filter(region=region))
    for body, label, text in (
        (
            GovernanceMember.Body.DEWAN,
            "Dewan Smart City",
            "Dewan Smart City, yang dibentuk dengan keputusan kepala daerah, memberi arah strategis, menindaklanjuti "
            "hasil pemantauan dan evaluasi, memberi masukan kepada Tim Pelaksana, dan menyampaikan rekomendasi "
            "kebijakan kepada kepala daerah.",
        ),
        (
            GovernanceMember.Body.TIM_PELAKSANA,
            "Tim Pelaksana Smart City",
            "Tim Pelaksana Smart City adalah tim lintas perangkat daerah yang menyusun masterplan dan "
            "mengoordinasikan pelaksanaannya.",
        ),
    ):
        section = chapter.sub(label)
        section.add(Paragraph(text))
        legal = [b for b in bases if b.body == body]
        if legal:
            section.add(Paragraph("Dasar hukum:"), BulletList(tuple(_legal_basis(b) for b in legal)))
        own = [m for m in members if m.body == body]
        if not own:
            section.add(note(f"Belum ada data anggota {label}."))
            continue
        marks.append(build_analysis.illustrative_mark(section, own))
        section.add(
            Table(
                ("No", "Nama", "Jabatan", "Peran", "Perangkat daerah"),
                tuple(
                    (
                        str(n),
                        m.name,
                        m.position or MISSING,
                        _member_role(m),
                        m.agency.abbreviation if m.agency else MISSING,
                    )
                    for n, m in enumerate(own, 1)
                ),
                caption=f"Susunan {label}",
                align=("right", "left", "left", "left", "left"),
                widths=(0.5, 2.5, 4, 1.5, 1.5),
            )
        )
    monitoring = chapter.sub("Pemantauan dan Evaluasi")
    monitoring.add(
        Paragraph(
            "Pelaksanaan masterplan dipantau setiap tahun. Untuk setiap kegiatan dicatat realisasinya: kemajuan "
            "fisik (persen), anggaran yang terserap, dan keluaran yang dicapai dibandingkan targetnya. Nilai "
            "indikator dicatat per tahun, dan tingkat kematangan setiap elemen dinilai ulang setiap tahun."
        ),
        Paragraph(
            "Evaluasi tahunan mengikuti lima dimensi evaluasi nasional, masing-masing dinilai 1–5: baseline, "
            "keluaran (output), hasil (outcome), dampak (impact) dan quick win. Bobot bawaannya berturut-turut 10, "
            "20, 30, 30 dan 10 (dapat diatur per tahun); indeksnya adalah rata-rata berbobot kelima dimensi. "
            "Hasilnya dibahas Dewan Smart City bersama Tim Pelaksana dan menjadi dasar pembaruan masterplan."
        ),
    )


def closing(chapter: Section, region: Region, years: str) -> None:
    chapter.add(
        Paragraph(
            f"Masterplan Smart City {region.title}"
            + (f" {years}" if years else "")
            + " adalah acuan bersama pemerintah daerah, masyarakat dan para pemangku kepentingan untuk mewujudkan "
            "smart city yang berpijak pada kearifan lokal. Masterplan ini disusun dari data ruang kerja dan dapat "
            "disusun ulang setiap kali data berubah, sehingga angka di dalamnya selalu sama dengan yang tampil di "
            "ruang kerja."
        ),
        Paragraph(
            "Keberhasilannya bergantung pada komitmen seluruh perangkat daerah dalam melaksanakan rencana aksi, "
            "pada penganggaran yang selaras dengan prioritas, serta pada pemantauan dan evaluasi yang konsisten "
            "setiap tahun."
        ),
    )


SOURCE_MODELS = (
    ("Profil daerah", None),
    ("Kecamatan", rm.District),
    ("RPJMD", rm.RpjmdPeriod),
    ("Misi RPJMD", rm.Mission),
    ("Perangkat daerah", rm.Agency),
    ("Kearifan lokal", rm.LocalWisdom),
    ("Tata kelola", rm.GovernanceMember),
    ("Pengaturan analisis", am.PlanSettings),
    ("Kesiapan", am.ReadinessScore),
    ("Faktor SWOT", am.SwotFactor),
    ("Strategi TOWS", am.Strategy),
    ("Tingkat kematangan", am.MaturityLevel),
    ("Daerah pembanding", am.Peer),
    ("Indikator", am.Indicator),
    ("Nilai indikator", am.IndicatorValue),
    ("Faktor pendorong", am.Driver),
    ("Skenario", am.Scenario),
    ("Program", Program),
    ("Kegiatan", Activity),
    ("Pagu anggaran", Ceiling),
)


def data_sources(section: Section, region: Region) -> None:
    section.add(
        Paragraph(
            "Sumber setiap kelompok data sebagaimana dicatat di ruang kerja. Catatan yang ditandai contoh "
            "ilustratif bukan data resmi daerah."
        )
    )
    rows = []
    unsourced = []
    for label, model in SOURCE_MODELS:
        if model is None:
            entries = [(region.source, region.illustrative)]
        else:
            entries = list(model.objects.filter(region=region).values_list("source", "illustrative"))
        if not entries:
            continue
        counts: dict[str, list[int]] = {}
        for source, illustrative in entries:
            key = (source or "").strip()
            if not key:
                continue
            c = counts.setdefault(key, [0, 0])
            c[0] += 1
            c[1] += 1 if illustrative else 0
        missing = sum(1 for source, _i in entries if not (source or "").strip())
        if missing:
            unsourced.append(f"{label}: {missing}")
        for source, (count, illustrative) in counts.items():
            rows.append((label, source, str(count), str(illustrative) if illustrative else ""))
    if rows:
        section.add(
            Table(
                ("Data", "Sumber", "Jumlah catatan", "Contoh ilustratif"),
                tuple(rows),
                caption="Sumber data ruang kerja",
                align=("left", "left", "right", "right"),
                widths=(1.5, 6, 1, 1),
            )
        )
    else:
        section.add(note("Belum ada sumber data yang dicatat."))
    if unsourced:
        section.add(note("Catatan tanpa sumber: " + "; ".join(unsourced) + "."))
