"""Fixtures for the sample tests: the samples loaded through the real importer."""

from __future__ import annotations

import pytest


@pytest.fixture
def loaded_katingan(db):
    from kotacerdas import sample

    return sample.load("katingan")


@pytest.fixture
def katingan_document():
    from kotacerdas import sample

    return sample.document("katingan")
