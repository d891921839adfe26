"""The role matrix: every persona × every view of the region workspace, GET and POST, with the database checked.

Expected outcomes:
- readers (every Katingan role) get 200 on read pages; ``admin_other`` gets 404 for every Katingan URL; anonymous
  users are redirected to the login page;
- a change succeeds (302 and the database changed) only for the personas listed as writers; everybody else gets
  403 (Katingan roles), 404 (``admin_other``) or the login redirect (anonymous), and the database is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

KATINGAN = ["admin_bappelitbang", "op_diskominfo", "op_dinkes", "reviewer_dewan", "viewer"]
PERSONAS = [*KATINGAN, "admin_other", "anonymous"]
ADMIN = {"admin_bappelitbang"}
LOGIN_PREFIX = "/masuk/?next="


@dataclass
class Ws:
    w: object
    district: object
    period: object
    placeholder: object
    member: object
    lw_kominfo: object
    lw_dinkes: object
    newbie: object
    hid: int | None = None


@pytest.fixture
def ws(world) -> Ws:
    from django.contrib.auth import get_user_model

    from kotacerdas.regions.models import District, GovernanceMember, LocalWisdom, Mission, RpjmdPeriod

    k = world.katingan
    district = District.objects.create(region=k, name="Katingan Hilir", desa=7, kelurahan=1)
    period = RpjmdPeriod.objects.create(
        region=k, start_year=2018, end_year=2023, vision="Katingan Bermartabat"
    )
    Mission.objects.create(region=k, period=period, number=1, text="Pemerintahan yang bersih")
    placeholder = Mission.objects.create(region=k, period=period, number=4, placeholder=True)
    member = GovernanceMember.objects.create(region=k, body="dewan", name="Bupati Katingan", role="ketua")
    newbie = get_user_model().objects.create_user("pendatang", password="x")
    return Ws(
        world,
        district,
        period,
        placeholder,
        member,
        LocalWisdom.objects.get(region=k, name="Penyang Hinje Simpei"),
        LocalWisdom.objects.get(region=k, name="Bukit Batu"),
        newbie,
    )


def _models():
    from kotacerdas.regions import models

    return models


def _edit_then(obj, **values):
    """Record a second version of ``obj`` (so that there is an older version to revert to)."""
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()


def _invited(username, region) -> bool:
    from kotacerdas.accounts.models import Invitation

    return Invitation.objects.filter(username=username, region=region, role="viewer").exists()


def _first_history_id(obj) -> int:
    return obj.history.order_by("history_date").first().history_id


def _deleted_history_id(obj) -> int:
    model = type(obj)
    pk = obj.pk
    obj.delete()
    return model.history.get(id=pk, history_type="-").history_id


@dataclass
class Action:
    id: str
    url: Callable[[Ws], str]
    method: str = "get"
    data: Callable[[Ws], dict] = lambda ws: {}
    changed: Callable[[Ws], bool] | None = None
    allowed: set[str] = field(default_factory=lambda: set(KATINGAN))
    overrides: dict[str, int] = field(default_factory=dict)  # persona -> expected status when denied
    setup: Callable[[Ws], object] | None = None


def K(path: str) -> str:
    return f"/d/katingan/{path}"


def _lw_data(ws, obj, **changes):
    data = {
        "category": obj.category,
        "name": obj.name,
        "description": obj.description,
        "community": obj.community,
        "location": obj.location,
        "custodian": obj.custodian,
        "agency": obj.agency_id or "",
        "source": obj.source,
    }
    data.update(changes)
    return data


def _lw_desc(obj) -> str:
    return type(obj).objects.get(pk=obj.pk).description


def _exists(model_name: str, **lookup) -> bool:
    return getattr(_models(), model_name).objects.filter(**lookup).exists()


READS = [
    Action("dashboard", lambda ws: K("")),
    Action("framework", lambda ws: K("kerangka/")),
    Action("region-history", lambda ws: K("riwayat/")),
    Action("profile-history", lambda ws: K("profil/riwayat/")),
    *[
        Action(f"list-{key}", lambda ws, key=key: K(f"{key}/"))
        for key in ["kecamatan", "rpjmd", "misi", "opd", "kearifan-lokal", "tata-kelola"]
    ],
    Action("detail-district", lambda ws: K(f"kecamatan/{ws.district.pk}/")),
    Action("detail-rpjmd", lambda ws: K(f"rpjmd/{ws.period.pk}/")),
    Action("detail-mission", lambda ws: K(f"misi/{ws.placeholder.pk}/")),
    Action("detail-agency", lambda ws: K(f"opd/{ws.w.dinkes.pk}/")),
    Action("detail-wisdom", lambda ws: K(f"kearifan-lokal/{ws.lw_kominfo.pk}/")),
    Action("detail-governance", lambda ws: K(f"tata-kelola/{ws.member.pk}/")),
    Action("history-wisdom", lambda ws: K(f"kearifan-lokal/{ws.lw_kominfo.pk}/riwayat/")),
    Action("history-district", lambda ws: K(f"kecamatan/{ws.district.pk}/riwayat/")),
    # Memberships are the admin's business.
    Action("list-members", lambda ws: K("anggota/"), allowed=ADMIN),
]

FORMS = [  # GET of the forms: only those who may write see them
    Action("profile-edit-form", lambda ws: K("profil/ubah/"), allowed=ADMIN),
    *[
        Action(f"create-form-{key}", lambda ws, key=key: K(f"{key}/baru/"), allowed=ADMIN)
        for key in ["kecamatan", "rpjmd", "misi", "opd", "tata-kelola", "anggota"]
    ],
    Action(
        "create-form-wisdom",
        lambda ws: K("kearifan-lokal/baru/"),
        allowed={"admin_bappelitbang", "op_diskominfo", "op_dinkes"},
    ),
    Action("edit-form-district", lambda ws: K(f"kecamatan/{ws.district.pk}/ubah/"), allowed=ADMIN),
    Action(
        "edit-form-wisdom-kominfo",
        lambda ws: K(f"kearifan-lokal/{ws.lw_kominfo.pk}/ubah/"),
        allowed={"admin_bappelitbang", "op_diskominfo"},
    ),
    Action(
        "edit-form-wisdom-dinkes",
        lambda ws: K(f"kearifan-lokal/{ws.lw_dinkes.pk}/ubah/"),
        allowed={"admin_bappelitbang", "op_dinkes"},
    ),
    Action(
        "delete-form-wisdom-kominfo",
        lambda ws: K(f"kearifan-lokal/{ws.lw_kominfo.pk}/hapus/"),
        allowed={"admin_bappelitbang", "op_diskominfo"},
    ),
    Action("delete-form-agency", lambda ws: K(f"opd/{ws.w.dinkes.pk}/hapus/"), allowed=ADMIN),
    Action(
        "edit-form-member",
        lambda ws: K(f"anggota/{ws.w.users['viewer'].memberships.get().pk}/ubah/"),
        allowed=ADMIN,
    ),
]

POSTS = [
    Action(
        "profile-edit",
        lambda ws: K("profil/ubah/"),
        "post",
        lambda ws: {
            "name": "Katingan",
            "kind": "kabupaten",
            "province": "Kalimantan Tengah",
            "kemendagri_code": "62.06",
            "bps_code": "6209",
            "motto": "Penyang Hinje Simpei",
        },
        lambda ws: _exists("Region", slug="katingan", motto="Penyang Hinje Simpei"),
        ADMIN,
    ),
    Action(
        "district-create",
        lambda ws: K("kecamatan/baru/"),
        "post",
        lambda ws: {"name": "Mendawai", "desa": 7, "kelurahan": 0, "order": 2},
        lambda ws: _exists("District", name="Mendawai"),
        ADMIN,
    ),
    Action(
        "district-edit",
        lambda ws: K(f"kecamatan/{ws.district.pk}/ubah/"),
        "post",
        lambda ws: {"name": "Katingan Hilir", "capital": "Kasongan", "desa": 7, "kelurahan": 1, "order": 1},
        lambda ws: _exists("District", pk=ws.district.pk, capital="Kasongan"),
        ADMIN,
    ),
    Action(
        "district-delete",
        lambda ws: K(f"kecamatan/{ws.district.pk}/hapus/"),
        "post",
        lambda ws: {},
        lambda ws: not _exists("District", pk=ws.district.pk),
        ADMIN,
    ),
    Action(
        "rpjmd-create",
        lambda ws: K("rpjmd/baru/"),
        "post",
        lambda ws: {"start_year": 2025, "end_year": 2029, "vision": "Katingan Maju"},
        lambda ws: _exists("RpjmdPeriod", start_year=2025),
        ADMIN,
    ),
    Action(
        "rpjmd-edit",
        lambda ws: K(f"rpjmd/{ws.period.pk}/ubah/"),
        "post",
        lambda ws: {"start_year": 2018, "end_year": 2023, "vision": "Bermartabat", "regent": "Sakariyas"},
        lambda ws: _exists("RpjmdPeriod", pk=ws.period.pk, regent="Sakariyas"),
        ADMIN,
    ),
    Action(
        "rpjmd-delete",
        lambda ws: K(f"rpjmd/{ws.period.pk}/hapus/"),
        "post",
        lambda ws: {},
        lambda ws: not _exists("RpjmdPeriod", pk=ws.period.pk),
        ADMIN,
    ),
    Action(
        "mission-create",
        lambda ws: K("misi/baru/"),
        "post",
        lambda ws: {"period": ws.period.pk, "number": 2, "text": "Perekonomian yang berdaya saing"},
        lambda ws: _exists("Mission", period=ws.period, number=2),
        ADMIN,
    ),
    Action(
        "mission-fill-placeholder",
        lambda ws: K(f"misi/{ws.placeholder.pk}/ubah/"),
        "post",
        lambda ws: {"period": ws.period.pk, "number": 4, "text": "Bunyi resmi"},
        lambda ws: _exists("Mission", pk=ws.placeholder.pk, text="Bunyi resmi", placeholder=False),
        ADMIN,
    ),
    Action(
        "mission-delete",
        lambda ws: K(f"misi/{ws.placeholder.pk}/hapus/"),
        "post",
        lambda ws: {},
        lambda ws: not _exists("Mission", pk=ws.placeholder.pk),
        ADMIN,
    ),
    Action(
        "agency-create",
        lambda ws: K("opd/baru/"),
        "post",
        lambda ws: {"name": "Dinas Pendidikan", "abbreviation": "Disdik", "kind": "dinas"},
        lambda ws: _exists("Agency", abbreviation="Disdik"),
        ADMIN,
    ),
    Action(
        "agency-edit",
        lambda ws: K(f"opd/{ws.w.dinkes.pk}/ubah/"),
        "post",
        lambda ws: {"name": "Dinas Kesehatan Kabupaten", "abbreviation": "Dinkes", "kind": "dinas"},
        lambda ws: _exists("Agency", pk=ws.w.dinkes.pk, name="Dinas Kesehatan Kabupaten"),
        ADMIN,
    ),
    Action(
        "agency-delete",
        lambda ws: K(f"opd/{ws.w.bappelitbang.pk}/hapus/"),
        "post",
        lambda ws: {},
        lambda ws: not _exists("Agency", pk=ws.w.bappelitbang.pk),
        ADMIN,
    ),
    Action(
        "wisdom-create-kominfo",
        lambda ws: K("kearifan-lokal/baru/"),
        "post",
        lambda ws: {
            "category": "seni_kerajinan",
            "name": "Anyaman rotan",
            "description": "Kerajinan rotan.",
            "agency": ws.w.diskominfo.pk,
        },
        lambda ws: _exists("LocalWisdom", name="Anyaman rotan"),
        {"admin_bappelitbang", "op_diskominfo"},
        {"op_dinkes": 200},  # the foreign agency is not among the choices: the form says so, nothing is saved
    ),
    Action(
        "wisdom-edit-kominfo",
        lambda ws: K(f"kearifan-lokal/{ws.lw_kominfo.pk}/ubah/"),
        "post",
        lambda ws: _lw_data(ws, ws.lw_kominfo, description="Diubah."),
        lambda ws: _lw_desc(ws.lw_kominfo) == "Diubah.",
        {"admin_bappelitbang", "op_diskominfo"},
    ),
    Action(
        "wisdom-edit-dinkes",
        lambda ws: K(f"kearifan-lokal/{ws.lw_dinkes.pk}/ubah/"),
        "post",
        lambda ws: _lw_data(ws, ws.lw_dinkes, description="Diubah."),
        lambda ws: _lw_desc(ws.lw_dinkes) == "Diubah.",
        {"admin_bappelitbang", "op_dinkes"},
    ),
    Action(
        "wisdom-delete-kominfo",
        lambda ws: K(f"kearifan-lokal/{ws.lw_kominfo.pk}/hapus/"),
        "post",
        lambda ws: {},
        lambda ws: not _exists("LocalWisdom", pk=ws.lw_kominfo.pk),
        {"admin_bappelitbang", "op_diskominfo"},
    ),
    Action(
        "governance-create",
        lambda ws: K("tata-kelola/baru/"),
        "post",
        lambda ws: {"body": "tim_pelaksana", "name": "Kepala Bappelitbang", "role": "ketua", "order": 1},
        lambda ws: _exists("GovernanceMember", name="Kepala Bappelitbang"),
        ADMIN,
    ),
    Action(
        "governance-edit",
        lambda ws: K(f"tata-kelola/{ws.member.pk}/ubah/"),
        "post",
        lambda ws: {
            "body": "dewan",
            "name": "Bupati Katingan",
            "position": "Bupati",
            "role": "ketua",
            "order": 0,
        },
        lambda ws: _exists("GovernanceMember", pk=ws.member.pk, position="Bupati"),
        ADMIN,
    ),
    Action(
        "governance-delete",
        lambda ws: K(f"tata-kelola/{ws.member.pk}/hapus/"),
        "post",
        lambda ws: {},
        lambda ws: not _exists("GovernanceMember", pk=ws.member.pk),
        ADMIN,
    ),
    Action(
        "member-add-existing",
        lambda ws: K("anggota/baru/"),
        "post",
        lambda ws: {"mode": "existing", "username": "pendatang", "role": "viewer"},
        # A region admin invites: the role exists once the account's owner accepts (tests/security).
        lambda ws: _invited("pendatang", ws.w.katingan),
        ADMIN,
    ),
    Action(
        "member-create-user",
        lambda ws: K("anggota/baru/"),
        "post",
        lambda ws: {
            "mode": "new",
            "username": "op_pupr",
            "password1": "Sungai-Mentaya-650",
            "password2": "Sungai-Mentaya-650",
            "role": "operator",
            "agency": ws.w.dinkes.pk,
        },
        # A region admin's new accounts live in the region's name space.
        lambda ws: _exists("Membership", user__username="katingan.op_pupr", role="operator"),
        ADMIN,
    ),
    Action(
        "member-edit",
        lambda ws: K(f"anggota/{ws.w.users['viewer'].memberships.get().pk}/ubah/"),
        "post",
        lambda ws: {"role": "reviewer"},
        lambda ws: _exists("Membership", user=ws.w.users["viewer"], role="reviewer"),
        ADMIN,
    ),
    Action(
        "member-remove",
        lambda ws: K(f"anggota/{ws.w.users['reviewer_dewan'].memberships.get().pk}/hapus/"),
        "post",
        lambda ws: {},
        lambda ws: not _exists("Membership", user=ws.w.users["reviewer_dewan"]),
        ADMIN,
    ),
    Action(
        "wisdom-revert",
        lambda ws: K(f"kearifan-lokal/{ws.lw_kominfo.pk}/riwayat/{ws.hid}/kembalikan/"),
        "post",
        lambda ws: {},
        lambda ws: _lw_desc(ws.lw_kominfo) == "Hidup rukun dan damai untuk kesejahteraan bersama.",
        {"admin_bappelitbang", "op_diskominfo"},
        setup=lambda ws: (
            _edit_then(ws.lw_kominfo, description="Versi kedua."),
            _first_history_id(ws.lw_kominfo),
        )[1],
    ),
    Action(
        "profile-revert",
        lambda ws: K(f"profil/riwayat/{ws.hid}/kembalikan/"),
        "post",
        lambda ws: {},
        lambda ws: _exists("Region", slug="katingan", capital="Kasongan"),
        ADMIN,
        setup=lambda ws: (_edit_then(ws.w.katingan, capital="Salah"), _first_history_id(ws.w.katingan))[1],
    ),
    Action(
        "wisdom-restore",
        lambda ws: K(f"riwayat/kearifan-lokal/{ws.hid}/pulihkan/"),
        "post",
        lambda ws: {},
        lambda ws: _exists("LocalWisdom", name="Bukit Batu"),
        {"admin_bappelitbang", "op_dinkes"},
        setup=lambda ws: _deleted_history_id(ws.lw_dinkes),
    ),
    Action(
        "district-restore",
        lambda ws: K(f"riwayat/kecamatan/{ws.hid}/pulihkan/"),
        "post",
        lambda ws: {},
        lambda ws: _exists("District", name="Katingan Hilir"),
        ADMIN,
        setup=lambda ws: _deleted_history_id(ws.district),
    ),
]


def _denied_status(persona: str) -> int:
    return {"admin_other": 404, "anonymous": 302}.get(persona, 403)


def _cases(actions):
    for action in actions:
        for persona in PERSONAS:
            yield pytest.param(action, persona, id=f"{action.id}-{persona}")


def _client(client, ws, persona):
    if persona != "anonymous":
        client.force_login(ws.w.user(persona))
    return client


def _assert_denied_status(response, persona, action, url):
    expected = action.overrides.get(persona, _denied_status(persona))
    assert response.status_code == expected, (action.id, persona, response.status_code)
    if persona == "anonymous":
        assert response["Location"].startswith(LOGIN_PREFIX), response["Location"]
        assert url in response["Location"] or url.replace("/", "%2F") in response["Location"]


@pytest.mark.parametrize(("action", "persona"), list(_cases(READS + FORMS)))
def test_get(client, ws, action, persona):
    url = action.url(ws)
    response = _client(client, ws, persona).get(url)
    if persona in action.allowed:
        assert response.status_code == 200, (action.id, persona, response.status_code)
    else:
        _assert_denied_status(response, persona, action, url)
        if persona == "admin_other":
            assert b"Penyang Hinje Simpei" not in response.content


@pytest.mark.parametrize(("action", "persona"), list(_cases(POSTS)))
def test_post(client, ws, action, persona):
    ws.hid = action.setup(ws) if action.setup else None
    url = action.url(ws)
    assert not action.changed(ws), f"{action.id}: the change is already there before the request"
    response = _client(client, ws, persona).post(url, action.data(ws))
    if persona in action.allowed:
        assert response.status_code == 302, (
            action.id,
            persona,
            response.status_code,
            response.content.decode()[:3000],
        )
        assert action.changed(ws), f"{action.id}: {persona} should have changed the database"
    else:
        _assert_denied_status(response, persona, action, url)
        assert not action.changed(ws), f"{action.id}: {persona} must not change the database"


def test_region_list_shows_only_the_users_regions(client, ws):
    client.force_login(ws.w.user("admin_other"))
    page = client.get("/").content.decode()
    assert "Tanjung Harapan" in page and "Katingan" not in page
    client.force_login(ws.w.user("viewer"))
    page = client.get("/").content.decode()
    assert "Katingan" in page and "Tanjung Harapan" not in page


def test_region_list_redirects_anonymous_users(client, ws):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


@pytest.mark.parametrize("kind", ["kearifan-lokal", "opd"])
def test_objects_of_another_region_are_not_found_through_katingan_urls(client, ws, kind):
    from kotacerdas.regions.models import Agency, LocalWisdom

    foreign = (LocalWisdom if kind == "kearifan-lokal" else Agency).objects.get(region=ws.w.other)
    client.force_login(ws.w.user("admin_bappelitbang"))
    for suffix in ["", "ubah/", "hapus/", "riwayat/"]:
        assert client.get(K(f"{kind}/{foreign.pk}/{suffix}")).status_code == 404
    assert client.post(K(f"{kind}/{foreign.pk}/hapus/")).status_code == 404
    assert type(foreign).objects.filter(pk=foreign.pk).exists()
    record = foreign.history.first()
    assert client.post(K(f"riwayat/{kind}/{record.history_id}/pulihkan/")).status_code == 404


def test_operator_cannot_move_an_item_to_another_agency(client, ws):
    client.force_login(ws.w.user("op_diskominfo"))
    data = _lw_data(ws, ws.lw_kominfo, agency=ws.w.dinkes.pk)
    response = client.post(K(f"kearifan-lokal/{ws.lw_kominfo.pk}/ubah/"), data)
    assert response.status_code == 200
    ws.lw_kominfo.refresh_from_db()
    assert ws.lw_kominfo.agency == ws.w.diskominfo
