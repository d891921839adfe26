"""The action plan (method.md §7–§9): programs and activities of every agency, local wisdom screening, quick-win
profiles and risks, alignment links, AHP criteria and judgements, budget ceilings and saved prioritisation runs.

Records hold what people enter; every rule and figure (horizon checks, the approval gate, coverage, priorities,
the roadmap) comes from :mod:`kotacerdas.method` through :mod:`kotacerdas.actionplan.services`; what belongs
to one record (an activity's total cost, its horizon check, whether it still counts) is the record's own.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from kotacerdas import formatting
from kotacerdas.assessment.models import PlanSettings
from kotacerdas.method import actionplan as rules
from kotacerdas.reference import nomenclature
from kotacerdas.regions.labels import related_label as rl
from kotacerdas.regions.models import Agency, Region, RegionOwned, check_same_region

YEAR = [MinValueValidator(2000), MaxValueValidator(2100)]

#: Permendagri 90/2019 nomenclature: program U.BB.PP, kegiatan U.BB.PP.K.KK, sub kegiatan U.BB.PP.K.KK.SS(SS).
PROGRAM_CODE = RegexValidator(
    r"^\d\.\d{2}\.\d{2}$", _("Kode program ditulis U.BB.PP menurut Permendagri 90/2019, misalnya 2.16.03.")
)
ACTIVITY_CODE = RegexValidator(
    r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}(\.\d{2}|\.\d{4})?$",
    _(
        "Kode kegiatan ditulis U.BB.PP.K.KK (kegiatan) atau U.BB.PP.K.KK.SSSS (sub kegiatan) menurut "
        "Permendagri 90/2019, misalnya 2.16.03.2.02 atau 2.16.03.2.02.0009."
    ),
)


#: How the nearest codes are introduced after a refusal, per language.
NEAREST = {"id": "Yang terdekat", "en": "Nearest"}


def code_words(problem: nomenclature.CodeProblem, lang: str) -> str:
    """A refused code in words, in ``lang``, with the nearest codes that exist (code and official name)."""
    if not problem.suggestions:
        return problem.message
    near = "; ".join(f"{e.code} {e.name}" for e in problem.suggestions)
    return f"{problem.message} {NEAREST[lang]}: {near}."


def _lazy_problem(check, *args, **kwargs):
    """The refusal of ``check(*args, **kwargs)`` as a lazy text worded in the active language (Indonesian or
    English), so that one ValidationError reads right on a page and in both languages of an import."""

    def words() -> str:
        lang = formatting.lang()
        return code_words(check(*args, lang=lang, **kwargs), lang)

    return lazy(words, str)()


def program_code_errors(code: str, name: str | None, version: str) -> dict[str, list]:
    """The refusals of a program's ``code`` (a program of ``version``) and ``name`` (its official name, ignoring
    case, spacing and punctuation; blank means "take the official name"), by field; {} when both are right.
    A code that is not written U.BB.PP is left to the field's format validator."""
    if not code or not PROGRAM_CODE.regex.match(code) or version not in nomenclature.VERSIONS:
        return {}
    given = name if name and name.strip() else None
    problem = nomenclature.check_program(code, version, name=given)
    if problem is None:
        return {}
    field = "name" if problem.kind == "name" else "code"
    return {field: [_lazy_problem(nomenclature.check_program, code, version, name=given)]}


def activity_code_errors(code: str, program_code: str | None, version: str) -> dict[str, list]:
    """The refusal of an activity's ``code``: a kegiatan or sub kegiatan of ``version`` under the program
    ``program_code`` (its first three segments); {} when it is right. A code the format validator refuses is left
    to it, except a sub kegiatan written with two digits (``.09``), which the nomenclature writes with four."""
    if not code or not ACTIVITY_CODE.regex.match(code) or version not in nomenclature.VERSIONS:
        return {}
    if nomenclature.check_activity(code, program_code, version) is None:
        return {}
    return {"code": [_lazy_problem(nomenclature.check_activity, code, program_code, version)]}


