"""Reference list of Permendagri 90/2019 planning codes relevant to smart-city work (background.md §6).

Codes come from public DPA fragments and third-party copies of the master tables; sub-kegiatan numbers changed
between versions of the nomenclature (Kepmendagri 050-5889/2021 and later), so every entry is flagged to be checked
against the current SIPD list. Activities may use any other well-formed code (the models validate the format);
this list only names the codes it knows, so a planner sees at once whether a code is a known one.
"""

from __future__ import annotations

from dataclasses import dataclass

CHECK = "periksa dengan daftar SIPD terbaru"


@dataclass(frozen=True)
class Code:
    code: str
    level: str  # "program", "kegiatan" or "sub kegiatan"
    name: str
    source: str
    note: str = CHECK


CODES: tuple[Code, ...] = (
    Code("2.16.01", "program", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
         "Permendagri 90/2019, tabel induk (salinan di repositori publik)"),
    Code("2.16.02", "program", "Program Informasi dan Komunikasi Publik",
         "Permendagri 90/2019, tabel induk (salinan di repositori publik)"),
    Code("2.16.03", "program", "Program Aplikasi Informatika (kemudian: Program Pengelolaan Aplikasi Informatika)",
         "Permendagri 90/2019, tabel induk (salinan di repositori publik)"),
    Code("2.16.02.2.01", "kegiatan", "Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota",
         "Permendagri 90/2019"),
    Code("2.16.03.2.01", "kegiatan",
         "Pengelolaan Nama Domain yang Telah Ditetapkan oleh Pemerintah Pusat dan Sub Domain di Lingkup "
         "Pemerintah Daerah Kabupaten/Kota", "Permendagri 90/2019"),
    Code("2.16.03.2.01.0003", "sub kegiatan", "Penyelenggaraan Sistem Jaringan Intra Pemerintah Daerah",
         "DPA Kota Padang 2024"),
    Code("2.16.03.2.02", "kegiatan", "Pengelolaan E-Government di Lingkup Pemerintah Daerah Kabupaten/Kota",
         "Permendagri 90/2019"),
    Code("2.16.03.2.02.09", "sub kegiatan",
         "Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas",
         "DPA Kabupaten Karanganyar 2022 (sub kegiatan yang dipakai untuk membiayai smart city)"),
    Code("2.16.03.2.02.0025", "sub kegiatan",
         "Koordinasi Pemanfaatan Portal Pelayanan Pemerintah Daerah yang Terintegrasi", "Kabupaten Bandung Barat"),
    Code("2.16.03.2.02.0035", "sub kegiatan",
         "Koordinasi dan Fasilitasi Promosi Literasi SPBE dan/atau Kolaborasi Penyelenggaraan SPBE",
         "salinan nomenklatur di repositori publik"),
)  # fmt: skip

_BY_CODE = {c.code: c for c in CODES}


def lookup(code: str) -> Code | None:
    """The known entry for ``code``, or None when the code is not in this list (it may still be valid)."""
    return _BY_CODE.get(code.strip())


def parent(code: str) -> str | None:
    """The code one level up: ``2.16.03.2.02.09`` → ``2.16.03.2.02`` → ``2.16.03``; a program has none."""
    parts = code.strip().split(".")
    if len(parts) >= 6:
        return ".".join(parts[:5])
    if len(parts) == 5:
        return ".".join(parts[:3])
    return None


def describe(code: str) -> str:
    """A line for the activity page: the known name, or what the nearest known level is."""
    entry = lookup(code)
    if entry is not None:
        return f"{entry.level} {entry.code}: {entry.name} ({entry.note})"
    up = parent(code)
    while up is not None:
        known = lookup(up)
        if known is not None:
            return f"kode belum ada di daftar rujukan; induknya {known.level} {known.code}: {known.name} ({known.note})"
        up = parent(up)
    return "kode belum ada di daftar rujukan (format sah); periksa dengan daftar SIPD terbaru"
