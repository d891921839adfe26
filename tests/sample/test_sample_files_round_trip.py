"""The shipped sample files are in the form `kotacerdas export` writes, so export after loading gives them back."""

from __future__ import annotations

import pytest

from kotacerdas import sample

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", sample.NAMES)
def test_export_after_load_gives_the_sample_file_back(name):
    from kotacerdas.interchange.region_file import export_region

    document = sample.document(name)
    exported = export_region(sample.load(name).region)
    assert {key: exported[key] for key in document} == document


@pytest.mark.parametrize("name", sample.NAMES)
def test_the_sample_file_validates(name):
    from kotacerdas.interchange.region_file import InvalidRegionFile, import_document

    try:
        import_document(sample.document(name), slug=f"{name}-copy")
    except InvalidRegionFile as exc:  # name every problem, not just the first
        pytest.fail("\n".join(str(p) for p in exc.problems))