class FundingSource(models.TextChoices):
    """How the money reaches the regency (docs/funding.md; rules in :mod:`kotacerdas.method.funding`); ``other``
    is the legacy slug, still readable, with a warning asking for the real source."""

    APBD = "apbd", _("APBD")
    BANKEU_PROVINSI = "bankeu_provinsi", _("Bantuan keuangan provinsi")
    DAK = "dak", _("DAK")
    APBN = "apbn", _("APBN (melalui kementerian/lembaga)")
    DANA_DESA = "dana_desa", _("Dana Desa")
    CSR = "csr", _("CSR")
    KPBU = "kpbu", _("KPBU")
    HIBAH = "hibah", _("Hibah")
    OTHER = "other", _("Lainnya (lama)")


class Program(RegionOwned):
    """A program of one agency in one pillar, with its national planning code."""

    AGENCY_OWNED = True

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="programs")
    agency = models.ForeignKey(
        Agency, on_delete=models.RESTRICT, related_name="programs", verbose_name=_("perangkat daerah")
    )
    pillar = models.ForeignKey(
        "framework.Pillar", on_delete=models.PROTECT, related_name="+", verbose_name=_("pilar")
    )
    elements = models.ManyToManyField(
        "framework.Element", blank=True, related_name="+", verbose_name=_("elemen")
    )
    code = models.CharField(_("kode program"), max_length=20, validators=[PROGRAM_CODE])
    name = models.CharField(
        _("nama program"),
        max_length=300,
        blank=True,
        help_text=_("Nama resmi menurut nomenklatur; kosongkan untuk mengambilnya dari kode."),
    )
    local_title = models.CharField(
        _("judul lokal"),
        max_length=300,
        blank=True,
        help_text=_("Sebutan setempat yang ditulis sesudah nama resmi, tidak menggantikannya."),
    )
    description = models.TextField(_("uraian"), blank=True)
    history = HistoricalRecords(m2m_fields=[elements])

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("program")
        ordering = ["region", "pillar__order", "agency__name", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "agency", "code", "pillar"], name="program_once_per_agency"
            )
        ]

    def __str__(self) -> str:
        if self.local_title:
            return f"{self.code} {self.name} ({self.local_title})"
        return f"{self.code} {self.name}"

    def owning_agency(self):
        return self.agency

    @property
    def nomenclature_version(self) -> str:
        return self.region.nomenclature if self.region_id else nomenclature.DEFAULT_VERSION

    def official(self) -> nomenclature.Entry | None:
        """The program's entry in its region's nomenclature, or None (no region yet, or a code not there)."""
        if not self.region_id or not self.code:
            return None
        return nomenclature.lookup(self.code, self.nomenclature_version)

    def take_official_name(self) -> Program:
        """Set the name to the nomenclature's (every door does, after checking a given name against it); a code
        that is not in the nomenclature (stored before issue 12) keeps the name it has."""
        if entry := self.official():
            self.name = entry.name
        return self

    def clean(self) -> None:
        check_same_region(self, "agency")
        if self.pillar_id and self.region_id and self.pillar.framework_id != self.region.framework_id:
            raise ValidationError({"pillar": _("Bukan bagian dari kerangka yang dipakai daerah ini.")})
        if self.region_id:
            # A stored program keeps its code unchecked while the code stays (a region from before issue 12 may
            # hold codes the nomenclature does not know; the pages list them); a new or changed code is checked.
            stored = (
                Program.objects.filter(pk=self.pk).values_list("code", "name").first() if self.pk else None
            )
            if stored != (self.code, self.name) and (
                errors := program_code_errors(self.code, self.name, self.nomenclature_version)
            ):
                raise ValidationError(errors)
            self.take_official_name()


