"""The action plan's sheets of the bimtek workbook: ``Rencana Aksi``, ``Risiko`` and ``Penapisan`` (docs/workbook.md).

``Rencana Aksi`` has one row per activity and year (the activity's own cells in its first row; later rows of the same
ref add years); ``Risiko`` one row per risk; ``Penapisan`` one row per screening and consultation (rows sharing
activity and local wisdom item are one screening). The rows and the import are in :mod:`.workbook_actionplan`.
"""

from __future__ import annotations

from kotacerdas.actionplan.models import Activity, Consultation, FundingSource, Screening
from kotacerdas.interchange.workbook_columns import AGENCIES, PILLARS, Column, Sheet, labelled

HORIZONS = "horizons"
FUNDING = "funding_sources"
STATUSES = "statuses"
INFRASTRUCTURE = "infrastructure"
RELATIONS = "relations"
CONSULTATION_STATUSES = "consultation_statuses"

#: What the relation cell of ``Penapisan`` says for "screened, no relation found".
NO_RELATION = "tidak_ada"
NO_RELATION_LABEL = "tidak ada kaitan"

LIST_TITLES = {
    HORIZONS: "Jangka",
    FUNDING: "Sumber dana",
    STATUSES: "Status kegiatan",
    INFRASTRUCTURE: "Jenis infrastruktur",
    RELATIONS: "Kaitan kearifan lokal",
    CONSULTATION_STATUSES: "Status konsultasi",
}


def _choices(choices) -> list[str]:
    return [labelled(value, str(label)) for value, label in choices.choices]


def lists() -> dict[str, list[str]]:
    """The dropdown lists of the action plan's sheets (written to the hidden ``Daftar`` sheet)."""
    return {
        HORIZONS: _choices(Activity.Horizon),
        FUNDING: _choices(FundingSource),
        STATUSES: _choices(Activity.Status),
        INFRASTRUCTURE: _choices(Activity.Infrastructure),
        RELATIONS: [*_choices(Screening.Relation), labelled(NO_RELATION, NO_RELATION_LABEL)],
        CONSULTATION_STATUSES: _choices(Consultation.Status),
    }


def _agency() -> Column:
    return Column(
        "agency",
        "Perangkat daerah",
        "agency",
        "perangkat daerah",
        18,
        "list",
        choices=AGENCIES,
        note="Singkatan OPD pemilik program, misalnya Diskominfostandi.",
    )


def _ref(header: str = "Ref kegiatan") -> Column:
    return Column(
        "ref", header, "activity ref", "ref kegiatan", 12, note="Rujukan kegiatan, misalnya GOV-03."
    )


RENCANA_AKSI = Sheet(
    "Rencana Aksi",
    (
        _ref("Ref"),
        Column(
            "program",
            "Kode program",
            "program code",
            "kode program",
            12,
            note="Kode program Permendagri 90/2019 (U.BB.PP), misalnya 2.16.03. Program dikenali dari kode, "
            "perangkat daerah dan pilar.",
        ),
        _agency(),
        Column("pillar", "Pilar", "pillar", "pilar", 26, "list", choices=PILLARS),
        Column(
            "code",
            "Kode kegiatan",
            "activity code",
            "kode kegiatan",
            18,
            note="U.BB.PP.K.KK atau U.BB.PP.K.KK.SSSS, misalnya 2.16.03.2.02.",
        ),
        Column("name", "Nama kegiatan", "activity name", "nama kegiatan", 40, "long"),
        Column("horizon", "Jangka", "horizon", "jangka", 22, "list", choices=HORIZONS),
        Column("start_year", "Tahun mulai", "start year", "tahun mulai", 10, "int", 2000, 2100),
        Column("end_year", "Tahun selesai", "end year", "tahun selesai", 10, "int", 2000, 2100),
        Column("funding_source", "Sumber dana", "funding source", "sumber dana", 18, "list", choices=FUNDING),
        Column(
            "status",
            "Status",
            "status",
            "status",
            16,
            "list",
            choices=STATUSES,
            note="Kegiatan baru berstatus usulan. Perubahan status mengikuti alur di halaman web; disetujui hanya "
            "bila penapisan kearifan lokal tidak menyisakan risiko terbuka.",
        ),
        Column(
            "infrastructure",
            "Jenis infrastruktur",
            "infrastructure",
            "jenis infrastruktur",
            24,
            "list",
            choices=INFRASTRUCTURE,
        ),  # fmt: skip
        Column(
            "locations",
            "Lokasi (kecamatan, dipisah koma)",
            "locations",
            "lokasi",
            30,
            note="Nama kecamatan, dipisah koma.",
        ),
        Column(
            "missions",
            "Misi RPJMD (tahun-nomor, dipisah koma)",
            "missions",
            "misi",
            18,
            note="Tahun awal periode RPJMD dan nomor misi, misalnya 2018-1, 2018-5.",
        ),
        Column(
            "depends_on",
            "Bergantung pada (ref, dipisah koma)",
            "depends on",
            "bergantung pada",
            18,
            note="Ref kegiatan yang harus selesai sebelum kegiatan ini dimulai.",
        ),
        Column("year", "Tahun", "year", "tahun", 9, "int", 2000, 2100, note="Satu baris per tahun kegiatan."),
        Column(
            "cost",
            "Biaya (Rp)",
            "cost",
            "biaya",
            16,
            "decimal",
            note="Biaya tahun ini dalam rupiah, tanpa titik.",
        ),
        Column("target", "Target", "target", "target", 10, "decimal", note="Target keluaran tahun ini."),
        Column(
            "output_indicator", "Indikator keluaran", "output indicator", "indikator keluaran", 30, "long"
        ),
        Column("output_unit", "Satuan", "output unit", "satuan", 12),
        Column(
            "program_name",
            "Nama program (bila baru)",
            "program name",
            "nama program",
            30,
            "long",
            note="Hanya untuk program yang belum ada: program baru dibuat dengan nama ini.",
        ),
    ),
    keys=("ref",),
    description="Rencana aksi: satu baris per kegiatan per tahun (biaya dan target tahunan).",
)

