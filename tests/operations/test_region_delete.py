"""`kotacerdas region delete SLUG` (issue 11 item 10): asks for the slug to be typed (or ``--yes``), then deletes
the region and everything in it in one transaction; other regions are untouched, users stay, the history of the
deleted records stays as history."""

from __future__ import annotations

from tests.concurrency.harness import Installation

COUNTS = """
from django.contrib.auth import get_user_model
from kotacerdas.actionplan.models import Activity
from kotacerdas.assessment.models import SwotFactor
from kotacerdas.regions.models import Agency, Membership, Region
RESULT = {
    "regions": sorted(Region.objects.values_list("slug", flat=True)),
    "agencies": Agency.objects.filter(region__slug="katingan").count(),
    "activities": Activity.objects.filter(region__slug="katingan").count(),
    "factors": SwotFactor.objects.filter(region__slug="katingan").count(),
    "memberships": Membership.objects.filter(region__slug="katingan").count(),
    "users": get_user_model().objects.count(),
    "deleted_activity_history": Activity.history.filter(history_type="-").count(),
}
"""


def test_region_delete_asks_for_the_slug_and_deletes_everything_of_that_region_only(tmp_path):
    with Installation(tmp_path / "data") as inst:
        inst.cli("sample", "load", "katingan")
        inst.cli("sample", "load", "tanjung-harapan")
        other_before = inst.cli("export", "tanjung-harapan").stdout
        before = inst.django(COUNTS)
        assert before["activities"] > 0 and before["factors"] > 0 and before["memberships"] > 0

        wrong = inst.cli("region", "delete", "katingan", check=False, input="tanjung-harapan\n")
        assert wrong.returncode == 1 and "Dibatalkan" in wrong.stderr
        assert "katingan" in wrong.stdout and "DIHAPUS" in wrong.stdout  # the prompt says what goes
        no_input = inst.cli("region", "delete", "katingan", check=False, input="")
        assert no_input.returncode == 1
        assert inst.django(COUNTS) == before

        done = inst.cli("region", "delete", "katingan", input="katingan\n")
        assert "Dihapus / deleted" in done.stdout
        after = inst.django(COUNTS)
        assert after["regions"] == ["tanjung-harapan"]
        assert after["agencies"] == after["activities"] == after["factors"] == after["memberships"] == 0
        assert after["users"] == before["users"]  # accounts stay; only their role in the region went
        assert (
            after["deleted_activity_history"] >= before["activities"]
        )  # history of the deleted records stays
        assert inst.cli("export", "tanjung-harapan").stdout == other_before

        assert inst.cli("region", "delete", "katingan", "--yes", check=False).returncode == 2
        inst.cli("region", "delete", "tanjung-harapan", "--yes")
        assert inst.django(COUNTS)["regions"] == []