class SharedComponent(RegionOwned):
    """A component several activities can use: data centre, fibre network, one-data portal, ..."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="shared_components")
    name = models.CharField(_("nama komponen"), max_length=200)
    description = models.TextField(_("uraian"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("komponen bersama")
        verbose_name_plural = _("komponen bersama")
        ordering = ["region", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="component_name_per_region")]

    def __str__(self) -> str:
        return self.name


def plan_start(region: Region) -> int | None:
    """The plan's first year (PlanSettings.start_year), or None when not yet set."""
    return PlanSettings.objects.filter(region=region).values_list("start_year", flat=True).first()


class ActivityQuerySet(models.QuerySet):
    def live(self) -> ActivityQuerySet:
        """The activities that still count: not cancelled."""
        return self.exclude(status=Activity.Status.BATAL)

    def open(self) -> ActivityQuerySet:
        """The activities still to be scheduled: not cancelled and not finished."""
        return self.exclude(status__in=[Activity.Status.BATAL, Activity.Status.SELESAI])

    def for_reports(self) -> ActivityQuerySet:
        """With what the action-plan reports read (:meth:`Activity.info`), in reference order."""
        return (
            self.select_related("program__agency", "program__pillar")
            .prefetch_related("missions", "locations", "components")
            .order_by("ref")
        )