RISIKO = Sheet(
    "Risiko",
    (
        _ref(),
        Column("risk", "Risiko", "risk", "risiko", 50, "long"),
        Column("likelihood", "Kemungkinan (1–5)", "likelihood", "kemungkinan", 13, "int", 1, 5),
        Column("impact", "Dampak (1–5)", "impact", "dampak", 11, "int", 1, 5),
        Column("mitigation", "Mitigasi", "mitigation", "mitigasi", 50, "long"),
        Column("owner", "Penanggung jawab", "owner", "penanggung jawab", 24),
    ),
    description="Daftar risiko kegiatan (terutama quick win): satu baris per risiko.",
)

PENAPISAN = Sheet(
    "Penapisan",
    (
        _ref(),
        Column(
            "local_wisdom",
            "Kearifan lokal",
            "local wisdom",
            "kearifan lokal",
            32,
            note="Nama butir katalog kearifan lokal. Kosongkan bila kaitannya «tidak ada kaitan».",
        ),
        Column("relation", "Kaitan", "relation", "kaitan", 22, "list", choices=RELATIONS),
        Column("note", "Uraian kaitan", "note", "uraian kaitan", 40, "long"),
        Column(
            "mitigation",
            "Mitigasi",
            "mitigation",
            "mitigasi",
            40,
            "long",
            note="Wajib untuk kaitan berisiko.",
        ),
        Column("custodian", "Pemangku dikonsultasi", "custodian", "pemangku", 32),
        Column(
            "consultation_status",
            "Status konsultasi",
            "consultation status",
            "status konsultasi",
            18,
            "list",
            choices=CONSULTATION_STATUSES,
        ),  # fmt: skip
        Column(
            "date", "Tanggal konsultasi", "consultation date", "tanggal konsultasi", 14, note="YYYY-MM-DD."
        ),
        Column("outcome", "Hasil konsultasi", "consultation outcome", "hasil konsultasi", 40, "long"),
    ),
    description="Penapisan kearifan lokal: satu baris per kaitan kegiatan dengan satu butir, dan per konsultasi.",
)

ACTIONPLAN_SHEETS: tuple[Sheet, ...] = (RENCANA_AKSI, RISIKO, PENAPISAN)

SHEET_NOTES = {
    RENCANA_AKSI.name: [
        "Satu baris per kegiatan per tahun. Data kegiatan (kode, nama, jangka, tahun, sumber dana, status, lokasi, "
        "misi, ketergantungan) cukup ditulis di baris pertama ref itu; baris berikutnya dengan ref yang sama hanya "
        "menambah tahun, biaya dan target.",
        "Program dikenali dari kode program, perangkat daerah dan pilar. Program yang belum ada dibuat bila kolom "
        "Nama program diisi.",
        "Jangka: quick win (mulai dan selesai pada tahun pertama masterplan), pendek (1 tahun), menengah (≤ 5 "
        "tahun), panjang (≤ 10 tahun). Biaya dalam rupiah tanpa titik atau koma.",
        "Misi ditulis tahun-nomor (2018-1). Strategi, elemen, komponen bersama dan profil quick win diisi di "
        "halaman web.",
    ],
    RISIKO.name: [
        "Risiko per kegiatan: kemungkinan 1–5, dampak 1–5, mitigasi dan penanggung jawab. Risiko dikenali dari "
        "ref kegiatan dan uraiannya.",
    ],
    PENAPISAN.name: [
        "Setiap kegiatan ditapis terhadap katalog kearifan lokal: memperkuat, menyesuaikan atau berisiko; atau "
        "«tidak_ada — tidak ada kaitan» dengan kolom kearifan lokal dikosongkan.",
        "Kaitan berisiko perlu mitigasi dan konsultasi dengan pemangkunya (direncanakan → sudah dilaksanakan, "
        "dengan tanggal dan hasil). Beberapa baris dengan ref dan butir yang sama adalah beberapa konsultasi.",
    ],
}
