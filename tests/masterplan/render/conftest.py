"""Hand-built master plan documents for the renderer tests (renderers take a Document; no database needed).

``make_doc()`` builds a small but complete plan: a foreword, numbered chapters with sub-sections, paragraphs of
every style, bullet and numbered lists, a table with totals, two charts and an annex table of ``n_rows`` rows.
``HOSTILE`` is text that would be markup in one format or another; it must come out literally everywhere.
"""

from __future__ import annotations

import functools

import pytest

from kotacerdas import charts
from kotacerdas.masterplan.content import BulletList, Document, Figure, Paragraph, Table

HOSTILE_PARTS = (
    "<script>alert('x')</script>",
    "#set page(fill: red)",
    "*bold*",
    "$x^2$",
    "back\\slash",
    "]",
    "{{ region }}",
    "100%",
    "A & B",
    "🌿",
    "_under_",
    "@label",
    "//comment",
    '"quoted"',
)
LONG_WORD = "Pembangunan" * 12  # a 132-character word without a break opportunity
HOSTILE = " ".join(HOSTILE_PARTS) + " " + LONG_WORD

CHAPTERS = (
    ("BAB I", "Pendahuluan"),
    ("BAB II", "Gambaran Umum dan Analisis Kesiapan"),
    ("BAB III", "Analisis Strategis"),
    ("BAB IV", "Visi, Misi dan Strategi Smart City"),
    ("BAB V", "Kearifan Lokal"),
    ("BAB VI", "Rencana Aksi"),
    ("BAB VII", "Tata Kelola dan Monitoring"),
    ("BAB VIII", "Penutup"),
)
TOTAL_COST = "12.345.000.000"


@functools.cache
def chart_pair(kind: str) -> tuple[bytes, bytes]:
    """(SVG, PNG) of a small chart, drawn once per test session."""
    if kind == "quadrant":
        fig = charts.quadrant_chart(
            [("Smart Governance", 0.45, -0.2), ("Smart Economy", -0.55, 0.1), ("Smart Society", 0.1, 0.6)]
        )
    else:
        fig = charts.radar_chart(
            [("Governance", 2.5, 3.5), ("Economy", 2.0, 3.0), ("Society", 3.0, 4.0), ("Living", 2.2, 3.1)]
        )
    return charts.render(fig, "svg"), charts.render(fig, "png")


def activity_rows(n: int) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (
            f"K{i:04d}",
            f"Kegiatan nomor {i} di Kecamatan Katingan Hilir",
            "Diskominfostandi",
            f"{1000 + i:,}".replace(",", "."),
        )
        for i in range(1, n + 1)
    )


def make_doc(
    *, draft: bool = False, n_rows: int = 12, text: str | None = None, logo: bytes | None = None
) -> Document:
    """A plan for "Kabupaten Katingan"; ``text`` (e.g. HOSTILE) goes into every kind of user-typed field."""
    t = text
    doc = Document(
        title="Masterplan Smart City Kabupaten Katingan" + (f" {t}" if t else ""),
        subtitle="2023–2032",
        region="Kabupaten Katingan",
        publisher="Pemerintah Kabupaten Katingan" + (f" {t}" if t else ""),
        colour="#0f5c6e",
        logo_png=logo,
        draft=draft,
        draft_reasons=("3 kegiatan belum disaring terhadap kearifan lokal",) if draft else (),
        illustrative=True,
        generated="27 November 2026",
    )
    foreword = doc.chapter("", "Kata Pengantar")
    foreword.new_page = True
    foreword.add(Paragraph(t or "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa."))
    foreword.add(Paragraph("Bupati Katingan" + (f" {t}" if t else ""), style="quote"))
    summary = doc.chapter("", "Ringkasan Eksekutif")
    summary.add(Paragraph("Kesiapan daerah Katingan berada pada tingkat cukup (skor 3,10)."))
    figures = {
        "BAB III": Figure("Diagram kuadran SWOT per pilar", *chart_pair("quadrant")),
        "BAB IV": Figure(
            "Radar kematangan per pilar" + (f" {t}" if t else ""), *chart_pair("radar"), width=0.8
        ),
    }
    for label, title in CHAPTERS:
        chapter = doc.chapter(label, title)
        chapter.add(Paragraph(f"Bagian {title} menguraikan hal-hal pokok masterplan Kabupaten Katingan."))
        sub = chapter.sub("Latar Belakang", Paragraph("Pembangunan kota cerdas menuntut kesiapan daerah."))
        sub.sub(
            "Dasar Hukum", BulletList(("Undang-Undang Nomor 23 Tahun 2014", "Peraturan Presiden 95/2018"))
        )
        chapter.sub("Catatan", Paragraph("Belum ada data untuk bagian ini.", style="note"))
        if label in figures:
            chapter.add(figures[label])
        if label == "BAB V" and t:
            chapter.add(Paragraph(t))
            chapter.add(BulletList((t, "kedua"), numbered=True))
            chapter.add(Paragraph(t, style="illustrative"))
        if label == "BAB VI":
            chapter.add(
                Table(
                    columns=("Pilar", "Jumlah kegiatan", "Biaya (Rp)"),
                    rows=(
                        ("Smart Governance", "4", "5.000.000.000"),
                        ("Smart Economy" + (f" {t}" if t else ""), "3", "7.345.000.000"),
                    ),
                    caption="Biaya rencana aksi per pilar" + (f" {t}" if t else ""),
                    align=("left", "right", "right"),
                    total=("Jumlah", "7", TOTAL_COST),
                    widths=(3, 1, 2),
                )
            )
            chapter.add(BulletList(("Quick win: layanan aduan daring", "Quick win: peta desa")))
    annex = doc.chapter("Lampiran A", "Matriks Kegiatan")
    annex.add(
        Table(
            columns=("Kode", "Kegiatan", "OPD", "Biaya (Rp juta)"),
            rows=activity_rows(n_rows),
            caption="Matriks kegiatan lengkap",
            align=("left", "left", "left", "right"),
            widths=(1, 4, 2, 1.5),
        )
    )
    if draft:
        blocking = doc.chapter("Lampiran B", "Hal yang Belum Selesai")
        blocking.add(BulletList(tuple(doc.draft_reasons)))
    return doc


@pytest.fixture
def doc() -> Document:
    return make_doc()


@pytest.fixture
def draft_doc() -> Document:
    return make_doc(draft=True)


@pytest.fixture
def hostile_doc() -> Document:
    return make_doc(text=HOSTILE)
