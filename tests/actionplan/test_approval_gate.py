"""The local wisdom gate (method.md §8) through set_status: refused with the item named, until it is clear."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import Activity
from tests.actionplan.conftest import DAMANG


def status_of(activity) -> str:
    return Activity.objects.get(pk=activity.pk).status


def test_an_unscreened_activity_is_refused(plan, world) -> None:
    activity = plan.activity("GOV-01", screened=False)
    with pytest.raises(services.ApprovalRefused) as caught:
        services.set_status(activity, "disetujui", world.user("admin_bappelitbang"))
    assert caught.value.blockers == [
        "belum ditapis terhadap kearifan lokal: catat butir yang terkait, atau tandai "
        "'tidak ada kaitan dengan kearifan lokal'"
    ]
    assert status_of(activity) == "usulan"


def test_no_relation_found_is_approved(plan, world) -> None:
    activity = plan.activity("GOV-01", screened=True)
    services.set_status(activity, "disetujui", world.user("admin_bappelitbang"))
    assert status_of(activity) == "disetujui"


def test_a_risk_without_mitigation_is_refused_naming_the_item(plan, world) -> None:
    activity = plan.activity("BRA-01", pillar="branding", screened=False)
    plan.screen(activity, plan.item(), "berisiko")
    with pytest.raises(services.ApprovalRefused) as caught:
        services.set_status(activity, "disetujui", world.user("admin_bappelitbang"))
    assert caught.value.blockers == [
        "Bukit Batu: berisiko tanpa mitigasi",
        f"Bukit Batu: berisiko tanpa konsultasi dengan pemangku ({DAMANG}) yang sudah dilaksanakan",
    ]
    assert "Bukit Batu" in str(caught.value)


def test_a_mitigated_risk_with_only_a_planned_consultation_is_refused(plan, world) -> None:
    activity = plan.activity("BRA-01", pillar="branding", screened=False)
    screening = plan.screen(activity, plan.item(), "berisiko", mitigation="Zona inti tidak dibangun")
    plan.consult(screening, "planned")
    with pytest.raises(services.ApprovalRefused) as caught:
        services.set_status(activity, "disetujui", world.user("admin_bappelitbang"))
    assert caught.value.blockers == [
        f"Bukit Batu: berisiko tanpa konsultasi dengan pemangku ({DAMANG}) yang sudah dilaksanakan"
    ]
    assert status_of(activity) == "usulan"


def test_a_done_consultation_lets_it_be_approved_with_a_history_reason(plan, world) -> None:
    activity = plan.activity("BRA-01", pillar="branding", screened=False)
    screening = plan.screen(activity, plan.item(), "berisiko", mitigation="Zona inti tidak dibangun")
    plan.consult(screening, "planned")
    plan.consult(screening, "done")
    assert services.approval_blockers(activity) == []
    user = world.user("op_diskominfo")
    services.set_status(activity, "disetujui", user)
    assert status_of(activity) == "disetujui"
    latest = activity.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason == "Status: Usulan → Disetujui"
    assert latest.history_user == user


def test_the_gate_also_guards_running_and_finished(plan, world) -> None:
    activity = plan.activity("BRA-01", pillar="branding", screened=True)
    services.set_status(activity, "disetujui")
    plan.screen(activity, plan.item(), "berisiko")  # a risk found after approval
    with pytest.raises(services.ApprovalRefused):
        services.set_status(activity, "berjalan")
    services.set_status(activity, "batal")  # cancelling is always possible
    assert status_of(activity) == "batal"
