"""Bimtek I and II: readiness, SWOT and TOWS strategies, maturity, competitiveness and the future (method.md §2–§6).

The records here hold what people enter; every figure is computed by :mod:`kotacerdas.method` through
:mod:`kotacerdas.assessment.analysis`, never stored or computed here. Records that an agency contributes
(``AGENCY_OWNED``) may be written by that agency's operators; the rest is the region admin's.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kotacerdas.framework.models import Pillar
from kotacerdas.regions.labels import related_label as rl
from kotacerdas.regions.models import Agency, Region, RegionOwned, Sourced, check_same_region


def _same_framework(instance, field: str, framework_of) -> None:
    related = getattr(instance, field, None)
    if related is not None and instance.region_id:
        if framework_of(related) != instance.region.framework_id:
            raise ValidationError({field: _("Bukan bagian dari kerangka yang dipakai daerah ini.")})


class Contributed(RegionOwned):
    """A record contributed by one agency (OPD); its operators may edit it."""

    AGENCY_OWNED = True

    # RESTRICT, not PROTECT: an agency with contributions cannot be deleted on its own, but deleting the whole
    # region (which deletes the contributions too) still works.
    agency = models.ForeignKey(
        Agency,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("perangkat daerah"),
    )

    class Meta:
        abstract = True

    def owning_agency(self):
        return self.agency

    def clean(self) -> None:
        check_same_region(self, "agency")


# --- plan settings ---------------------------------------------------------------------------------------------


class PlanSettings(Sourced):
    """Per-region settings of the analysis: the plan's years, maturity pillar weights, the scenario axes."""

    region = models.OneToOneField(Region, on_delete=models.CASCADE, related_name="plan_settings")
    start_year = models.PositiveIntegerField(
        _("tahun pertama masterplan"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    horizon_year = models.PositiveIntegerField(
        _("tahun cakrawala"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Tahun akhir masterplan; proyeksi tren dihitung sampai tahun ini."),
    )
    maturity_weights = models.JSONField(
        _("bobot pilar untuk indeks kematangan"),
        default=dict,
        blank=True,
        help_text=_("Kosong berarti bobot sama untuk setiap pilar."),
    )
    axis_x = models.ForeignKey(
        "Driver",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sumbu skenario pertama"),
    )
    axis_y = models.ForeignKey(
        "Driver",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sumbu skenario kedua"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pengaturan analisis")
        verbose_name_plural = _("pengaturan analisis")

    def __str__(self) -> str:
        return f"{rl(self, 'region')}: {self.start_year or '?'}–{self.horizon_year or '?'}"

    def owning_agency(self):
        return None

    def clean(self) -> None:
        if self.start_year and self.horizon_year and self.horizon_year <= self.start_year:
            raise ValidationError({"horizon_year": _("Tahun cakrawala harus sesudah tahun pertama.")})
        if (self.axis_x_id is None) != (self.axis_y_id is None):
            raise ValidationError(
                _("Pilih dua sumbu skenario, atau kosongkan keduanya untuk memakai bawaan.")
            )
        if self.axis_x_id and self.axis_x_id == self.axis_y_id:
            raise ValidationError({"axis_y": _("Kedua sumbu skenario harus berbeda.")})
        for field in ("axis_x", "axis_y"):
            check_same_region(self, field)
        weights = self.maturity_weights or {}
        if not isinstance(weights, dict):
            raise ValidationError({"maturity_weights": _("Bobot pilar ditulis sebagai {pilar: bobot}.")})
        known = set(
            Pillar.objects.filter(framework_id=self.region.framework_id).values_list("slug", flat=True)
        )
        for slug, weight in weights.items():
            if slug not in known:
                raise ValidationError(
                    {"maturity_weights": _("Pilar '%(slug)s' tidak dikenal.") % {"slug": slug}}
                )
            if not isinstance(weight, int | float) or isinstance(weight, bool) or weight < 0:
                raise ValidationError(
                    {"maturity_weights": _("Bobot pilar '%(slug)s' harus angka ≥ 0.") % {"slug": slug}}
                )


# --- readiness (§2) ---------------------------------------------------------------------------------------------


class ReadinessScore(Contributed):
    """One cell of a pillar's 3 × 3 readiness grid: narrative, evidence and a score 1–5 (or not yet scored)."""

    class Score(models.IntegerChoices):
        BELUM = 1, _("1 — belum siap")
        KURANG = 2, _("2 — kurang siap")
        CUKUP = 3, _("3 — cukup siap")
        SIAP = 4, _("4 — siap")
        SANGAT = 5, _("5 — sangat siap")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="readiness_scores")
    pillar = models.ForeignKey(
        "framework.Pillar", on_delete=models.PROTECT, related_name="+", verbose_name=_("pilar")
    )
    aspect = models.ForeignKey(
        "framework.ReadinessAspect", on_delete=models.PROTECT, related_name="+", verbose_name=_("aspek")
    )
    score = models.PositiveSmallIntegerField(_("skor"), choices=Score.choices, null=True, blank=True)
    narrative = models.TextField(_("uraian"), blank=True)
    evidence = models.TextField(_("bukti"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("skor kesiapan")
        verbose_name_plural = _("skor kesiapan")
        ordering = ["region", "pillar__order", "aspect__element__order", "aspect__order"]
        constraints = [
            models.UniqueConstraint(fields=["region", "pillar", "aspect"], name="readiness_cell_per_region")
        ]

    def __str__(self) -> str:
        return f"{rl(self, 'pillar')} · {rl(self, 'aspect')}"

    def clean(self) -> None:
        super().clean()
        _same_framework(self, "pillar", lambda p: p.framework_id)
        _same_framework(self, "aspect", lambda a: a.element.framework_id)


# --- SWOT and TOWS (§3) -----------------------------------------------------------------------------------------


class SwotFactor(Contributed):
    """A strength, weakness, opportunity or threat of one pillar, rated by one or more agencies.

    ``agency`` is the agency that wrote it; every agency that rates it adds a :class:`SwotRating`. The factor's
    importance and rating are the means of its ratings (method.md §3), unless the region enters the weight directly.
    """

    class Kind(models.TextChoices):
        S = "S", _("Kekuatan (S)")
        W = "W", _("Kelemahan (W)")
        O = "O", _("Peluang (O)")  # noqa: E741
        T = "T", _("Ancaman (T)")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="swot_factors")
    pillar = models.ForeignKey(
        "framework.Pillar", on_delete=models.PROTECT, related_name="+", verbose_name=_("pilar")
    )
    kind = models.CharField(_("jenis"), max_length=1, choices=Kind.choices)
    ref = models.CharField(
        _("rujukan"),
        max_length=40,
        blank=True,
        help_text=_(
            "Rujukan tetap yang unik di daerah ini, misalnya governance-S1; diisi otomatis bila kosong."
        ),
    )
    text = models.TextField(_("uraian faktor"))
    weight = models.DecimalField(
        _("bobot langsung"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_(
            "Kosongkan untuk menghitung bobot dari tingkat kepentingan. Bila diisi, semua faktor "
            "internal (atau eksternal) pilar ini harus diisi dan berjumlah 1,00."
        ),
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("faktor SWOT")
        verbose_name_plural = _("faktor SWOT")
        ordering = ["region", "pillar__order", "kind", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["region", "ref"], name="swot_factor_ref_per_region")]

    def __str__(self) -> str:
        return f"{self.ref}: {self.text[:60]}" if self.ref else f"{self.kind}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        if self.ref:
            return super().save(*args, **kwargs)
        # Two operators adding a factor at the same moment must not both get the next number: the region's row is
        # locked until the transaction ends (PostgreSQL; SQLite's IMMEDIATE transactions already run one at a time).
        with transaction.atomic():
            list(Region.objects.select_for_update().filter(pk=self.region_id).values_list("pk", flat=True))
            self.ref = self.next_ref(self.region_id, self.pillar.slug, self.kind)
            super().save(*args, **kwargs)

    @staticmethod
    def next_ref(region_id: int, pillar_slug: str, kind: str) -> str:
        """``<pillar>-<kind><n>``, n one past the highest ever used here: refs are never renumbered or reused,
        so a workbook or a region file that names a factor keeps naming the same one."""
        prefix = f"{pillar_slug}-{kind}"
        used = [
            *SwotFactor.objects.filter(region_id=region_id, ref__startswith=prefix).values_list(
                "ref", flat=True
            ),
            *SwotFactor.history.filter(region_id=region_id, ref__startswith=prefix).values_list(
                "ref", flat=True
            ),
        ]
        numbers = [int(ref[len(prefix) :]) for ref in used if ref[len(prefix) :].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1}"

    def clean(self) -> None:
        super().clean()
        _same_framework(self, "pillar", lambda p: p.framework_id)
        if not self.text.strip():
            raise ValidationError({"text": _("Tuliskan uraian faktor.")})


class SwotRating(Contributed):
    """One agency's importance (1–5) and rating (1–4) of a factor."""

    factor = models.ForeignKey(SwotFactor, on_delete=models.CASCADE, related_name="ratings")
    agency = models.ForeignKey(
        Agency, on_delete=models.RESTRICT, related_name="+", verbose_name=_("perangkat daerah")
    )
    importance = models.PositiveSmallIntegerField(
        _("tingkat kepentingan (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating = models.PositiveSmallIntegerField(
        _("peringkat (1–4)"),
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("4 = kekuatan besar, kelemahan serius, peluang besar, ancaman serius."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penilaian faktor")
        verbose_name_plural = _("penilaian faktor")
        ordering = ["factor", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["factor", "agency"], name="one_rating_per_agency")]

    def __str__(self) -> str:
        return f"{rl(self, 'agency')}: {self.importance}/{self.rating}"

    def clean(self) -> None:
        super().clean()
        check_same_region(self, "factor")


class Strategy(Contributed):
    """A TOWS strategy written by people, linked to the factors it combines."""

    class Kind(models.TextChoices):
        SO = "SO", _("SO — kekuatan × peluang")
        ST = "ST", _("ST — kekuatan × ancaman")
        WO = "WO", _("WO — kelemahan × peluang")
        WT = "WT", _("WT — kelemahan × ancaman")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="strategies")
    pillar = models.ForeignKey(
        "framework.Pillar", on_delete=models.PROTECT, related_name="+", verbose_name=_("pilar")
    )
    kind = models.CharField(_("jenis"), max_length=2, choices=Kind.choices)
    code = models.CharField(
        _("kode"), max_length=20, blank=True, help_text=_("Rujukan singkat, misalnya GOV-SO1.")
    )
    text = models.TextField(_("uraian strategi"))
    factors = models.ManyToManyField(
        SwotFactor, related_name="strategies", verbose_name=_("faktor yang digabung")
    )
    history = HistoricalRecords(m2m_fields=[factors])

    class Meta:
        verbose_name = _("strategi TOWS")
        verbose_name_plural = _("strategi TOWS")
        ordering = ["region", "pillar__order", "kind", "code", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "code"], condition=~models.Q(code=""), name="strategy_code_per_region"
            )
        ]

    def __str__(self) -> str:
        return self.code or f"{self.kind}: {self.text[:60]}"


class IgnoredPairing(RegionOwned):
    """A pairing suggestion that a person chose to ignore, so it is not suggested again."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="ignored_pairings")
    internal = models.ForeignKey(SwotFactor, on_delete=models.CASCADE, related_name="+")
    external = models.ForeignKey(SwotFactor, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("saran pasangan diabaikan")
        verbose_name_plural = _("saran pasangan diabaikan")
        constraints = [models.UniqueConstraint(fields=["internal", "external"], name="ignored_pairing_once")]


# --- maturity (§4) ----------------------------------------------------------------------------------------------


class MaturityLevel(Contributed):
    """The current maturity level of one element (SPBE scale 1–5), its evidence and the target level."""

    class Level(models.IntegerChoices):
        RINTISAN = 1, _("1 — Rintisan")
        TERKELOLA = 2, _("2 — Terkelola")
        TERDEFINISI = 3, _("3 — Terdefinisi")
        TERPADU = 4, _("4 — Terpadu dan Terukur")
        OPTIMUM = 5, _("5 — Optimum")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="maturity_levels")
    element = models.ForeignKey(
        "framework.Element", on_delete=models.PROTECT, related_name="+", verbose_name=_("elemen")
    )
    current = models.PositiveSmallIntegerField(
        _("tingkat saat ini"), choices=Level.choices, null=True, blank=True
    )
    target = models.PositiveSmallIntegerField(
        _("target tingkat"), choices=Level.choices, null=True, blank=True
    )
    evidence = models.TextField(_("bukti"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tingkat kematangan")
        verbose_name_plural = _("tingkat kematangan")
        ordering = ["region", "element__pillar__order", "element__order"]
        constraints = [models.UniqueConstraint(fields=["region", "element"], name="maturity_per_element")]

    def __str__(self) -> str:
        return f"{rl(self, 'element')}: {self.current or '-'} → {self.target or '-'}"

    def clean(self) -> None:
        super().clean()
        _same_framework(self, "element", lambda e: e.pillar.framework_id)
        if self.current and self.target and self.target < self.current:
            raise ValidationError({"target": _("Target tingkat tidak boleh di bawah tingkat saat ini.")})
        if self.target and not self.current:
            raise ValidationError({"current": _("Isi tingkat saat ini sebelum menetapkan target.")})


# --- competitiveness (§5) and the future (§6) -------------------------------------------------------------------


class Peer(RegionOwned):
    """A region compared with this one: a light profile, not a workspace of its own."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="peers")
    name = models.CharField(_("nama"), max_length=120)
    kind = models.CharField(
        _("jenis"), max_length=20, choices=Region.Kind.choices, default=Region.Kind.KABUPATEN
    )
    province = models.CharField(_("provinsi"), max_length=120, blank=True)
    order = models.PositiveIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("daerah pembanding")
        verbose_name_plural = _("daerah pembanding")
        ordering = ["region", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name", "kind"], name="peer_once_per_region")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"


class Indicator(Contributed):
    """An indicator for competitiveness (values of the region and its peers) and the future (the region's history)."""

    class Direction(models.TextChoices):
        HIGHER = "higher", _("makin tinggi makin baik")
        LOWER = "lower", _("makin rendah makin baik")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="indicators")
    pillar = models.ForeignKey(
        "framework.Pillar", on_delete=models.PROTECT, related_name="+", verbose_name=_("pilar")
    )
    code = models.CharField(
        _("kode"), max_length=30, help_text=_("Rujukan singkat yang unik, misalnya MISKIN.")
    )
    name = models.CharField(_("nama indikator"), max_length=200)
    unit = models.CharField(_("satuan"), max_length=40, blank=True)
    direction = models.CharField(
        _("arah"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    weight = models.DecimalField(
        _("bobot"), max_digits=6, decimal_places=3, default=1, validators=[MinValueValidator(0.001)]
    )
    year = models.PositiveIntegerField(
        _("tahun perbandingan"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Tahun data yang dibandingkan antardaerah."),
    )
    target = models.DecimalField(
        _("target di tahun cakrawala"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["region", "pillar__order", "code"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="indicator_code_per_region")]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def clean(self) -> None:
        super().clean()
        _same_framework(self, "pillar", lambda p: p.framework_id)


class IndicatorValue(RegionOwned):
    """A value of an indicator for one year: of the region itself (``peer`` empty) or of a peer.

    It belongs to the indicator's agency: that agency's operators keep the values of their indicators.
    """

    AGENCY_OWNED = True
    AGENCY_PATH = "indicator__agency"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    peer = models.ForeignKey(
        Peer,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="values",
        verbose_name=_("daerah pembanding"),
        help_text=_("Kosong untuk daerah ini sendiri."),
    )
    year = models.PositiveIntegerField(
        _("tahun"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    value = models.DecimalField(_("nilai"), max_digits=20, decimal_places=4)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nilai indikator")
        verbose_name_plural = _("nilai indikator")
        ordering = ["indicator", "peer__order", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "peer", "year"],
                name="indicator_value_once",
                condition=models.Q(peer__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="indicator_own_value_once",
                condition=models.Q(peer__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        where = rl(self, "peer") if self.peer_id else rl(self, "region")
        return f"{rl(self, 'indicator', 'code')} {where} {self.year}: {self.value}"

    def owning_agency(self):
        return self.indicator.agency if self.indicator_id else None

    def clean(self) -> None:
        check_same_region(self, "indicator")
        check_same_region(self, "peer")


class Driver(RegionOwned):
    """A driving force of the future (PESTEL) with impact and uncertainty 1–5."""

    class Category(models.TextChoices):
        POLITICAL = "political", _("Politik")
        ECONOMIC = "economic", _("Ekonomi")
        SOCIAL = "social", _("Sosial")
        TECHNOLOGICAL = "technological", _("Teknologi")
        ENVIRONMENTAL = "environmental", _("Lingkungan")
        LEGAL = "legal", _("Hukum")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="drivers")
    name = models.CharField(_("nama pendorong"), max_length=200)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    description = models.TextField(_("uraian"), blank=True)
    impact = models.PositiveSmallIntegerField(
        _("dampak (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    uncertainty = models.PositiveSmallIntegerField(
        _("ketidakpastian (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("faktor pendorong")
        verbose_name_plural = _("faktor pendorong")
        ordering = ["region", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="driver_name_per_region")]

    def __str__(self) -> str:
        return self.name


class Scenario(RegionOwned):
    """One of the four scenarios of the 2 × 2 frame, named and described by people."""

    class Cell(models.TextChoices):
        HIGH_HIGH = "high_high", _("tinggi × tinggi")
        HIGH_LOW = "high_low", _("tinggi × rendah")
        LOW_HIGH = "low_high", _("rendah × tinggi")
        LOW_LOW = "low_low", _("rendah × rendah")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="scenarios")
    cell = models.CharField(_("sel"), max_length=10, choices=Cell.choices)
    name = models.CharField(_("nama skenario"), max_length=200)
    narrative = models.TextField(_("narasi"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("skenario")
        verbose_name_plural = _("skenario")
        ordering = ["region", "cell"]
        constraints = [models.UniqueConstraint(fields=["region", "cell"], name="scenario_cell_per_region")]

    def __str__(self) -> str:
        return self.name


class ScenarioImplication(RegionOwned):
    """What a scenario implies for one pillar."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="implications")
    pillar = models.ForeignKey(
        "framework.Pillar", on_delete=models.PROTECT, related_name="+", verbose_name=_("pilar")
    )
    text = models.TextField(_("implikasi"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("implikasi skenario")
        verbose_name_plural = _("implikasi skenario")
        ordering = ["scenario", "pillar__order"]
        constraints = [
            models.UniqueConstraint(fields=["scenario", "pillar"], name="implication_per_scenario_pillar")
        ]

    def __str__(self) -> str:
        return f"{rl(self, 'scenario')} · {rl(self, 'pillar')}"

    def clean(self) -> None:
        check_same_region(self, "scenario")
