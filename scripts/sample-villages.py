#!/usr/bin/env python3
"""Write the official kecamatan codes and village lists into a sample region file (issue 12, region-file keys of
docs/region-format.md: ``districts[].code`` and ``districts[].villages``).

Usage: python3 scripts/sample-villages.py src/kotacerdas/sample/katingan.json /path/to/wilayah.csv

Reads the area codes (Kepmendagri 300.2.2-2138/2025 jo. 300.2.2-2430/2025; the CSV shipped gzipped in
``src/kotacerdas/reference/data/wilayah.csv.gz``, a plain copy in ``../shared/reference/data/``), matches each
district of the file by name (case and spacing ignored) under the region's ``kemendagri_code``, and writes
``code`` after ``name`` and ``villages`` (code, name, kind desa/kelurahan, in code order) after the counts, and sets
``desa``/``kelurahan`` to the counts of the list. A district that does not match is an error: nothing is written.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections import OrderedDict

#: The old note on the unknown desa/kelurahan split, replaced by the area codes' list.
SOURCE_NOTE = re.compile(r"Pembagian desa/kelurahan per kecamatan tidak ada di sumber:[^.]*\.\s*")
AREA_SOURCE = (
    "Kode kecamatan dan daftar desa/kelurahan: Kepmendagri 300.2.2-2138/2025 jo. 300.2.2-2430/2025 "
    "(wilayah.csv, dibuat dengan scripts/sample-villages.py)."
)


def key(name: str) -> str:
    return " ".join(name.casefold().split())


def main(path: str, wilayah: str) -> None:
    opener = gzip.open if wilayah.endswith(".gz") else open
    with opener(wilayah, "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(path, encoding="utf-8") as f:
        document = json.load(f, object_pairs_hook=OrderedDict)
    region_code = document["region"]["kemendagri_code"]
    kecamatan = {
        key(r["name"]): r for r in rows if r["level"] == "kecamatan" and r["parent_code"] == region_code
    }
    villages: dict[str, list[dict]] = {}
    for r in rows:
        if r["level"] in ("desa", "kelurahan"):
            villages.setdefault(r["parent_code"], []).append(r)
    districts = []
    missing = [d["name"] for d in document["districts"] if key(d["name"]) not in kecamatan]
    if missing:
        sys.exit(f"not in the area codes under {region_code}: {missing}")
    for district in document["districts"]:
        official = kecamatan[key(district["name"])]
        listed = sorted(villages.get(official["code"], []), key=lambda r: r["code"])
        out = OrderedDict()
        for k, v in district.items():
            if k in ("code", "villages"):
                continue
            out[k] = v
            if k == "name":
                out["code"] = official["code"]
        out["source"] = SOURCE_NOTE.sub("", out.get("source", "")).rstrip() + " " + AREA_SOURCE
        out["desa"] = sum(r["level"] == "desa" for r in listed)
        out["kelurahan"] = sum(r["level"] == "kelurahan" for r in listed)
        items = list(out.items())
        at = [k for k, _ in items].index("kelurahan") + 1
        items.insert(
            at, ("villages", [{"code": r["code"], "name": r["name"], "kind": r["level"]} for r in listed])
        )
        districts.append(OrderedDict(items))
    document["districts"] = districts
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2, ensure_ascii=False)
        f.write("\n")
    total = {k: sum(d[k] for d in districts) for k in ("desa", "kelurahan")}
    print(f"{len(districts)} kecamatan, {total['desa']} desa, {total['kelurahan']} kelurahan")


if __name__ == "__main__":
    main(*sys.argv[1:3])
