"""Mandatory national applications: what a regency must use rather than build again (docs/funding.md).

Perpres 95/2018 tentang SPBE makes *aplikasi umum* (common applications, set by the minister for administrative
reform) mandatory for every agency and forbids building one's own for the same purpose unless it is integrated;
Perpres 82/2023 on accelerating the digital transformation and integrating national digital services repeats it
for the priority services. Other applications are mandatory by the regulation of their sector. Each entry below
names the regulation that makes it mandatory (``basis``).

An activity whose name or description looks like what such an application provides gets a warning asking for
the reason to be recorded (integration, local extension …): :func:`similar_apps`. An application matches when
its acronym appears as a word of the text (score 100), or when every word of one of the phrases it is known by
("perencanaan penganggaran", "rekam medis" …) is close to a word of the text: the phrase's score is the weakest of
its words' best rapidfuzz ``ratio`` against the text's words (so "kepegawaian" matches "kepegawaian" but "arsip"
does not match "kearsipan"), in the activity's name only; a score of :data:`THRESHOLD` or more counts. Text is lower-cased and stripped of
accents first.

Pure Python (no Django).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

__all__ = ["APPS", "THRESHOLD", "Match", "NationalApp", "similar_apps"]

#: The smallest similarity (0–100) that counts as "appears to build the same thing" (tested both ways in
#: tests/reference/test_national_apps.py on the Katingan activities and hand-made names).
THRESHOLD = 90

SPBE = "Perpres 95/2018 tentang SPBE (aplikasi umum wajib dipakai); Perpres 82/2023 tentang Percepatan Transformasi Digital"


@dataclass(frozen=True)
class NationalApp:
    key: str
    name: str
    owner: str
    provides: str
    basis: str
    acronyms: tuple[str, ...]
    phrases: tuple[str, ...]


APPS: tuple[NationalApp, ...] = (
    NationalApp(
        "sipd", "SIPD (Sistem Informasi Pemerintahan Daerah)", "Kementerian Dalam Negeri",
        "perencanaan, penganggaran dan penatausahaan keuangan daerah",
        "Permendagri 70/2019 tentang Sistem Informasi Pemerintahan Daerah",
        ("sipd",),
        ("perencanaan penganggaran", "perencanaan pembangunan daerah", "penganggaran daerah",
         "penatausahaan keuangan daerah", "keuangan daerah", "e-planning", "e-budgeting"),
    ),
    NationalApp(
        "srikandi", "SRIKANDI (Sistem Informasi Kearsipan Dinamis Terintegrasi)", "ANRI",
        "naskah dinas dan kearsipan dinamis",
        f"Keputusan Menteri PANRB 679/2020 tentang Aplikasi Umum Bidang Kearsipan Dinamis; {SPBE}",
        ("srikandi",),
        ("naskah dinas", "surat menyurat", "persuratan", "tata naskah", "kearsipan dinamis", "e-office",
         "disposisi surat"),
    ),
    NationalApp(
        "siasn", "SIASN (Sistem Informasi Aparatur Sipil Negara)", "Badan Kepegawaian Negara",
        "data dan layanan kepegawaian ASN",
        "UU 20/2023 tentang ASN (Sistem Informasi ASN; sebelumnya UU 5/2014 Pasal 127–128)",
        ("siasn", "simpeg"),
        ("kepegawaian", "data pegawai", "manajemen asn", "layanan kepegawaian"),
    ),
    NationalApp(
        "ekinerja", "e-Kinerja BKN", "Badan Kepegawaian Negara",
        "penilaian kinerja pegawai ASN",
        "Permen PANRB 6/2022 tentang Pengelolaan Kinerja Pegawai ASN",
        ("e-kinerja", "ekinerja", "skp"),
        ("kinerja pegawai", "sasaran kinerja pegawai", "penilaian kinerja asn"),
    ),
    NationalApp(
        "lapor", "SP4N-LAPOR!", "Kementerian PANRB",
        "pengaduan pelayanan publik",
        "Perpres 76/2013 tentang Pengelolaan Pengaduan Pelayanan Publik; Permen PANRB 62/2018; " + SPBE,
        ("sp4n", "lapor", "sp4n-lapor"),
        ("pengaduan masyarakat", "pengaduan pelayanan publik", "aspirasi dan pengaduan", "kanal pengaduan"),
    ),
    NationalApp(
        "satudata", "Portal Satu Data Indonesia (data.go.id)", "Bappenas (Sekretariat Satu Data Indonesia)",
        "portal data terbuka pemerintah",
        "Perpres 39/2019 tentang Satu Data Indonesia",
        ("sdi",),
        ("satu data", "portal data", "data terbuka", "open data"),
    ),
    NationalApp(
        "pdn", "Pusat Data Nasional (PDN)", "Kementerian Komunikasi dan Digital",
        "pusat data bagi instansi pusat dan daerah",
        "Perpres 95/2018 Pasal 27 (Pusat Data Nasional); Perpres 82/2023",
        ("pdn",),
        ("pusat data", "data center", "pusat data daerah", "komputasi awan pemerintah"),
    ),
    NationalApp(
        "siak", "SIAK (Sistem Informasi Administrasi Kependudukan)", "Ditjen Dukcapil Kementerian Dalam Negeri",
        "pendaftaran penduduk dan pencatatan sipil",
        "UU 23/2006 jo. UU 24/2013 tentang Administrasi Kependudukan (SIAK)",
        ("siak", "dukcapil"),
        ("administrasi kependudukan", "adminduk", "pencatatan sipil", "kartu keluarga", "akta kelahiran"),
    ),
    NationalApp(
        "oss", "OSS RBA (Online Single Submission)", "Kementerian Investasi/BKPM",
        "perizinan berusaha",
        "PP 5/2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko",
        ("oss", "oss-rba"),
        ("perizinan berusaha", "izin usaha", "perizinan usaha", "nomor induk berusaha"),
    ),
    NationalApp(
        "satusehat", "SATUSEHAT", "Kementerian Kesehatan",
        "pertukaran rekam medis elektronik fasilitas kesehatan",
        "Permenkes 24/2022 tentang Rekam Medis (wajib terhubung ke SATUSEHAT)",
        ("satusehat", "satu sehat"),
        ("rekam medis elektronik", "rekam medis", "rekam kesehatan elektronik"),
    ),
    NationalApp(
        "spse", "SPSE (Sistem Pengadaan Secara Elektronik) / e-Katalog", "LKPP",
        "pengadaan barang/jasa pemerintah secara elektronik",
        "Perpres 16/2018 jo. Perpres 12/2021 tentang Pengadaan Barang/Jasa Pemerintah",
        ("spse", "lpse", "e-katalog"),
        ("pengadaan barang jasa", "pengadaan elektronik", "e-procurement", "lelang elektronik"),
    ),
    NationalApp(
        "siks", "SIKS-NG / Data Terpadu Kesejahteraan Sosial", "Kementerian Sosial",
        "pendataan dan pemutakhiran data kesejahteraan sosial",
        "UU 13/2011 tentang Penanganan Fakir Miskin; Permensos 3/2021 tentang Pengelolaan DTKS",
        ("siks-ng", "siks", "dtks"),
        ("data kesejahteraan sosial", "data terpadu kesejahteraan sosial", "data penerima bantuan sosial"),
    ),
    NationalApp(
        "jdih", "JDIH Nasional", "Badan Pembinaan Hukum Nasional",
        "dokumentasi dan informasi hukum",
        "Perpres 33/2012 tentang Jaringan Dokumentasi dan Informasi Hukum Nasional",
        ("jdih", "jdihn"),
        ("dokumentasi hukum", "informasi hukum", "produk hukum daerah"),
    ),
)  # fmt: skip

WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return WORD.findall(text)


@dataclass(frozen=True)
class Match:
    app: NationalApp
    score: float
    phrase: str


def phrase_score(phrase: str, words: list[str]) -> float:
    """How well the text's ``words`` contain ``phrase``: the weakest of its words' best similarity
    (rapidfuzz ``ratio``, 0–100) to a word of the text, so every word of the phrase must be there."""
    wanted = _words(phrase)
    if not wanted or not words:
        return 0.0
    return min(max(fuzz.ratio(w, t) for t in words) for w in wanted)


def similar_apps(name: str, description: str = "", threshold: float = THRESHOLD) -> list[Match]:
    """The national applications that an activity appears to rebuild, best first, each with its score (0–100) and
    the phrase or acronym that matched: by acronym in its name or description, by phrase in its name only (a
    description often says what the activity connects to, e.g. "dikirim ke Satu Data", which is no rebuild)."""
    found: dict[str, Match] = {}
    name_words, description_words = _words(name or ""), _words(description or "")
    for app in APPS:
        best = next(
            (Match(app, 100.0, a) for a in app.acronyms if a in name_words or a in description_words), None
        )
        if best is None:
            for phrase in app.phrases:
                score = phrase_score(phrase, name_words)
                if score >= threshold and (best is None or score > best.score):
                    best = Match(app, float(score), phrase)
        if best is not None:
            found[app.key] = best
    return sorted(found.values(), key=lambda m: (-m.score, m.app.key))
