"""``kotacerdas export`` and ``kotacerdas import`` from the command line, through real files."""

from __future__ import annotations

import json

from kotacerdas.cli import main
from kotacerdas.regions.models import Region


def test_export_to_a_file_then_import_under_a_new_slug_round_trips(full_region, tmp_path, capsys):
    first = tmp_path / "katingan.json"
    assert main(["export", "katingan", "-o", str(first)]) == 0
    assert main(["import", str(first), "--slug", "katingan-2"]) == 0
    assert "Diimpor / imported: Kabupaten Katingan (katingan-2)" in capsys.readouterr().out
    second = tmp_path / "katingan-2.json"
    assert main(["export", "katingan-2", "-o", str(second)]) == 0
    one, two = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    assert two["region"].pop("slug") == "katingan-2"
    assert one["region"].pop("slug") == "katingan"
    assert one == two


def test_export_to_stdout_is_the_document(full_region, capsys):
    assert main(["export", "katingan"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "kotacerdas-region/1"
    assert document["region"]["area_km2"] == 20382.26


def test_export_of_an_unknown_region_fails(db, capsys):
    assert main(["export", "tidak-ada"]) == 2
    assert "tidak-ada" in capsys.readouterr().err


def test_import_of_a_taken_slug_fails_and_names_the_path(full_region, tmp_path, capsys):
    path = tmp_path / "katingan.json"
    assert main(["export", "katingan", "-o", str(path)]) == 0
    capsys.readouterr()
    count = Region.objects.count()
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "1 masalah, tidak ada yang ditulis / problems, nothing written" in err
    assert "  region.slug: kode singkat 'katingan' (region.slug) sudah dipakai" in err
    assert "--slug NEW_SLUG" in err
    assert Region.objects.count() == count


def test_import_lists_every_problem_with_its_json_path(full_region, tmp_path, capsys):
    from kotacerdas.interchange.region_file import export_region

    document = export_region(full_region)
    document["agencies"][3]["kind"] = "dinass"
    document["users"][0]["role"] = "superadmin"
    path = tmp_path / "salah.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(path), "--slug", "baru"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"{path}: 2 masalah, tidak ada yang ditulis / problems, nothing written:"
    assert lines[1] == (
        "  agencies[3].kind: 'dinass' is not one of "
        "['sekretariat', 'dinas', 'badan', 'kecamatan', 'inspektorat', 'other']"
    )
    assert (
        lines[2] == "  users[0].role: 'superadmin' is not one of ['admin', 'operator', 'reviewer', 'viewer']"
    )
    assert not Region.objects.filter(slug="baru").exists()


def test_import_of_a_missing_file_fails(db, tmp_path, capsys):
    assert main(["import", str(tmp_path / "tidak-ada.json")]) == 2
    assert "tidak dapat dibaca / cannot be read" in capsys.readouterr().err
