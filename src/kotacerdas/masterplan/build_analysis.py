"""BAB II (profile, districts, readiness) and BAB III (SWOT, strategies, the future, competitiveness, maturity).

Every figure is read from :func:`kotacerdas.assessment.analysis.analyse_region`; this module only arranges it.
"""

from __future__ import annotations

from kotacerdas.assessment.analysis import SELF, PillarAnalysis, RegionAnalysis
from kotacerdas.assessment.models import ReadinessScore, ScenarioImplication
from kotacerdas.framework.models import ReadinessElement
from kotacerdas.masterplan.build_support import MISSING, Charts, ff, note, num, plain
from kotacerdas.masterplan.content import BulletList, Paragraph, Section, Table
from kotacerdas.method import future as method_future
from kotacerdas.method import swot as method_swot
from kotacerdas.regions.models import District, Region

ILLUSTRATIVE = "Bagian ini memuat contoh ilustratif, bukan data resmi daerah."
KIND_NAMES = {"S": "Kekuatan", "W": "Kelemahan", "O": "Peluang", "T": "Ancaman"}
CELL_ORDER = ("high_high", "high_low", "low_high", "low_low")


def illustrative_mark(section: Section, records) -> bool:
    """Adds the "illustrative" paragraph to ``section`` when any of ``records`` is marked illustrative."""
    if any(getattr(r, "illustrative", False) for r in records):
        section.add(Paragraph(ILLUSTRATIVE, style="illustrative"))
        return True
    return False


def roman(value: int | None) -> str:
    return MISSING if value is None else method_swot.ROMAN[value - 1]


# --- BAB II ---------------------------------------------------------------------------------------------------


def chapter_two(
    chapter: Section, region: Region, a: RegionAnalysis, charts: Charts, marks: list[bool]
) -> None:
    profile = chapter.sub("Profil Daerah")
    marks.append(illustrative_mark(profile, [region]))
    districts = list(District.objects.filter(region=region).counted().order_by("order", "name"))
    rows = [
        ("Nama daerah", region.title),
        ("Provinsi", region.province or MISSING),
        ("Ibu kota", region.capital or MISSING),
        ("Kode wilayah Kemendagri", region.kemendagri_code or MISSING),
        ("Kode BPS", region.bps_code or MISSING),
        ("Luas wilayah (km²)", plain(region.area_km2)),
        (
            "Jumlah penduduk" + (f" ({region.population_year})" if region.population_year else ""),
            plain(region.population),
        ),
        ("Semboyan", region.motto or MISSING),
        ("Jumlah kecamatan", str(len(districts)) if districts else MISSING),
    ]
    profile.add(Table(("Uraian", "Keterangan"), tuple(rows), caption=f"Profil {region.title}", widths=(2, 3)))
    if region.description.strip():
        for text in _paragraphs(region.description):
            profile.add(Paragraph(text))
    else:
        profile.add(note("Belum ada uraian profil daerah: isi deskripsi daerah di ruang kerja."))

    section = chapter.sub("Wilayah Administrasi")
    if districts:
        marks.append(illustrative_mark(section, districts))
        body, total = district_rows(districts)
        section.add(
            Table(
                ("No", "Kecamatan", "Ibu kota", "Desa", "Kelurahan", "Jumlah"),
                body,
                caption=f"Kecamatan di {region.title} dengan jumlah desa dan kelurahan",
                align=("right", "left", "left", "right", "right", "right"),
                total=total,
                widths=(0.5, 3, 2.5, 1, 1, 1),
            )
        )
    else:
        section.add(
            note("Belum ada data kecamatan: tambahkan kecamatan beserta jumlah desa dan kelurahannya.")
        )

    readiness_section(chapter, region, a, charts, marks)