class Activity(RegionOwned):
    """An activity (kegiatan or sub kegiatan) of a program: when, where, with what money, toward which mission."""

    AGENCY_OWNED = True
    AGENCY_PATH = "program__agency"

    class Horizon(models.TextChoices):
        QUICK_WIN = "quick_win", _("Quick win")
        SHORT = "short", _("Jangka pendek (1 tahun)")
        MEDIUM = "medium", _("Jangka menengah (≤ 5 tahun)")
        LONG = "long", _("Jangka panjang (≤ 10 tahun)")

    class Status(models.TextChoices):
        USULAN = "usulan", _("Usulan")
        DISETUJUI = "disetujui", _("Disetujui")
        BERJALAN = "berjalan", _("Berjalan")
        SELESAI = "selesai", _("Selesai")
        BATAL = "batal", pgettext_lazy("status kegiatan", "Batal")

    class Infrastructure(models.TextChoices):
        PHYSICAL = "physical", _("Infrastruktur fisik")
        ECONOMIC = "economic", _("Infrastruktur ekonomi")
        SOCIAL = "social", _("Infrastruktur sosial")
        GOVERNANCE = "governance", _("Tata kelola dan layanan")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="activities")
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="activities", verbose_name=_("program")
    )
    ref = models.CharField(
        _("rujukan"),
        max_length=30,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9._-]*$", _("Rujukan: huruf, angka, titik atau tanda hubung.")
            )
        ],
        help_text=_("Rujukan singkat yang unik di daerah ini, misalnya GOV-03."),
    )
    code = models.CharField(_("kode kegiatan"), max_length=30, validators=[ACTIVITY_CODE])
    name = models.CharField(_("nama kegiatan"), max_length=300)
    description = models.TextField(_("uraian"), blank=True)
    output_indicator = models.CharField(_("indikator keluaran"), max_length=300, blank=True)
    output_unit = models.CharField(_("satuan keluaran"), max_length=60, blank=True)
    horizon = models.CharField(_("jangka"), max_length=12, choices=Horizon.choices)
    start_year = models.PositiveIntegerField(_("tahun mulai"), validators=YEAR)
    end_year = models.PositiveIntegerField(_("tahun selesai"), validators=YEAR)
    earliest_start = models.PositiveIntegerField(
        _("paling awal dimulai"),
        null=True,
        blank=True,
        validators=YEAR,
        help_text=_("Untuk penjadwalan prioritas; kosong berarti tahun mulai."),
    )
    latest_start = models.PositiveIntegerField(
        _("paling lambat dimulai"),
        null=True,
        blank=True,
        validators=YEAR,
        help_text=_("Untuk penjadwalan prioritas; kosong berarti tahun mulai."),
    )
    funding_source = models.CharField(_("sumber dana"), max_length=20, choices=FundingSource.choices)
    national_app_reason = models.TextField(
        _("alasan terhadap aplikasi nasional"),
        blank=True,
        help_text=_(
            "Bila kegiatan mirip aplikasi nasional yang wajib (SIPD, SRIKANDI, SP4N-LAPOR! …): alasannya, "
            "misalnya integrasi atau perluasan lokal."
        ),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.USULAN)
    infrastructure = models.CharField(
        _("jenis infrastruktur"),
        max_length=12,
        choices=Infrastructure.choices,
        help_text=_("Untuk keterpaduan kawasan: fisik, ekonomi, sosial, atau tata kelola/layanan."),
    )
    mandatory = models.BooleanField(
        _("wajib masuk peta jalan"),
        null=True,
        blank=True,
        help_text=_("Kosong: quick win dan kegiatan yang berjalan wajib, yang lain tidak."),
    )
    locations = models.ManyToManyField(
        "regions.District", blank=True, related_name="activities", verbose_name=_("lokasi (kecamatan)")
    )
    depends_on = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="dependents", verbose_name=_("bergantung pada")
    )
    components = models.ManyToManyField(
        SharedComponent, blank=True, related_name="activities", verbose_name=_("komponen bersama")
    )
    missions = models.ManyToManyField(
        "regions.Mission", blank=True, related_name="activities", verbose_name=_("misi RPJMD")
    )
    strategies = models.ManyToManyField(
        "assessment.Strategy", blank=True, related_name="activities", verbose_name=_("strategi TOWS")
    )
    elements = models.ManyToManyField(
        "framework.Element", blank=True, related_name="+", verbose_name=_("elemen")
    )
    no_local_wisdom_relation = models.BooleanField(
        _("tidak ada kaitan dengan kearifan lokal"),
        default=False,
        help_text=_(
            "Centang setelah penapisan bila memang tidak ditemukan kaitan dengan butir kearifan lokal mana pun."
        ),
    )
    history = HistoricalRecords(
        m2m_fields=[locations, depends_on, components, missions, strategies, elements]
    )
    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        ordering = ["region", "ref"]
        constraints = [models.UniqueConstraint(fields=["region", "ref"], name="activity_ref_per_region")]

    def __str__(self) -> str:
        return f"{self.ref} {self.name}"

    def owning_agency(self):
        return self.program.agency if self.program_id else None

    @property
    def agency(self):
        return self.owning_agency()

    @property
    def live(self) -> bool:
        """Whether the activity still counts (not cancelled); :meth:`ActivityQuerySet.live` in a query."""
        return self.status != self.Status.BATAL

    @property
    def total_cost(self) -> Decimal:
        """The sum of the yearly costs (rupiah); prefetch ``years`` when asking many activities."""
        return sum((y.cost for y in self.years.all()), Decimal(0))

    def info(self) -> rules.ActivityInfo:
        """The activity as the method's reports read it (prefetch as :meth:`ActivityQuerySet.for_reports`)."""
        return rules.ActivityInfo(
            id=self.ref,
            name=self.name,
            agency=self.program.agency.abbreviation,
            pillar=self.program.pillar.slug,
            horizon=self.horizon,
            missions=[str(m.pk) for m in self.missions.all()],
            locations=[str(d.pk) for d in self.locations.all()],
            infrastructure=self.infrastructure,
            components=[c.name for c in self.components.all()],
        )

    def horizon_problems(self, lang: str = "id") -> list[str]:
        """What is wrong with the years for the horizon (method.md §7); used by forms and importers."""
        if not (self.horizon and self.start_year and self.end_year):
            return []
        if self.horizon not in rules.HORIZONS:
            return []  # the field's choices report it
        start = plan_start(self.region) if self.region_id else None
        return rules.horizon_problems(self.horizon, self.start_year, self.end_year, start, lang=lang)

    def _program(self) -> Program | None:
        """The program, also when it is a new one not saved yet (a workbook import creating both)."""
        cached = self._state.fields_cache.get("program")
        if cached is not None:
            return cached
        return self.program if self.program_id else None

    def _code_changed(self, program: Program) -> bool:
        """Whether the code or the program's code differ from what is stored: a stored activity keeps its code
        unchecked while neither changes (a region from before issue 12 may hold codes the nomenclature does not
        know; the pages list them), so an edit of its years or links is not refused for it."""
        if self.pk is None or program.pk is None:
            return True
        stored = Activity.objects.filter(pk=self.pk).values_list("code", "program__code").first()
        return stored != (self.code, program.code)

    def clean(self) -> None:
        check_same_region(self, "program")
        program = self._program()
        if self.region_id and program is not None and self._code_changed(program):
            if errors := activity_code_errors(self.code, program.code, self.region.nomenclature):
                raise ValidationError(errors)
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Tahun selesai tidak boleh sebelum tahun mulai.")})
        if self.earliest_start and self.latest_start and self.latest_start < self.earliest_start:
            raise ValidationError(
                {"latest_start": _("Paling lambat dimulai tidak boleh sebelum paling awal.")}
            )
        if problems := self.horizon_problems(formatting.lang()):
            raise ValidationError({"horizon": problems})


