"""Passwords may not resemble the name or code of the user's region, on top of Django's four validators."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from kotacerdas.accounts.validators import RegionSimilarityValidator


@pytest.mark.parametrize(
    "password",
    ["katingan", "Katingan2024", "KATINGAN-jaya", "kab-katingan!", "Katingn2024", "xx-katingan-xx"],
)
def test_the_region_name_is_refused(world, password):
    with pytest.raises(ValidationError) as error:
        RegionSimilarityValidator().validate(password, world.user("viewer"))
    assert "terlalu mirip dengan nama daerah “Katingan”" in " ".join(error.value.messages)


@pytest.mark.parametrize("password", ["tanjungharapan9", "Harapan-Kota-77", "tanjung-harapan"])
def test_every_word_and_the_slug_of_a_longer_name_count(world, password):
    with pytest.raises(ValidationError):
        RegionSimilarityValidator().validate(password, world.user("admin_other"))


@pytest.mark.parametrize("password", ["Sungai-Mentaya-2031", "rahasia-uji-123", "pohon-ulin-tua"])
def test_unrelated_passwords_pass(world, password):
    RegionSimilarityValidator().validate(password, world.user("viewer"))


def test_only_the_users_own_regions_count(world):
    RegionSimilarityValidator().validate("Katingan2024-x", world.user("admin_other"))  # not their region
    RegionSimilarityValidator().validate("Katingan2024-x", None)


def test_a_new_user_is_checked_against_the_region_it_is_created_for(world):
    from django.contrib.auth import get_user_model

    candidate = get_user_model()(username="katingan.baru")
    candidate.password_regions = [world.katingan]
    with pytest.raises(ValidationError):
        validate_password("Katingan-Sejahtera", candidate)


def test_it_is_installed_with_djangos_four(world, settings):
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
        "RegionSimilarityValidator",
    ]
    with pytest.raises(ValidationError) as error:
        validate_password("Katingan2024", world.user("viewer"))
    assert any("nama daerah" in m for m in error.value.messages)


def test_the_help_text_is_shown_on_the_password_change_page(world, login):
    page = login(world.user("viewer")).get("/akun/kata-sandi/").content.decode()
    assert "Kata sandi tidak boleh memuat nama atau kode daerah Anda." in page