def district_rows(districts: list[District]) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The rows and the total of the district table: desa and kelurahan counted from a district's listed
    villages when it has any (the official area codes), else its stored counts."""
    body = tuple(
        (str(n), d.name, d.capital or MISSING, plain(d.n_desa), plain(d.n_kelurahan), plain(d.villages))
        for n, d in enumerate(districts, start=1)
    )
    total = (
        "",
        "Jumlah",
        "",
        plain(sum(d.n_desa for d in districts)),
        plain(sum(d.n_kelurahan for d in districts)),
        plain(sum(d.villages for d in districts)),
    )
    return body, total


def _paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [p for p in parts if p]


def readiness_section(
    chapter: Section, region: Region, a: RegionAnalysis, charts: Charts, marks: list
) -> None:
    section = chapter.sub("Analisis Kesiapan Daerah")
    records = list(
        ReadinessScore.objects.filter(region=region).select_related("pillar", "aspect__element", "agency")
    )
    section.add(
        Paragraph(
            "Kesiapan daerah dinilai pada tiga unsur (struktur, infrastruktur, suprastruktur), masing-masing "
            "dengan tiga aspek, untuk setiap pilar, dengan skor 1 (belum siap) sampai 5 (sangat siap). Skor unsur "
            "adalah rata-rata aspeknya, skor pilar rata-rata sembilan aspek, dan skor daerah rata-rata pilar; "
            "aspek yang belum dinilai tidak ikut dihitung."
        )
    )
    if not any(r.score is not None for r in records):
        section.add(
            note("Belum ada data kesiapan: nilai aspek kesiapan setiap pilar di ruang kerja bimtek I.")
        )
        return
    marks.append(illustrative_mark(section, records))
    section.add(
        Paragraph(
            f"Kesiapan {region.title} secara keseluruhan: {num(a.readiness.score)}"
            + (f" ({a.readiness.band})." if a.readiness.band else ".")
        )
    )
    elements = list(ReadinessElement.objects.filter(framework_id=region.framework_id).order_by("order"))
    columns = ("Pilar", *(e.name for e in elements), "Skor pilar", "Kategori")
    body = []
    for pa in a.pillars.values():
        r = pa.readiness
        cells = [num(r.elements[e.slug].score) if e.slug in r.elements else MISSING for e in elements]
        body.append((pa.pillar.name, *cells, num(r.score), r.band or "belum dinilai"))
    section.add(
        Table(
            columns,
            tuple(body),
            caption="Skor kesiapan per unsur dan per pilar",
            align=("left", *("right" for _ in elements), "right", "left"),
            total=(
                "Daerah",
                *("" for _ in elements),
                num(a.readiness.score),
                a.readiness.band or "belum dinilai",
            ),
        )
    )
    grid: dict[str, dict[str, int | None]] = {slug: {} for slug in a.pillars}
    for record in records:
        grid.setdefault(record.pillar.slug, {})[record.aspect.slug] = record.score
    names = {slug: pa.pillar.name for slug, pa in a.pillars.items()}
    charts.add(
        section,
        "Peta panas kesiapan per pilar dan aspek",
        "readiness_heatmap",
        grid,
        names=names,
        title="",
    )
    if a.readiness.missing:
        aspect_names = {r.aspect.slug: r.aspect.name for r in records}
        missing = {}
        for pillar, aspect in a.readiness.missing:
            missing.setdefault(pillar, []).append(aspect_names.get(aspect, aspect))
        section.add(
            note(
                f"{len(a.readiness.missing)} aspek kesiapan belum dinilai: "
                + "; ".join(f"{names.get(p, p)}: {', '.join(v)}" for p, v in missing.items())
                + "."
            )
        )
    by_pillar: dict[str, list[ReadinessScore]] = {}
    for record in records:
        if record.narrative.strip() or record.evidence.strip():
            by_pillar.setdefault(record.pillar.slug, []).append(record)
    if by_pillar:
        detail = section.sub("Uraian Kesiapan per Pilar")
        for slug, pa in a.pillars.items():
            rows = by_pillar.get(slug)
            if not rows:
                continue
            rows.sort(key=lambda r: (r.aspect.element.order, r.aspect.order))
            detail.add(
                Table(
                    ("Aspek", "Skor", "Uraian", "Bukti"),
                    tuple(
                        (
                            f"{r.aspect.element.name} — {r.aspect.name}",
                            str(r.score) if r.score else MISSING,
                            r.narrative,
                            r.evidence,
                        )
                        for r in rows
                    ),
                    caption=f"Uraian kesiapan {pa.pillar.name}",
                    align=("left", "right", "left", "left"),
                    widths=(2, 0.6, 4, 3),
                )
            )


# --- BAB III --------------------------------------------------------------------------------------------------


def chapter_three(chapter: Section, region: Region, a: RegionAnalysis, charts: Charts, marks: list) -> None:
    chapter.add(
        Paragraph(
            "Bab ini menyajikan analisis strategis hasil bimtek: SWOT terkuantifikasi setiap pilar, posisi pilar "
            "pada diagram kuadran dan matriks Internal-Eksternal, strategi TOWS yang diurutkan menurut skornya, "
            "analisis masa depan, daya saing terhadap daerah pembanding, dan tingkat kematangan."
        )
    )
    swot_sections(chapter, a, charts, marks)
    strategies_section(chapter, a)
    future_section(chapter, region, a, charts, marks)
    competitiveness_section(chapter, region, a, charts, marks)
    maturity_section(chapter, a, charts, marks)


def _factor_table(pa: PillarAnalysis, kinds: tuple[str, str], caption: str) -> Table | None:
    rows = []
    for row in pa.factors:
        record = row.record
        if record.kind not in kinds:
            continue
        rows.append(
            (
                record.ref or record.kind,
                KIND_NAMES[record.kind],
                record.text,
                ", ".join(row.agencies) or MISSING,
                num(row.weight, 3),
                num(row.rating),
                num(row.score, 3),
            )
        )
    if not rows:
        return None
    return Table(
        ("Kode", "Jenis", "Faktor", "OPD penilai", "Bobot", "Peringkat", "Skor (bobot × peringkat)"),
        tuple(rows),
        caption=caption,
        align=("left", "left", "left", "left", "right", "right", "right"),
        widths=(1.3, 1, 4, 1.5, 0.8, 0.9, 1),
    )


def swot_sections(chapter: Section, a: RegionAnalysis, charts: Charts, marks: list) -> None:
    section = chapter.sub("Analisis SWOT per Pilar")
    section.add(
        Paragraph(
            "Setiap faktor SWOT diberi tingkat kepentingan (1–5) dan peringkat (1–4) oleh OPD yang menilainya. "
            "Bobot faktor internal (kekuatan dan kelemahan) dan eksternal (peluang dan ancaman) masing-masing "
            "berjumlah 1,00. Posisi kuadran: x = S − W dan y = O − T. Total IFE dan EFE memakai peringkat "
            "terbalik (5 − r) untuk kelemahan dan ancaman; keduanya menentukan sel matriks IE."
        )
    )
    all_factors = [row.record for pa in a.pillars.values() for row in pa.factors]
    if not all_factors:
        section.add(note("Belum ada data SWOT: tambahkan faktor kekuatan, kelemahan, peluang dan ancaman."))
    else:
        marks.append(illustrative_mark(section, all_factors))
    for pa in a.pillars.values():
        sub = section.sub(pa.pillar.name)
        if not pa.factors:
            sub.add(note(f"Belum ada faktor SWOT untuk {pa.pillar.name}."))
            continue
        internal = _factor_table(pa, ("S", "W"), f"Faktor internal (IFE) {pa.pillar.name}")
        external = _factor_table(pa, ("O", "T"), f"Faktor eksternal (EFE) {pa.pillar.name}")
        sub.add(*(t for t in (internal, external) if t is not None))
        if pa.unrated:
            sub.add(note(f"{len(pa.unrated)} faktor belum dinilai dan belum ikut dihitung."))
        s = pa.swot
        if s is None:
            sub.add(
                note(f"Skor SWOT belum dapat dihitung: {pa.swot_problem or 'belum ada faktor yang dinilai'}.")
            )
            continue
        sub.add(
            Paragraph(
                f"Skor kekuatan (S) {num(s.s)}, kelemahan (W) {num(s.w)}, peluang (O) {num(s.o)}, "
                f"ancaman (T) {num(s.t)}; x = S − W = {num(s.x)}, y = O − T = {num(s.y)}. "
                f"Total IFE {num(s.ife)}, total EFE {num(s.efe)}."
            )
        )
        if s.quadrant is not None:
            sub.add(Paragraph(f"Posisi kuadran: {s.quadrant_name}."))
        if s.ie_cell is not None:
            sub.add(Paragraph(f"Sel matriks IE: {roman(s.ie_cell)}, arahan {s.ie_advice}."))
        for text in s.notes:
            sub.add(note(text))

    summary = section.sub("Posisi Strategis Seluruh Pilar")
    rows = []
    for pa in a.pillars.values():
        s = pa.swot
        rows.append(
            (
                pa.pillar.name,
                num(s.x if s else None),
                num(s.y if s else None),
                (s.quadrant_name if s and s.quadrant else None) or "belum ada",
                num(s.ife if s else None),
                num(s.efe if s else None),
                roman(s.ie_cell if s else None),
                (s.ie_advice if s else None) or MISSING,
            )
        )
    summary.add(
        Table(
            ("Pilar", "x (S − W)", "y (O − T)", "Kuadran", "IFE", "EFE", "Sel IE", "Arahan"),
            tuple(rows),
            caption="Posisi SWOT dan matriks IE setiap pilar",
            align=("left", "right", "right", "left", "right", "right", "center", "left"),
        )
    )
    if any(pa.swot is not None and pa.swot.x is not None for pa in a.pillars.values()):
        points = [
            (pa.pillar.name, pa.swot.x if pa.swot else None, pa.swot.y if pa.swot else None)
            for pa in a.pillars.values()
        ]
        charts.add(summary, "Diagram kuadran SWOT: posisi setiap pilar", "quadrant_chart", points, title="")
    else:
        summary.add(note("Belum ada pilar dengan posisi kuadran: diagram kuadran belum dapat digambar."))
    if any(pa.swot is not None and pa.swot.ie_cell is not None for pa in a.pillars.values()):
        ie_points = [
            (pa.pillar.name, pa.swot.ife if pa.swot else None, pa.swot.efe if pa.swot else None)
            for pa in a.pillars.values()
        ]
        charts.add(summary, "Matriks Internal-Eksternal (IE) setiap pilar", "ie_matrix", ie_points, title="")
    else:
        summary.add(note("Belum ada pilar dengan total IFE dan EFE: matriks IE belum dapat digambar."))


def strategies_section(chapter: Section, a: RegionAnalysis) -> None:
    section = chapter.sub("Strategi TOWS Terurut")
    section.add(
        Paragraph(
            "Strategi SO, ST, WO dan WT dirumuskan oleh daerah dan masing-masing dikaitkan dengan faktor yang "
            "digabungkannya. Skor strategi adalah jumlah bobot × peringkat faktor-faktornya; strategi diurutkan "
            "menurut skor dalam setiap pilar."
        )
    )
    if not any(pa.strategies for pa in a.pillars.values()):
        section.add(note("Belum ada strategi TOWS: rumuskan strategi dari pasangan faktor SWOT."))
        return
    for pa in a.pillars.values():
        if not pa.strategies:
            section.add(note(f"{pa.pillar.name}: belum ada strategi TOWS."))
            continue
        rows = tuple(
            (
                str(row.rank) if row.rank is not None else MISSING,
                row.record.code or MISSING,
                row.record.kind,
                row.record.text,
                ", ".join(f.ref for f in row.record.factors.all()) or MISSING,
                num(row.score, 3),
            )
            for row in pa.strategies
        )
        section.add(
            Table(
                ("Peringkat", "Kode", "Jenis", "Strategi", "Faktor", "Skor"),
                rows,
                caption=f"Strategi TOWS {pa.pillar.name}",
                align=("right", "left", "center", "left", "left", "right"),
                widths=(0.9, 1.1, 0.6, 5, 2, 0.8),
            )
        )
        problems = [row.problem for row in pa.strategies if row.problem]
        for problem in dict.fromkeys(problems):
            section.add(note(problem))


def future_section(chapter: Section, region: Region, a: RegionAnalysis, charts: Charts, marks: list) -> None:
    section = chapter.sub("Analisis Masa Depan")
    horizon = a.settings.horizon_year if a.settings else None
    trends = section.sub("Tren Indikator dan Proyeksinya")
    trends.add(
        Paragraph(
            "Garis tren linear (kuadrat terkecil) dan pertumbuhan majemuk tahunan (bila semua nilai positif) "
            "dari nilai daerah ini sendiri, diperpanjang sampai tahun cakrawala"
            + (f" {horizon}." if horizon else ".")
        )
    )
    for text in a.notes:
        trends.add(note(text))
    if not a.projections:
        trends.add(note("Belum ada indikator dengan nilai daerah ini untuk sedikitnya dua tahun."))
    else:
        marks.append(illustrative_mark(trends, [row.indicator for row in a.projections]))
        rows = []
        for row in a.projections:
            p = row.projection
            history = "; ".join(f"{year}: {plain(value)}" for year, value in row.history)
            if p is None:
                rows.append(
                    (row.indicator.name, row.indicator.unit, history, row.problem or MISSING, "", "", "", "")
                )
                continue
            compound = MISSING
            if p.compound is not None:
                growth = ff(p.growth * 100, 1) if p.growth is not None else MISSING
                compound = f"{plain(round(p.compound, 4))} ({growth} %/th)"
            met = (
                "tanpa target" if p.target_met is None else ("tercapai" if p.target_met else "tidak tercapai")
            )
            rows.append(
                (
                    row.indicator.name,
                    row.indicator.unit,
                    history,
                    ff(p.slope, "-3"),
                    plain(round(p.linear, 4)),
                    compound,
                    ff(row.indicator.target, "-4") if p.target is not None else MISSING,
                    met,
                )
            )
        trends.add(
            Table(
                (
                    "Indikator",
                    "Satuan",
                    "Riwayat",
                    "Tren per tahun",
                    "Proyeksi linear",
                    "Proyeksi majemuk",
                    "Target",
                    "Target tercapai?",
                ),
                tuple(rows),
                caption=f"Tren dan proyeksi indikator sampai {horizon}" if horizon else "Tren indikator",
                align=("left", "left", "left", "right", "right", "right", "right", "left"),
                widths=(2.2, 1, 2.6, 1, 1.2, 1.5, 1, 1.2),
            )
        )
        for row in a.projections:
            if row.projection is None:
                continue
            charts.add(
                trends,
                f"Proyeksi {row.indicator.name}",
                "projection_chart",
                row.history,
                row.projection,
                title="",
                unit=row.indicator.unit,
                width=0.8,
            )

    drivers = section.sub("Faktor Pendorong")
    if not a.drivers:
        drivers.add(
            note(
                "Belum ada faktor pendorong: catat kekuatan politik, ekonomi, sosial, teknologi, lingkungan dan hukum."
            )
        )
    else:
        marks.append(illustrative_mark(drivers, a.drivers))
        drivers.add(
            Paragraph(
                "Diurutkan menurut dampak × ketidakpastian (sama: dampak lebih tinggi dulu). Dua teratas menjadi "
                "sumbu bawaan kerangka skenario."
            )
        )
        axis_ids = {d.pk for d in a.axes} if a.axes else set()
        rows = []
        for n, d in enumerate(a.drivers, start=1):
            score = method_future.Driver(d.name, d.category, d.impact, d.uncertainty).score
            axis = ""
            if d.pk in axis_ids:
                axis = "sumbu bawaan" if a.axes_default else "sumbu pilihan"
            rows.append(
                (
                    str(n),
                    d.name,
                    d.get_category_display(),
                    str(d.impact),
                    str(d.uncertainty),
                    str(score),
                    axis,
                )
            )
        drivers.add(
            Table(
                (
                    "No",
                    "Pendorong",
                    "Kategori",
                    "Dampak",
                    "Ketidakpastian",
                    "Dampak × ketidakpastian",
                    "Sumbu",
                ),
                tuple(rows),
                caption="Faktor pendorong masa depan",
                align=("right", "left", "left", "right", "right", "right", "left"),
                widths=(0.5, 4, 1.3, 0.9, 1.2, 1.3, 1.3),
            )
        )
        described = [d for d in a.drivers if d.description.strip()]
        if described:
            drivers.add(BulletList(tuple(f"{d.name}: {d.description}" for d in described)))

    scenarios = section.sub("Kerangka Skenario")
    if a.axes is None:
        scenarios.add(note("Kerangka skenario perlu sedikitnya dua faktor pendorong."))
    else:
        x, y = a.axes
        kind = "Sumbu bawaan (dua pendorong teratas)" if a.axes_default else "Sumbu pilihan daerah"
        scenarios.add(Paragraph(f"{kind}: {x.name} (mendatar) × {y.name} (tegak)."))
        cells = {cell: (s.name, s.narrative) for cell, s in a.scenarios.items()}
        charts.add(scenarios, "Kerangka skenario 2 × 2", "scenario_frame", x.name, y.name, cells, title="")
    if not a.scenarios:
        scenarios.add(note("Belum ada skenario yang dinamai."))
    else:
        marks.append(illustrative_mark(scenarios, a.scenarios.values()))
        implications = {}
        for imp in ScenarioImplication.objects.filter(scenario__region=region).select_related("pillar"):
            implications.setdefault(imp.scenario_id, {})[imp.pillar_id] = imp.text
        for cell in CELL_ORDER:
            s = a.scenarios.get(cell)
            if s is None:
                continue
            sub = scenarios.sub(s.name)
            if a.axes is not None:
                x_high, y_high = (part == "high" for part in cell.split("_"))
                sub.add(
                    Paragraph(
                        f"{a.axes[0].name}: {'tinggi' if x_high else 'rendah'} · "
                        f"{a.axes[1].name}: {'tinggi' if y_high else 'rendah'}."
                    )
                )
            if s.narrative.strip():
                for text in _paragraphs(s.narrative):
                    sub.add(Paragraph(text))
            else:
                sub.add(note("Narasi skenario belum ditulis."))
            own = implications.get(s.pk, {})
            sub.add(
                Table(
                    ("Pilar", "Implikasi"),
                    tuple(
                        (pa.pillar.name, own.get(pa.pillar.pk, "belum ditulis")) for pa in a.pillars.values()
                    ),
                    caption=f"Implikasi skenario {s.name} per pilar",
                    widths=(1.2, 4),
                )
            )


def competitiveness_section(
    chapter: Section, region: Region, a: RegionAnalysis, charts: Charts, marks: list
) -> None:
    section = chapter.sub("Daya Saing Daerah")
    section.add(
        Paragraph(
            "Setiap indikator dinormalkan min–maks (0–100) di antara daerah yang memiliki nilainya, dibalik untuk "
            "indikator yang makin rendah makin baik; skor pilar adalah rata-rata berbobot indikatornya dan skor "
            "komposit rata-rata skor pilar. Nilai yang tidak ada ditampilkan sebagai tidak ada, bukan 0."
        )
    )
    c = a.comparison
    if c is None:
        section.add(note("Belum ada data daya saing: tambahkan daerah pembanding dan indikator."))
        return
    marks.append(illustrative_mark(section, a.comparison_indicators))
    pillars = list(dict.fromkeys(i.pillar.slug for i in a.comparison_indicators))
    pillar_names = {i.pillar.slug: i.pillar.name for i in a.comparison_indicators}
    keys = list(c.regions)
    order = sorted(c.regions.values(), key=lambda r: (r.rank is None, r.rank or 0, keys.index(r.region)))
    rows = []
    for r in order:
        name = a.comparison_names.get(r.region, r.region)
        rows.append(
            (
                str(r.rank) if r.rank is not None else MISSING,
                name + (" (daerah ini)" if r.region == SELF else ""),
                *(
                    ff(r.pillars.get(s), 1) if r.pillars.get(s) is not None else "tidak ada data"
                    for s in pillars
                ),
                ff(r.composite, 1) if r.composite is not None else "tidak ada data",
            )
        )
    section.add(
        Table(
            ("Peringkat", "Daerah", *(pillar_names[s] for s in pillars), "Komposit"),
            tuple(rows),
            caption="Skor dan peringkat daya saing",
            align=("right", "left", *("right" for _ in pillars), "right"),
        )
    )
    own = c.regions.get(SELF)
    if own is not None:
        section.add(
            Paragraph(
                f"{region.title} berada di peringkat {own.rank if own.rank is not None else MISSING} dari "
                f"{len(c.regions)} daerah dengan skor komposit {ff(own.composite, 1)}."
            )
        )
    indicator_rows = []
    for ind in a.comparison_indicators:
        result = c.indicators.get(ind.code)
        best = MISSING
        gap = MISSING
        if result is not None and result.best_region is not None:
            best = f"{a.comparison_names.get(result.best_region, result.best_region)} ({plain(result.best_value)})"
            gap_value = result.gaps.get(SELF)
            gap = plain(round(gap_value, 4)) if gap_value is not None else "tidak ada data"
        indicator_rows.append(
            (
                ind.code,
                ind.name,
                ind.unit or MISSING,
                ind.pillar.name,
                ind.get_direction_display(),
                str(ind.year),
                ff(ind.weight, "-3"),
                best,
                gap,
            )
        )
    section.add(
        Table(
            (
                "Kode",
                "Indikator",
                "Satuan",
                "Pilar",
                "Arah",
                "Tahun",
                "Bobot",
                "Terbaik",
                "Selisih daerah ini",
            ),
            tuple(indicator_rows),
            caption="Indikator daya saing, nilai terbaik dan selisih daerah ini",
            align=("left", "left", "left", "left", "left", "right", "right", "left", "right"),
        )
    )
    if own is not None and own.missing:
        section.add(note(f"Indikator tanpa nilai daerah ini: {', '.join(own.missing)}."))
    charts.add(
        section,
        "Skor komposit daya saing",
        "bar_chart_competitiveness",
        c,
        highlight=SELF,
        names=a.comparison_names,
        title="",
    )


def maturity_section(chapter: Section, a: RegionAnalysis, charts: Charts, marks: list) -> None:
    section = chapter.sub("Tingkat Kematangan")
    section.add(
        Paragraph(
            "Tingkat kematangan setiap elemen mengikuti skala kapabilitas SPBE: 1 Rintisan, 2 Terkelola, "
            "3 Terdefinisi, 4 Terpadu dan Terukur, 5 Optimum. Indeks pilar adalah rata-rata elemennya dan indeks "
            "daerah rata-rata pilar; predikat: ≥ 4,2 Memuaskan, ≥ 3,5 Sangat Baik, ≥ 2,6 Baik, ≥ 1,8 Cukup, "
            "selain itu Kurang."
        )
    )
    if a.maturity_problem:
        section.add(note(f"Indeks kematangan belum dapat dihitung: {a.maturity_problem}"))
    records = [m for m in a.maturity_records.values() if m.current is not None]
    if not records:
        section.add(
            note(
                "Belum ada data kematangan: nilai tingkat kematangan setiap elemen di ruang kerja bimtek II."
            )
        )
        return
    marks.append(illustrative_mark(section, records))
    if a.maturity.index is not None:
        section.add(
            Paragraph(f"Indeks kematangan daerah: {ff(a.maturity.index, 2)} ({a.maturity.predicate}).")
        )
    section.add(
        Table(
            ("Pilar", "Indeks", "Predikat", "Target"),
            tuple(
                (
                    pa.pillar.name,
                    ff(pa.maturity.index, 2) if pa.maturity.index is not None else "belum ada indeks",
                    pa.maturity.predicate or MISSING,
                    ff(pa.maturity_target, 2),
                )
                for pa in a.pillars.values()
            ),
            caption="Indeks kematangan per pilar",
            align=("left", "right", "left", "right"),
        )
    )
    rows = []
    gaps = []
    for pa in a.pillars.values():
        for element in pa.pillar.elements.all():
            record = a.maturity_records.get((pa.pillar.slug, element.slug))
            gap = a.maturity.gaps.get((pa.pillar.slug, element.slug))
            rows.append(
                (
                    pa.pillar.name,
                    element.name,
                    record.get_current_display() if record and record.current else "belum dinilai",
                    record.get_target_display() if record and record.target else MISSING,
                    str(gap) if gap is not None else MISSING,
                )
            )
            if gap:
                gaps.append(f"{pa.pillar.name} — {element.name}: naik {gap} tingkat")
    section.add(
        Table(
            ("Pilar", "Elemen", "Tingkat saat ini", "Target", "Kesenjangan"),
            tuple(rows),
            caption="Tingkat kematangan per elemen",
            align=("left", "left", "left", "left", "right"),
        )
    )
    charts.add(
        section,
        "Radar tingkat kematangan: saat ini dan target per pilar",
        "radar_chart",
        [(pa.pillar.name, pa.maturity.index, pa.maturity_target) for pa in a.pillars.values()],
        title="",
        width=0.8,
    )
    gap_section = section.sub("Kesenjangan Kematangan")
    if gaps:
        gap_section.add(
            Paragraph("Elemen yang perlu dinaikkan tingkat kematangannya sampai tahun cakrawala:")
        )
        gap_section.add(BulletList(tuple(gaps)))
    else:
        gap_section.add(note("Belum ada elemen dengan target di atas tingkat saat ini."))
    unassessed = [
        f"{pa.pillar.name} — {e.name}"
        for pa in a.pillars.values()
        for e in pa.pillar.elements.all()
        if e.slug in pa.maturity.missing
    ]
    if unassessed:
        section.add(note(f"{len(unassessed)} elemen belum dinilai: {', '.join(unassessed)}."))
