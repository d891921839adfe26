"""The ``Petunjuk`` sheet of the bimtek workbook: how to fill it in, in Indonesian."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from kotacerdas.interchange.workbook_actionplan_layout import SHEET_NOTES as ACTIONPLAN_NOTES
from kotacerdas.interchange.workbook_columns import FORMAT, Catalogue, Sheet, labelled

GENERAL = [
    "Isi lembar-lembar di buku kerja ini, lalu unggah kembali ke kotacerdas (halaman Unggah lembar kerja, "
    "atau perintah `kotacerdas workbook import DAERAH BERKAS.xlsx`).",
    "Semua isian diperiksa lebih dulu. Bila ada satu saja masalah, TIDAK ADA yang disimpan, dan setiap masalah "
    "disebut dengan lembar dan selnya, misalnya «SWOT!G14: rating 7 is outside 1–4» (peringkat 7 di luar 1–4).",
    "Baris yang kosong sama sekali diabaikan. Baris Kesiapan dan Kematangan yang hanya berisi pilar dan aspek/"
    "elemen (tanpa skor, uraian, bukti atau perangkat daerah) juga diabaikan.",
    "Impor menambah atau memperbarui; impor tidak pernah menghapus. Untuk menghapus, gunakan halaman web.",
    "Pilar, elemen, aspek, jenis, arah dan kategori dipilih dari daftar. Yang dibaca hanya kode sebelum tanda "
    "«—» (misalnya governance); namanya hanya untuk membantu membaca.",
    "Kolom Perangkat daerah berisi singkatan OPD (misalnya Dinkes). Operator OPD hanya boleh mengisi baris "
    "OPD-nya sendiri; bila kolom ini dikosongkan oleh operator, baris dianggap milik OPD-nya.",
    "Urutan kolom boleh diubah dan kolom catatan boleh ditambah: kolom dikenali dari judulnya di baris 1.",
]

SHEET_NOTES = {
    "Kesiapan": [
        "Satu baris per pilar × aspek kesiapan. Skor 1 belum siap, 2 kurang siap, 3 cukup siap, 4 siap, "
        "5 sangat siap; kosongkan skor bila belum dinilai.",
    ],
    "SWOT": [
        "Satu baris per penilaian satu perangkat daerah atas satu faktor. Baris-baris dengan Ref yang sama adalah "
        "satu faktor yang dinilai beberapa OPD (pilar, jenis, uraian dan bobot cukup ditulis di baris pertama).",
        "Ref faktor yang sudah ada berbentuk <pilar>-<jenis><nomor>, misalnya governance-S1: nomor urut faktor "
        "jenis itu di pilar itu. Untuk faktor baru kosongkan Ref (satu baris = satu faktor) atau tulis label "
        "sementara (misalnya baru-1) agar beberapa OPD dapat menilai faktor baru yang sama; setelah impor faktor "
        "baru mendapat nomor berikutnya.",
        "Kepentingan 1–5; peringkat 1–4 (4 = kekuatan besar, kelemahan serius, peluang besar, ancaman serius). "
        "Baris tanpa kepentingan dan peringkat hanya mencatat faktornya.",
        "Bobot langsung biasanya dikosongkan; bobot dihitung dari tingkat kepentingan.",
    ],
    "Strategi": [
        "Strategi TOWS: SO, ST, WO atau WT, dengan Ref faktor yang digabung (dipisah koma), dari pilar yang sama.",
    ],
    "Kematangan": [
        "Satu baris per elemen. Tingkat 1 Rintisan, 2 Terkelola, 3 Terdefinisi, 4 Terpadu dan Terukur, "
        "5 Optimum. Target tidak boleh di bawah tingkat saat ini.",
    ],
    "Indikator": [
        "Katalog indikator: kode unik, nama, satuan, pilar, arah (makin tinggi/rendah makin baik), bobot, tahun "
        "perbandingan, target di tahun cakrawala, OPD dan sumber data.",
    ],
    "Nilai": [
        "Nilai indikator: kode indikator, daerah (nama daerah ini sendiri atau nama daerah pembanding), tahun, "
        "nilai. Gunakan titik atau koma desimal tanpa pemisah ribuan.",
        "Daerah pembanding baru hanya dibuat dari unggahan admin daerah; operator OPD memakai pembanding yang sudah "
        "ada.",
    ],
    "Pendorong": [
        "Faktor pendorong (politik, ekonomi, sosial, teknologi, lingkungan, hukum) dengan dampak 1–5 dan "
        "ketidakpastian 1–5. Hanya admin daerah yang mengisi lembar ini.",
    ],
}


def draw_instructions(
    ws: Worksheet,
    catalogue: Catalogue,
    sheets: Sequence[Sheet],
    *,
    region_title: str = "",
    agency_title: str = "",
) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    row = 1

    def line(label: str, text: str = "", *, bold: bool = False) -> None:
        nonlocal row
        a = ws.cell(row=row, column=1, value=label)
        b = ws.cell(row=row, column=2, value=text)
        a.alignment = b.alignment = wrap
        if bold:
            a.font = Font(bold=True, size=12)
        row += 1

    line("Lembar kerja bimtek Masterplan Smart City", bold=True)
    line("Daerah", region_title or "(templat kosong)")
    if agency_title:
        line("Perangkat daerah", f"{agency_title} (hanya baris OPD ini)")
    line("Kerangka", catalogue.framework)
    line("Format", FORMAT)
    row += 1
    line("Cara mengisi", bold=True)
    for number, text in enumerate(GENERAL, start=1):
        line(f"{number}.", text)
    row += 1
    line("Lembar", bold=True)
    for sheet in sheets:
        line(sheet.name, sheet.description)
        for text in SHEET_NOTES.get(sheet.name) or ACTIONPLAN_NOTES.get(sheet.name, []):
            line("", text)
        line("", "Kolom: " + "; ".join(column.header for column in sheet.columns))
    row += 1
    line("Pilar dan elemen", bold=True)
    for slug, name in catalogue.pillars:
        elements = ", ".join(labelled(e, n) for p, e, n in catalogue.elements if p == slug)
        line(labelled(slug, name), elements)
    row += 1
    line("Aspek kesiapan", bold=True)
    for slug, name in catalogue.readiness:
        aspects = ", ".join(labelled(a, n) for r, a, n in catalogue.aspects if r == slug)
        line(labelled(slug, name), aspects)
