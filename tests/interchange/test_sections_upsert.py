"""The sections' write is one upsert by natural key for both imports: a region file into a new region creates every
row once; a name repeated in another case is the same driver (as in the workbook)."""

from __future__ import annotations

import copy

from kotacerdas.assessment.models import Driver, MaturityLevel, ReadinessScore
from kotacerdas.interchange.region_file import check_document, export_region, import_document
from kotacerdas.interchange.sections import CHANGE_REASON

from .test_assessment_import_errors import ASSESSMENT


def test_a_driver_name_repeated_in_another_case_is_a_duplicate(exported):
    document = {**exported, **copy.deepcopy(ASSESSMENT)}
    document["drivers"][1]["name"] = document["drivers"][0]["name"].upper()
    assert (
        f"drivers[1].name: nama pendorong / driver name {document['drivers'][1]['name']!r} sudah dipakai di / "
        "is already used at drivers[0]"
    ) in check_document(document, slug="katingan-baru")


def test_a_region_file_creates_each_row_once_with_its_reason(exported):
    document = {**exported, **copy.deepcopy(ASSESSMENT)}
    region = import_document(document, slug="katingan-baru")
    for model, key in ((Driver, "drivers"), (MaturityLevel, "maturity"), (ReadinessScore, "readiness")):
        rows = model.objects.filter(region=region)
        assert rows.count() == len(document[key]) > 0
        history = model.history.filter(region_id=region.pk)
        assert history.count() == rows.count()
        assert {h.history_change_reason for h in history} == {CHANGE_REASON}
    again = export_region(region)
    for key in ("drivers", "maturity", "readiness"):
        written = [
            {name: item[name] for name in given}
            for item, given in zip(again[key], document[key], strict=True)
        ]
        assert sorted(map(repr, written)) == sorted(map(repr, document[key]))
