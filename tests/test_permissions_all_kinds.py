"""Every object type registered with the generic pages (workspace and later stages) keeps the role rules.

The detailed matrix with real edits is in test_permissions_matrix.py; this one makes sure that a type added later
(e.g. by the assessment app) cannot slip past the rules: readers read, only writers may open the create form, other
regions do not exist, anonymous users log in first.
"""

from __future__ import annotations

import pytest

from kotacerdas.web.kinds import KINDS

LIST_KINDS = sorted(k for k, kind in KINDS.items() if k != "profil")


def expected_get(persona: str, kind: str) -> int:
    if persona == "admin_other":
        return 404
    if KINDS[kind].admin_only_read and persona != "admin_bappelitbang":
        return 403
    return 200


@pytest.mark.django_db
@pytest.mark.parametrize("kind", LIST_KINDS)
@pytest.mark.parametrize(
    "persona", ["admin_bappelitbang", "op_diskominfo", "reviewer_dewan", "viewer", "admin_other", "anonymous"]
)
def test_list_and_create_pages_follow_the_role_rules(world, client, kind, persona):
    if persona != "anonymous":
        client.force_login(world.user(persona))
    list_url, create_url = f"/d/katingan/{kind}/", f"/d/katingan/{kind}/baru/"
    response = client.get(list_url)
    if persona == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/masuk/")
        assert client.post(create_url, {})["Location"].startswith("/masuk/")
        return
    assert response.status_code == expected_get(persona, kind)
    create = client.post(
        create_url, {}
    )  # an empty form: writers see the form again, nobody else gets that far
    if persona == "admin_other":
        assert create.status_code == 404
    elif persona in {"reviewer_dewan", "viewer"}:
        assert create.status_code == 403
    elif persona == "admin_bappelitbang":
        assert create.status_code == 200
    else:  # an operator: only types whose records belong to an agency
        model = KINDS[kind].model
        assert create.status_code == (200 if getattr(model, "AGENCY_OWNED", False) else 403)


def test_the_assessment_types_are_registered():
    assert {"kesiapan", "faktor-swot", "penilaian-swot", "strategi", "kematangan", "indikator"} <= set(KINDS)
