"""Status transitions: usulan → disetujui → berjalan → selesai, any → batal; final unless an admin reopens."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan import services


def test_the_happy_path(plan) -> None:
    activity = plan.activity("GOV-01")
    for status in ("disetujui", "berjalan", "selesai"):
        services.set_status(activity, status)
        activity.refresh_from_db()
        assert activity.status == status
    assert [h.history_change_reason for h in activity.history.order_by("history_date", "history_id")][1:] == [
        "Status: Usulan → Disetujui",
        "Status: Disetujui → Berjalan",
        "Status: Berjalan → Selesai",
    ]


def test_skipping_a_step_is_refused(plan) -> None:
    activity = plan.activity("GOV-01")
    with pytest.raises(services.StatusRefused, match="dari Usulan menjadi Berjalan"):
        services.set_status(activity, "berjalan")


def test_approval_can_be_withdrawn(plan) -> None:
    activity = plan.activity("GOV-01")
    services.set_status(activity, "disetujui")
    services.set_status(activity, "usulan")
    activity.refresh_from_db()
    assert activity.status == "usulan"


def test_final_statuses_reopen_only_for_the_admin(plan, world) -> None:
    activity = plan.activity("GOV-01")
    services.set_status(activity, "batal")
    with pytest.raises(services.StatusRefused, match="sudah final"):
        services.set_status(activity, "usulan", world.user("op_diskominfo"))
    assert services.allowed_statuses(activity, world.user("op_diskominfo")) == []
    assert services.allowed_statuses(activity, world.user("admin_bappelitbang")) == ["usulan"]
    services.set_status(activity, "usulan", world.user("admin_bappelitbang"))
    activity.refresh_from_db()
    assert activity.status == "usulan"


def test_unknown_status_and_no_op(plan) -> None:
    activity = plan.activity("GOV-01")
    with pytest.raises(services.StatusRefused, match="tidak dikenal"):
        services.set_status(activity, "ditunda")
    count = activity.history.count()
    services.set_status(activity, "usulan")
    assert activity.history.count() == count