class ActivityYear(RegionOwned):
    """The cost (rupiah) and output target of an activity in one year of its run."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveIntegerField(_("tahun"), validators=YEAR)
    cost = models.DecimalField(
        _("biaya (Rp)"), max_digits=18, decimal_places=0, validators=[MinValueValidator(0)]
    )
    target = models.DecimalField(_("target keluaran"), max_digits=18, decimal_places=4, null=True, blank=True)
    history = HistoricalRecords()

    AGENCY_OWNED = True
    AGENCY_PATH = "activity__program__agency"

    class Meta:
        verbose_name = _("biaya dan target tahunan")
        verbose_name_plural = _("biaya dan target tahunan")
        ordering = ["activity", "year"]
        constraints = [models.UniqueConstraint(fields=["activity", "year"], name="activity_year_once")]

    def __str__(self) -> str:
        return f"{rl(self, 'activity', 'ref')} {self.year}"

    def owning_agency(self):
        return self.activity.owning_agency() if self.activity_id else None

    def clean(self) -> None:
        check_same_region(self, "activity")
        if (
            self.activity_id
            and self.year
            and not self.activity.start_year <= self.year <= self.activity.end_year
        ):
            raise ValidationError(
                {"year": _("Tahun %(year)s di luar masa kegiatan (%(start)s–%(end)s).")
                 % {"year": self.year, "start": self.activity.start_year, "end": self.activity.end_year}}
            )  # fmt: skip


class QuickWinProfile(RegionOwned):
    """The profile of a quick win: why, for whom, what changes within the year."""

    AGENCY_OWNED = True
    AGENCY_PATH = "activity__program__agency"

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="quick_win_profile")
    background = models.TextField(_("latar belakang"), blank=True)
    objective = models.TextField(_("tujuan"), blank=True)
    beneficiaries = models.TextField(_("penerima manfaat"), blank=True)
    innovation = models.TextField(_("kebaruan/inovasi"), blank=True)
    success_measure = models.TextField(_("ukuran keberhasilan"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profil quick win")
        verbose_name_plural = _("profil quick win")

    def __str__(self) -> str:
        return f"Profil {rl(self, 'activity', 'ref')}"

    def owning_agency(self):
        return self.activity.owning_agency() if self.activity_id else None


class Risk(RegionOwned):
    """An entry of an activity's risk register."""

    AGENCY_OWNED = True
    AGENCY_PATH = "activity__program__agency"

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="risks")
    risk = models.TextField(_("risiko"))
    likelihood = models.PositiveSmallIntegerField(
        _("kemungkinan (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    impact = models.PositiveSmallIntegerField(
        _("dampak (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    mitigation = models.TextField(_("mitigasi"), blank=True)
    owner = models.CharField(_("penanggung jawab"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("risiko")
        verbose_name_plural = _("risiko")
        ordering = ["activity", "-likelihood", "-impact", "pk"]

    def __str__(self) -> str:
        return f"{rl(self, 'activity', 'ref')}: {self.risk[:60]}"

    def owning_agency(self):
        return self.activity.owning_agency() if self.activity_id else None


class Screening(RegionOwned):
    """How an activity relates to one local wisdom item (method.md §8)."""

    AGENCY_OWNED = True
    AGENCY_PATH = "activity__program__agency"

    class Relation(models.TextChoices):
        MEMPERKUAT = "memperkuat", _("Memperkuat")
        MENYESUAIKAN = "menyesuaikan", _("Menyesuaikan")
        BERISIKO = "berisiko", _("Berisiko")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="screenings")
    local_wisdom = models.ForeignKey(
        "regions.LocalWisdom",
        on_delete=models.CASCADE,
        related_name="screenings",
        verbose_name=_("kearifan lokal"),
    )
    relation = models.CharField(_("kaitan"), max_length=14, choices=Relation.choices)
    note = models.TextField(_("uraian kaitan"), blank=True)
    mitigation = models.TextField(_("mitigasi"), blank=True, help_text=_("Wajib untuk kaitan berisiko."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penapisan kearifan lokal")
        verbose_name_plural = _("penapisan kearifan lokal")
        ordering = ["activity", "local_wisdom__name"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "local_wisdom"], name="screening_once_per_item")
        ]

    def __str__(self) -> str:
        activity, wisdom = rl(self, "activity", "ref"), rl(self, "local_wisdom")
        return f"{activity} · {wisdom} ({self.get_relation_display()})"

    def owning_agency(self):
        return self.activity.owning_agency() if self.activity_id else None

    def clean(self) -> None:
        check_same_region(self, "activity")
        check_same_region(self, "local_wisdom")


class Consultation(RegionOwned):
    """A consultation with the custodian of a local wisdom item about an activity that puts it at risk."""

    AGENCY_OWNED = True
    AGENCY_PATH = "screening__activity__program__agency"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Direncanakan")
        DONE = "done", _("Sudah dilaksanakan")

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="consultations")
    custodian = models.CharField(_("pemangku yang dikonsultasi"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    date = models.DateField(_("tanggal"), null=True, blank=True)
    outcome = models.TextField(_("hasil"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("konsultasi pemangku")
        verbose_name_plural = _("konsultasi pemangku")
        ordering = ["screening", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.custodian} ({self.get_status_display()})"

    def owning_agency(self):
        return self.screening.owning_agency() if self.screening_id else None

    def clean(self) -> None:
        check_same_region(self, "screening")
        if self.status == self.Status.DONE and (not self.date or not self.outcome.strip()):
            raise ValidationError(_("Konsultasi yang sudah dilaksanakan perlu tanggal dan hasilnya."))


class Criterion(RegionOwned):
    """A criterion of the resource priorities (method.md §9). The cost criterion is scored from the costs."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="criteria")
    slug = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("nama kriteria"), max_length=120)
    description = models.TextField(_("uraian"), blank=True)
    is_cost = models.BooleanField(
        _("kriteria biaya"),
        default=False,
        help_text=_("Dinilai dari total biaya kegiatan: makin murah makin baik."),
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kriteria prioritas")
        verbose_name_plural = _("kriteria prioritas")
        ordering = ["region", "order", "slug"]
        constraints = [models.UniqueConstraint(fields=["region", "slug"], name="criterion_slug_per_region")]

    def __str__(self) -> str:
        return self.name


class Judgement(RegionOwned):
    """One respondent's pairwise judgement on Saaty's 1–9 scale: which of two criteria matters more, and how much.

    ``value`` 1 means equally important; with ``favours`` = first, criterion A is ``value`` times as important as B
    (the matrix entry a_AB = value), with second the other way round (a_AB = 1/value). The reciprocal is implied.
    """

    class Favours(models.TextChoices):
        FIRST = "first", _("kriteria A lebih penting")
        SECOND = "second", _("kriteria B lebih penting")

    respondent = models.CharField(_("responden"), max_length=120)
    first = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="+", verbose_name=_("kriteria A")
    )
    second = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="+", verbose_name=_("kriteria B")
    )
    favours = models.CharField(
        _("lebih penting"), max_length=6, choices=Favours.choices, default=Favours.FIRST
    )
    value = models.PositiveSmallIntegerField(
        _("intensitas (1–9)"),
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_(
            "1 sama penting, 3 sedikit lebih penting, 5 lebih penting, 7 sangat lebih penting, 9 mutlak."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penilaian berpasangan")
        verbose_name_plural = _("penilaian berpasangan")
        ordering = ["region", "respondent", "first__order", "second__order"]
        constraints = [
            models.UniqueConstraint(fields=["region", "respondent", "first", "second"], name="judgement_once")
        ]

    def __str__(self) -> str:
        return f"{self.respondent}: {rl(self, 'first')} / {rl(self, 'second')}"

    @property
    def ratio(self) -> float:
        """The matrix entry a_AB."""
        return float(self.value) if self.favours == self.Favours.FIRST else 1.0 / self.value

    def clean(self) -> None:
        check_same_region(self, "first")
        check_same_region(self, "second")
        if self.first_id and self.first_id == self.second_id:
            raise ValidationError(_("Bandingkan dua kriteria yang berbeda."))
        if self.first_id and self.second_id and self.region_id:
            reverse = Judgement.objects.filter(
                region_id=self.region_id,
                respondent=self.respondent,
                first_id=self.second_id,
                second_id=self.first_id,
            ).exclude(pk=self.pk)
            if reverse.exists():
                raise ValidationError(_("Pasangan kriteria ini sudah dinilai oleh responden yang sama."))


class CriterionScore(RegionOwned):
    """An activity's score 1–5 on a (non-cost) criterion."""

    AGENCY_OWNED = True
    AGENCY_PATH = "activity__program__agency"

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="criterion_scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(
        _("skor (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("skor kriteria")
        verbose_name_plural = _("skor kriteria")
        ordering = ["activity", "criterion__order"]
        constraints = [models.UniqueConstraint(fields=["activity", "criterion"], name="criterion_score_once")]

    def __str__(self) -> str:
        return f"{rl(self, 'activity', 'ref')} · {rl(self, 'criterion')}: {self.score}"

    def owning_agency(self):
        return self.activity.owning_agency() if self.activity_id else None

    def clean(self) -> None:
        check_same_region(self, "activity")
        check_same_region(self, "criterion")
        if self.criterion_id and self.criterion.is_cost:
            raise ValidationError(
                {"criterion": _("Kriteria biaya dihitung dari biaya kegiatan, tidak dinilai.")}
            )


class Ceiling(RegionOwned):
    """The budget ceiling of one funding source in one year (a year and source with no ceiling has ceiling 0)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="ceilings")
    year = models.PositiveIntegerField(_("tahun"), validators=YEAR)
    source = models.CharField(_("sumber dana"), max_length=20, choices=FundingSource.choices)
    amount = models.DecimalField(
        _("pagu (Rp)"), max_digits=18, decimal_places=0, validators=[MinValueValidator(0)]
    )
    note = models.TextField(_("keterangan"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pagu anggaran")
        verbose_name_plural = _("pagu anggaran")
        ordering = ["region", "year", "source"]
        constraints = [models.UniqueConstraint(fields=["region", "year", "source"], name="ceiling_once")]

    def __str__(self) -> str:
        return f"{self.year} {self.get_source_display()}"


class PrioritizationRun(RegionOwned):
    """A saved run of the budget-constrained selection (``kotacerdas.method.portfolio``), kept for comparison."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="prioritization_runs")
    name = models.CharField(_("nama"), max_length=120)
    created = models.DateTimeField(_("dibuat"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    parameters = models.JSONField(_("parameter"), default=dict, blank=True)
    result = models.JSONField(_("hasil"), default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hasil prioritas")
        verbose_name_plural = _("hasil prioritas")
        ordering = ["region", "-created"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="run_name_per_region")]

    def __str__(self) -> str:
        return self.name
