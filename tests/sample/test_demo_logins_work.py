"""The demo passwords printed by `kotacerdas sample load` authenticate, and set passwords are never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import authenticate, get_user_model

from kotacerdas import sample
from kotacerdas.cli import main

pytestmark = pytest.mark.django_db


def printed_logins(out: str) -> dict[str, str]:
    lines = out.split("Akun demo / demo logins:", 1)[1].strip().splitlines()
    return {line.split()[0]: line.split()[1] for line in lines}


@pytest.mark.parametrize("name", sample.NAMES)
def test_the_printed_passwords_authenticate(name, capsys):
    assert main(["sample", "load", name]) == 0
    logins = printed_logins(capsys.readouterr().out)
    assert set(logins) == {login.username for login in sample.DEMO_LOGINS[name]}
    for username, password in logins.items():
        user = authenticate(username=username, password=password)
        assert user is not None and user.username == username
        assert authenticate(username=username, password=password + "x") is None


def test_they_still_work_after_loading_again_and_replacing(capsys):
    for argv in (
        ["sample", "load", "katingan"],
        ["sample", "load", "katingan"],
        ["sample", "load", "katingan", "--replace"],
    ):
        assert main(argv) == 0
        logins = printed_logins(capsys.readouterr().out)
        assert len(logins) == 5
        for username, password in logins.items():
            assert authenticate(username=username, password=password) is not None


def test_a_password_someone_set_is_kept_and_not_printed(capsys):
    assert main(["sample", "load", "katingan"]) == 0
    capsys.readouterr()
    user = get_user_model().objects.get(username="admin_bappelitbang")
    user.set_password("kata-sandi-baru-yang-panjang")
    user.save()
    assert main(["sample", "load", "katingan", "--replace"]) == 0
    logins = printed_logins(capsys.readouterr().out)
    assert "admin_bappelitbang" not in logins
    assert authenticate(username="admin_bappelitbang", password="kata-sandi-baru-yang-panjang") is not None
    assert authenticate(username="admin_bappelitbang", password="katingan-admin") is None
    assert "op_dinkes" in logins


def test_the_readme_lists_the_same_katingan_passwords():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for login in sample.DEMO_LOGINS["katingan"]:
        assert f"`{login.username}` | `{login.password}`" in readme, login.username
