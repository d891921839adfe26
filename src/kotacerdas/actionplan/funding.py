"""The funding rules and the mandatory national applications applied to activities (docs/funding.md).

Translates an activity (a record, a form's cleaned data, a region-file item or a workbook row) into
:class:`kotacerdas.method.funding.FundingCase` and reads back the refusals (certain rules: every door refuses them
at the ``funding_source`` field, path or cell) and the warnings (soft rules, shown on the activity page and in
Lampiran B of the master plan). The national-application warning comes from
:func:`kotacerdas.reference.national_apps.similar_apps` and disappears once ``national_app_reason`` is filled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kotacerdas.actionplan.models import Activity
from kotacerdas.method import funding as rules
from kotacerdas.reference import national_apps


@dataclass(frozen=True)
class Warning:
    """One warning about one activity, in both languages."""

    rule: str
    id: str
    en: str

    def text(self, lang: str = "id") -> str:
        return self.en if lang == "en" else self.id


def case(
    source: str,
    infrastructure: str = "",
    locations: int = 0,
    horizon: str = "",
    mandatory: bool | None = None,
) -> rules.FundingCase:
    return rules.FundingCase(
        source=source or "",
        infrastructure=infrastructure or "",
        locations=locations,
        horizon=horizon or "",
        mandatory=mandatory,
    )


def refusals(source: str, infrastructure: str, locations: int) -> list[rules.Finding]:
    """The certain rules for a source, an infrastructure kind and a count of locations (every door)."""
    if not source:
        return []  # the field's own "required" says it
    return [f for f in rules.refusals(case(source, infrastructure, locations)) if f.rule != "unknown"]


def refusal_texts(source: str, infrastructure: str, locations: int, lang: str) -> list[str]:
    return [f.text(lang) for f in refusals(source, infrastructure, locations)]


def bilingual(source: str, infrastructure: str, locations: int) -> list[str]:
    """The refusals as "Indonesian / English" messages (the region file's and the workbook's wording)."""
    return [f"{f.text('id')} / {f.text('en')}" for f in refusals(source, infrastructure, locations)]


def national_app_warnings(name: str, description: str, reason: str) -> list[Warning]:
    """A warning per national application the activity appears to rebuild, unless a reason is recorded."""
    if (reason or "").strip():
        return []
    found = []
    for match in national_apps.similar_apps(name, description):
        app = match.app
        found.append(
            Warning(
                f"national_app:{app.key}",
                f"Kegiatan ini tampak membangun yang sudah disediakan {app.name} ({app.provides}; {app.owner}), "
                f"aplikasi nasional yang wajib dipakai ({app.basis}): catat alasannya (integrasi, perluasan lokal "
                "…) pada “alasan terhadap aplikasi nasional”.",
                f"This activity appears to build what {app.name} already provides ({app.provides}; {app.owner}), "
                f"a mandatory national application ({app.basis}): record the reason (integration, local "
                "extension …) in “reason regarding the national application”.",
            )
        )
    return found


def activity_warnings(activity: Activity) -> list[Warning]:
    """Every warning about a stored activity: its funding source's soft rules, then the national applications
    (reads ``locations``: prefetch it when asking many activities)."""
    found = rules.warnings(
        case(
            activity.funding_source,
            activity.infrastructure,
            len(activity.locations.all()),
            activity.horizon,
            activity.mandatory,
        )
    )
    result = [Warning(f.rule, f.text("id"), f.text("en")) for f in found]
    result += national_app_warnings(activity.name, activity.description, activity.national_app_reason)
    return result


def activity_refusals(activity: Activity) -> list[rules.Finding]:
    """The certain rules a stored activity breaks (only possible for data stored before the rules)."""
    return refusals(activity.funding_source, activity.infrastructure, len(activity.locations.all()))


def region_warnings(activities: Iterable[Activity]) -> list[tuple[Activity, Warning]]:
    """(activity, warning) for every live activity, in the order given: one line per activity and warning."""
    return [(a, w) for a in activities if a.status != Activity.Status.BATAL for w in activity_warnings(a)]
