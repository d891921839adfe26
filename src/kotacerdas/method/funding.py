"""Funding sources and the rules of how money reaches a kabupaten/kota (docs/funding.md).

An activity of the action plan names one funding source. Some combinations are impossible by regulation and are
*refused* (certain rules); most are possible but depend on decisions the regency does not take alone, and carry a
*warning* saying what the plan can and cannot promise (soft rules). Each finding names the regulation it rests on.

Certain rules (refusals):

- ``kpbu`` with infrastructure ``governance``: KPBU only finances the provision of infrastructure (Perpres 38/2015
  Pasal 1 and Pasal 5, which lists the infrastructure that may be cooperated); governance and services alone are
  not infrastructure;
- ``dana_desa`` without a location: Dana Desa is village money spent by villages (UU 6/2014 Pasal 72), so the
  activity must name where it happens.

Everything else is a warning: where a rule is not certain it is never a refusal.

Pure Python, no Django: the records are translated into :class:`FundingCase` by ``kotacerdas.actionplan.funding``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ADVISORY_CEILINGS",
    "LEGACY",
    "REFUSAL",
    "SOURCES",
    "WARNING",
    "Finding",
    "FundingCase",
    "check",
    "refusals",
    "warnings",
]

#: The funding sources in the order of the choices (contracts: slugs are fixed).
SOURCES: tuple[str, ...] = ("apbd", "bankeu_provinsi", "dak", "apbn", "dana_desa", "csr", "kpbu", "hibah")
#: Older slugs still read on import (with a warning asking for the real source).
LEGACY: tuple[str, ...] = ("other",)
#: Sources whose ceilings in the roadmap are estimates of what others decide (docs/funding.md): the optimiser
#: still schedules within them, so the proposal stays realistic, but the plan cannot promise them.
ADVISORY_CEILINGS: tuple[str, ...] = ("bankeu_provinsi", "dak", "apbn", "dana_desa", "csr", "kpbu", "hibah")

REFUSAL = "refusal"
WARNING = "warning"

#: The regulations the rules rest on (short citation as written in the messages and in docs/funding.md).
PERPRES_KPBU = "Perpres 38/2015 tentang KPBU dalam Penyediaan Infrastruktur, Pasal 1 dan Pasal 5"
KPBU_STEPS = "Perpres 38/2015; Permen PPN/Kepala Bappenas 7/2023 (tahap perencanaan, penyiapan, transaksi)"
UU_DESA = "UU 6/2014 tentang Desa, Pasal 54, 72 dan 79–80; PP 43/2014 jo. PP 11/2019"
DANA_DESA_PRIORITY = (
    "UU 6/2014 Pasal 72; Peraturan Menteri Desa PDTT tentang prioritas penggunaan Dana Desa (tiap tahun)"
)
APBN_KL = "UU 23/2014 Pasal 19–20 (dekonsentrasi, tugas pembantuan); PP 7/2008 tentang Dekonsentrasi dan Tugas Pembantuan"
DAK_JUKNIS = "UU 1/2022 tentang HKPD (DAK); Perpres/Permen petunjuk teknis DAK yang ditetapkan tiap tahun"
BANKEU = "PP 12/2019 tentang Pengelolaan Keuangan Daerah (belanja bantuan keuangan); APBD provinsi tiap tahun"
HIBAH = "PP 12/2019 tentang Pengelolaan Keuangan Daerah (pendapatan hibah); PP 2/2012 tentang Hibah Daerah"
CSR = "UU 40/2007 tentang Perseroan Terbatas, Pasal 74; PP 47/2012 tentang TJSL Perseroan Terbatas"


@dataclass(frozen=True)
class FundingCase:
    """What the rules read of one activity.

    ``locations``: how many places (kecamatan) it names; ``mandatory``: whether it must enter the roadmap.
    """

    source: str
    infrastructure: str = ""
    locations: int = 0
    horizon: str = ""
    mandatory: bool | None = None


@dataclass(frozen=True)
class Finding:
    """One rule that applies: ``level`` is :data:`REFUSAL` or :data:`WARNING`; ``rule`` a stable key."""

    level: str
    rule: str
    source: str
    message_id: str
    message_en: str
    basis: str

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    def text(self, lang: str = "id") -> str:
        """The message with its regulation, as shown to people."""
        return f"{self.message(lang)} ({self.basis})"

    @property
    def refused(self) -> bool:
        return self.level == REFUSAL


def _f(level: str, rule: str, source: str, id_: str, en: str, basis: str) -> Finding:
    return Finding(level, rule, source, id_, en, basis)


def check(case: FundingCase) -> list[Finding]:
    """Every finding for ``case``: refusals first, then warnings, each in a fixed order."""
    s = case.source
    found: list[Finding] = []
    if s not in SOURCES and s not in LEGACY:
        found.append(
            _f(REFUSAL, "unknown", s, f"Sumber dana {s!r} tidak dikenal; pilih salah satu: {', '.join(SOURCES)}.",
               f"Unknown funding source {s!r}; choose one of: {', '.join(SOURCES)}.", "kotacerdas")
        )  # fmt: skip
        return found
    if s == "kpbu" and case.infrastructure == "governance":
        found.append(
            _f(REFUSAL, "kpbu_infrastructure", s,
               "KPBU hanya membiayai penyediaan infrastruktur; kegiatan tata kelola dan layanan tidak dapat "
               "dibiayai KPBU. Bila kegiatan membangun infrastruktur telekomunikasi dan informatika (jaringan, "
               "pusat data), golongkan sebagai infrastruktur fisik; bila tidak, pilih sumber dana lain.",
               "KPBU only finances the provision of infrastructure; a governance and services activity cannot be "
               "financed through KPBU. If it builds telecommunication and informatics infrastructure (network, "
               "data centre), classify it as physical infrastructure; otherwise choose another source.",
               PERPRES_KPBU)
        )  # fmt: skip
    if s == "dana_desa" and case.locations < 1:
        found.append(
            _f(REFUSAL, "dana_desa_location", s,
               "Dana Desa dibelanjakan oleh desa: sebutkan lokasi (kecamatan) tempat desa-desa yang mendukung "
               "kegiatan ini.",
               "Dana Desa is spent by villages: name the location (kecamatan) of the villages supporting this "
               "activity.",
               UU_DESA)
        )  # fmt: skip
    found.extend(_warnings(case))
    return found


def refusals(case: FundingCase) -> list[Finding]:
    return [f for f in check(case) if f.level == REFUSAL]


def warnings(case: FundingCase) -> list[Finding]:
    return [f for f in check(case) if f.level == WARNING]


def _warnings(case: FundingCase) -> list[Finding]:
    s = case.source
    w: list[Finding] = []
    if s == "other":
        w.append(
            _f(WARNING, "legacy_other", s,
               "Sumber dana “Lainnya” tidak lagi dipakai: catat sumber yang sebenarnya (APBD, bantuan keuangan "
               "provinsi, DAK, APBN, Dana Desa, CSR, KPBU atau hibah).",
               "The funding source “Other” is no longer used: record the real source (APBD, provincial financial "
               "aid, DAK, APBN, Dana Desa, CSR, KPBU or grant).",
               "kotacerdas (sumber dana lama)")
        )  # fmt: skip
    elif s == "apbn":
        w.append(
            _f(WARNING, "apbn_proposal", s,
               "APBN dibelanjakan kementerian/lembaga (belanja K/L, dekonsentrasi atau tugas pembantuan), bukan "
               "kegiatan kabupaten sendiri: rencana ini mengusulkan dan mendukung, tidak menjanjikan; pagu APBN di "
               "peta jalan hanya perkiraan.",
               "APBN is spent by ministries (their own spending, deconcentration or co-administration), not as the "
               "regency's own activity: the plan proposes and supports it, it cannot promise it; the APBN ceiling "
               "in the roadmap is an estimate.",
               APBN_KL)
        )  # fmt: skip
    elif s == "dana_desa":
        w.append(
            _f(WARNING, "dana_desa_advisory", s,
               "Dana Desa diputuskan desa dalam Musyawarah Desa dan ditetapkan dalam APBDes: rencana ini mencatat "
               "dukungan yang diharapkan; pagu Dana Desa di peta jalan hanya anjuran, bukan keputusan.",
               "Dana Desa is decided by villages in the Musyawarah Desa and set in the APBDes: the plan records the "
               "support it hopes for; the Dana Desa ceiling in the roadmap is advisory, not a decision.",
               DANA_DESA_PRIORITY)
        )  # fmt: skip
    elif s == "csr":
        w.append(
            _f(WARNING, "csr_voluntary", s,
               "CSR (tanggung jawab sosial dan lingkungan) diputuskan perusahaan: catat kesepakatan atau nota "
               "kesepahaman dengan perusahaan; tanpa itu pagu CSR hanya harapan.",
               "CSR (social and environmental responsibility) is decided by the company: record the agreement or "
               "memorandum with it; without one the CSR ceiling is only a hope.",
               CSR)
        )  # fmt: skip
    elif s == "kpbu" and case.infrastructure != "governance":
        w.append(
            _f(WARNING, "kpbu_preparation", s,
               "KPBU memerlukan perencanaan, penyiapan (prastudi kelayakan) dan transaksi dengan badan usaha oleh "
               "PJPK sebelum pembangunan; catat tahap yang sudah dicapai.",
               "KPBU needs planning, preparation (outline business case) and a transaction with a business entity "
               "by the contracting agency before anything is built; record the stage reached.",
               KPBU_STEPS)
        )  # fmt: skip
        if case.horizon in ("quick_win", "short"):
            w.append(
                _f(WARNING, "kpbu_horizon", s,
                   "Penyiapan dan transaksi KPBU biasanya memakan waktu lebih dari dua tahun: jangka quick win atau "
                   "pendek jarang tercapai dengan KPBU.",
                   "KPBU preparation and transaction usually take more than two years: a quick-win or short horizon "
                   "is rarely met through KPBU.",
                   KPBU_STEPS)
            )  # fmt: skip
    elif s == "hibah":
        w.append(
            _f(WARNING, "hibah_agreement", s,
               "Hibah baru pasti setelah ada perjanjian hibah dengan pemberi; sebelum itu rencana hanya dapat "
               "mengusulkannya.",
               "A grant is certain only once a grant agreement with the giver is signed; until then the plan can "
               "only propose it.",
               HIBAH)
        )  # fmt: skip
    elif s == "bankeu_provinsi":
        w.append(
            _f(WARNING, "bankeu_annual", s,
               "Bantuan keuangan provinsi ditetapkan dalam APBD provinsi tiap tahun: rencana ini mengusulkannya "
               "kepada pemerintah provinsi, tidak menjanjikannya.",
               "Provincial financial aid is set in the provincial budget each year: the plan proposes it to the "
               "province, it cannot promise it.",
               BANKEU)
        )  # fmt: skip
    elif s == "dak":
        w.append(
            _f(WARNING, "dak_menu", s,
               "DAK hanya membiayai menu kegiatan dalam petunjuk teknis DAK tahun yang bersangkutan: periksa bahwa "
               "kegiatan ini ada dalam menu tahun itu dan diusulkan tepat waktu.",
               "DAK only finances the activities listed in that year's DAK technical guidance (menu): check the "
               "activity is on that year's menu and is proposed in time.",
               DAK_JUKNIS)
        )  # fmt: skip
    if s in ("apbn", "dana_desa", "csr", "hibah") and case.mandatory:
        w.append(
            _f(WARNING, "mandatory_not_ours", s,
               "Kegiatan wajib masuk peta jalan, tetapi sumber dananya diputuskan pihak lain: siapkan sumber "
               "cadangan bila tidak disetujui.",
               "The activity must enter the roadmap, but its source is decided by others: prepare a fallback "
               "source in case it is not approved.",
               {"apbn": APBN_KL, "dana_desa": UU_DESA, "csr": CSR, "hibah": HIBAH}[s])
        )  # fmt: skip
    return w
