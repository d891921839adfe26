"""The action-plan records as object types of the workspace's generic pages: list, create, edit, delete, history,
revert, under the same permissions as every other record.

The action-plan pages (/d/<slug>/rencana-aksi/) and the priorities pages sit on top of these. An activity's status
is not editable here: it changes through the status buttons of the activity page (``services.set_status``).
"""

from __future__ import annotations

from kotacerdas.actionplan import codes, forms
from kotacerdas.actionplan import models as m
from kotacerdas.web.kinds import Kind, register

KINDS = [
    Kind("program", m.Program, forms.ProgramForm, ("code", "name", "agency", "pillar"), notes=codes.notes),
    Kind(
        "kegiatan",
        m.Activity,
        forms.ActivityForm,
        ("ref", "name", "program", "horizon", "start_year", "end_year", "status"),
        notes=codes.notes,
    ),
    Kind("biaya-tahunan", m.ActivityYear, forms.ActivityYearForm, ("activity", "year", "cost", "target")),
    Kind("profil-quick-win", m.QuickWinProfile, forms.QuickWinProfileForm, ("activity", "objective")),
    Kind("risiko", m.Risk, forms.RiskForm, ("risk", "activity", "likelihood", "impact", "owner")),
    Kind(
        "penapisan", m.Screening, forms.ScreeningForm, ("activity", "local_wisdom", "relation", "mitigation")
    ),
    Kind("konsultasi", m.Consultation, forms.ConsultationForm, ("custodian", "screening", "status", "date")),
    Kind("komponen-bersama", m.SharedComponent, forms.SharedComponentForm, ("name", "description")),
    Kind("kriteria", m.Criterion, forms.CriterionForm, ("name", "slug", "is_cost", "order")),
    Kind(
        "penilaian-berpasangan",
        m.Judgement,
        forms.JudgementForm,
        ("respondent", "first", "second", "favours", "value"),
    ),
    Kind("skor-kriteria", m.CriterionScore, forms.CriterionScoreForm, ("activity", "criterion", "score")),
    Kind("pagu", m.Ceiling, forms.CeilingForm, ("year", "source", "amount")),
    Kind("hasil-prioritas", m.PrioritizationRun, forms.PrioritizationRunForm, ("name", "created")),
]


def install() -> None:
    register(*KINDS)
