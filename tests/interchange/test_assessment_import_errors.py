"""Bimtek I and II in the region file: a bad document is refused as a whole, each problem named by its JSON path,
and not one row is written (historical tables included)."""

from __future__ import annotations

import copy

import pytest

from kotacerdas.interchange.region_file import InvalidRegionFile, check_document, import_document

SOURCE = {"source": "", "illustrative": False}

#: The new keys, valid, for the agencies of the ``full_region`` fixture (Setda, Dinkes, Diskominfostandi,
#: Bappelitbang, Kec. Katingan Hilir).
ASSESSMENT = {
    "readiness": [
        {"pillar": "governance", "element": "struktur", "aspect": "sdm", "score": 3, "agency": "Bappelitbang"},
        {"pillar": "governance", "element": "infrastruktur", "aspect": "digital", "score": None},
    ],
    "swot": [
        {"ref": "governance-S1", "pillar": "governance", "kind": "S", "text": "Serat optik 162 km.",
         "agency": "Diskominfostandi", "ratings": [{"agency": "Diskominfostandi", "importance": 5, "rating": 4}]},
        {"ref": "governance-W1", "pillar": "governance", "kind": "W", "text": "46 desa tanpa sinyal.",
         "ratings": [{"agency": "Bappelitbang", "importance": 4, "rating": 4}]},
        {"ref": "governance-O1", "pillar": "governance", "kind": "O", "text": "Program BTS nasional.",
         "ratings": [{"agency": "Diskominfostandi", "importance": 5, "rating": 4}]},
        {"ref": "governance-T1", "pillar": "governance", "kind": "T", "text": "Serangan siber.",
         "ratings": [{"agency": "Diskominfostandi", "importance": 3, "rating": 2},
                     {"agency": "Setda", "importance": 4, "rating": 3}]},
        {"ref": "economy-S1", "pillar": "economy", "kind": "S", "text": "Rotan bersertifikat FSC."},
    ],
    "strategies": [
        {"pillar": "governance", "kind": "SO", "code": "GOV-SO1", "text": "Layanan daring di semua kecamatan.",
         "factors": ["governance-S1", "governance-O1"]},
        {"pillar": "governance", "kind": "WT", "code": "GOV-WT1", "text": "Keamanan siber desa.",
         "factors": ["governance-W1", "governance-T1"]},
    ],
    "ignored_pairings": [{"internal": "governance-W1", "external": "governance-O1"}],
    "maturity": [
        {"pillar": "governance", "element": "service", "current": 2, "target": 4, "evidence": "SPBE."},
        {"pillar": "economy", "element": "welfare", "current": 1, "target": 3},
    ],
    "peers": [{"name": "Gunung Mas", "kind": "kabupaten", "province": "Kalimantan Tengah"},
              {"name": "Palangka Raya", "kind": "kota", "province": "Kalimantan Tengah"}],
    "indicators": [
        {"code": "MISKIN", "name": "Persentase penduduk miskin", "unit": "%", "pillar": "economy",
         "direction": "lower", "weight": 1, "year": 2024, "target": 4.5, "agency": "Bappelitbang",
         "values": [{"peer": None, "year": 2024, "value": 5.26}, {"peer": "Gunung Mas", "year": 2024, "value": 5.68}]},
    ],
    "drivers": [
        {"name": "Pembangunan BTS", "category": "technological", "impact": 5, "uncertainty": 3},
        {"name": "Harga rotan", "category": "economic", "impact": 4, "uncertainty": 4},
    ],
    "scenarios": [
        {"cell": "high_high", "name": "Katingan Terhubung", "implications": {"governance": "Layanan daring."}},
        {"cell": "low_low", "name": "Terisolasi"},
    ],
    "plan": {"start_year": 2023, "horizon_year": 2032, "maturity_weights": {},
             "axis_x": "Pembangunan BTS", "axis_y": "Harga rotan"},
}  # fmt: skip


@pytest.fixture
def document(exported):
    return {**exported, **copy.deepcopy(ASSESSMENT)}


def test_the_valid_document_imports(document):
    assert check_document(document, slug="katingan-baru") == []


def _set(path, value):
    def mutate(d):
        *parents, last = path
        node = d
        for part in parents:
            node = node[part]
        node[last] = value

    return mutate


def _delete(path):
    def mutate(d):
        *parents, last = path
        node = d
        for part in parents:
            node = node[part]
        del node[last]

    return mutate


def _append(path, value):
    def mutate(d):
        node = d
        for part in path:
            node = node[part]
        node.append(copy.deepcopy(value))

    return mutate


PILLARS = "['governance', 'branding', 'economy', 'living', 'society', 'environment']"

CASES = {
    "rating out of range": (
        _set(("swot", 3, "ratings", 0, "rating"), 7),
        "swot[3].ratings[0].rating: 7 is greater than the maximum of 4",
    ),
    "importance out of range": (
        _set(("swot", 0, "ratings", 0, "importance"), 0),
        "swot[0].ratings[0].importance: 0 is less than the minimum of 1",
    ),
    "readiness score out of range": (
        _set(("readiness", 0, "score"), 6),
        "readiness[0].score: 6 is greater than the maximum of 5",
    ),
    "unknown pillar": (
        _set(("swot", 4, "pillar"), "ekonomi"),
        f"swot[4].pillar: 'ekonomi' is not one of {PILLARS}",
    ),
    "unknown kind": (
        _set(("swot", 0, "kind"), "K"),
        "swot[0].kind: 'K' is not one of ['S', 'W', 'O', 'T']",
    ),
    "unknown readiness aspect": (
        _set(("readiness", 0, "aspect"), "sdn"),
        "readiness[0].aspect: aspek / aspect 'sdn' bukan aspek elemen kesiapan / is not an aspect of readiness "
        "element 'struktur'; maksud Anda / did you mean 'sdm'?; yang dikenal / known: sdm, anggaran, tata_kelola",
    ),
    "aspect of another readiness element": (
        _set(("readiness", 0, "element"), "infrastruktur"),
        "readiness[0].aspect: aspek / aspect 'sdm' bukan aspek elemen kesiapan / is not an aspect of readiness "
        "element 'infrastruktur'; yang dikenal / known: fisik, digital, sosial",
    ),
    "duplicate readiness cell": (
        _set(("readiness", 1), {"pillar": "governance", "element": "struktur", "aspect": "sdm", "score": 2}),
        "readiness[1].aspect: sel kesiapan / readiness cell governance · struktur · sdm sudah ada di / is already at "
        "readiness[0]",
    ),
    "unknown maturity element": (
        _set(("maturity", 0, "element"), "servis"),
        "maturity[0].element: elemen / element 'servis' bukan elemen pilar / is not an element of pillar "
        "'governance'; maksud Anda / did you mean 'service'?; yang dikenal / known: service, bureaucracy, policy",
    ),
    "element of another pillar": (
        _set(("maturity", 1, "element"), "service"),
        "maturity[1].element: elemen / element 'service' bukan elemen pilar / is not an element of pillar "
        "'economy'; yang dikenal / known: industry, welfare, transaction",
    ),
    "maturity target below current": (
        _set(("maturity", 0, "target"), 1),
        "maturity[0].target: Target tingkat tidak boleh di bawah tingkat saat ini. / The target level cannot be below the current level.",
    ),
    "unknown agency of a factor": (
        _set(("swot", 0, "agency"), "Diskominfo"),
        "swot[0].agency: perangkat daerah / agency 'Diskominfo' tidak ada di / is not in 'agencies'; "
        "maksud Anda / did you mean 'Diskominfostandi'?",
    ),
    "unknown agency of a rating": (
        _set(("swot", 1, "ratings", 0, "agency"), "Bapeda"),
        "swot[1].ratings[0].agency: perangkat daerah / agency 'Bapeda' tidak ada di / is not in 'agencies'",
    ),
    "the same agency rates a factor twice": (
        _set(("swot", 3, "ratings", 1, "agency"), "Diskominfostandi"),
        "swot[3].ratings[1].agency: perangkat daerah / agency 'Diskominfostandi' sudah dipakai di / is already "
        "used at swot[3].ratings[0]",
    ),
    "duplicate factor ref": (
        _set(("swot", 1, "ref"), "governance-S1"),
        "swot[1].ref: rujukan faktor / factor ref 'governance-S1' sudah dipakai di / is already used at swot[0]",
    ),
    "unknown factor ref": (
        _set(("strategies", 0, "factors", 1), "governance-O2"),
        "strategies[0].factors[1]: faktor / factor 'governance-O2' tidak ada di / is not in 'swot'; "
        "maksud Anda / did you mean 'governance-O1'?",
    ),
    "strategy linking a factor of the wrong kind": (
        _set(("strategies", 0, "factors", 1), "governance-T1"),
        "strategies[0].factors[1]: faktor 'governance-T1' berjenis T; strategi SO hanya menggabungkan kekuatan (S) "
        "dan peluang (O) / factor 'governance-T1' is of kind T; a SO strategy combines only S and O factors",
    ),
    "strategy linking a factor of another pillar": (
        _set(("strategies", 0, "factors", 0), "economy-S1"),
        "strategies[0].factors[0]: faktor 'economy-S1' milik pilar 'economy', bukan 'governance' / factor "
        "'economy-S1' belongs to pillar 'economy', not 'governance'",
    ),
    "a factor linked twice": (
        _set(("strategies", 0, "factors"), ["governance-S1", "governance-S1"]),
        "strategies[0].factors: ['governance-S1', 'governance-S1'] has non-unique elements",
    ),
    "ignored pairing with an external factor as internal": (
        _set(("ignored_pairings", 0, "internal"), "governance-T1"),
        "ignored_pairings[0].internal: faktor 'governance-T1' berjenis T, bukan faktor internal (S/W) / factor "
        "'governance-T1' is of kind T, not an internal (S/W) factor",
    ),
    "unknown peer of a value": (
        _set(("indicators", 0, "values", 1, "peer"), "Gunung Emas"),
        "indicators[0].values[1].peer: daerah pembanding / peer 'Gunung Emas' tidak ada di / is not in 'peers'; "
        "maksud Anda / did you mean 'Gunung Mas'?",
    ),
    "duplicate value": (
        _set(("indicators", 0, "values", 1, "peer"), None),
        "indicators[0].values[1].year: nilai / value - · 2024 sudah ada di / is already at indicators[0].values[0]",
    ),
    "a missing value written as null": (
        _set(("indicators", 0, "values", 0, "value"), None),
        "indicators[0].values[0].value: harus bertipe / must be of type number; ditemukan / found null None",
    ),
    "too many decimals": (
        _set(("indicators", 0, "weight"), 1.2345),
        "indicators[0].weight: Pastikan bilangan tidak memiliki lebih dari 3 angka desimal. / Ensure that there "
        "are no more than 3 decimal places.",
    ),
    "duplicate indicator code": (
        _append(("indicators",), {"code": "MISKIN", "name": "Lagi", "pillar": "economy"}),
        "indicators[1].code: kode indikator / indicator code 'MISKIN' sudah dipakai di / is already used at "
        "indicators[0]",
    ),
    "duplicate peer": (
        _set(("peers", 1), {"name": "Gunung Mas", "kind": "kabupaten"}),
        "peers[1].kind: daerah pembanding / peer Gunung Mas · kabupaten sudah ada di / is already at peers[0]",
    ),
    "a peer name shared by a kabupaten and a kota": (
        _set(("peers", 1, "name"), "Gunung Mas"),
        "indicators[0].values[1].peer: ada beberapa daerah pembanding bernama 'Gunung Mas'; tulis "
        "'Gunung Mas (kabupaten)' / 'Gunung Mas (kota)' / several peers are named 'Gunung Mas'; write "
        "'Gunung Mas (kabupaten)' / 'Gunung Mas (kota)'",
    ),
    "duplicate scenario cell": (
        _set(("scenarios", 1, "cell"), "high_high"),
        "scenarios[1].cell: sel / cell 'high_high' sudah dipakai di / is already used at scenarios[0]",
    ),
    "implication of an unknown pillar": (
        _set(("scenarios", 0, "implications", "ekonomi"), "Naik."),
        "scenarios[0].implications.ekonomi: kunci tidak dikenal / unknown key (maksud Anda / did you mean "
        "'economy'?); yang dikenal / allowed: governance, branding, economy, living, society, environment",
    ),
    "duplicate driver": (
        _set(("drivers", 1, "name"), "Pembangunan BTS"),
        "drivers[1].name: nama pendorong / driver name 'Pembangunan BTS' sudah dipakai di / is already used at "
        "drivers[0]",
    ),
    "unknown axis": (
        _set(("plan", "axis_y"), "Harga karet"),
        "plan.axis_y: pendorong / driver 'Harga karet' tidak ada di / is not in 'drivers'; "
        "maksud Anda / did you mean 'Harga rotan'?",
    ),
    "one axis only": (
        _set(("plan", "axis_y"), None),
        "plan.axis_y: pilih dua sumbu skenario, atau kosongkan keduanya untuk memakai bawaan / give both "
        "scenario axes, or neither to use the default ones",
    ),
    "the same axis twice": (
        _set(("plan", "axis_y"), "Pembangunan BTS"),
        "plan.axis_y: kedua sumbu skenario harus berbeda / the two scenario axes must differ",
    ),
    "horizon before the start": (
        _set(("plan", "horizon_year"), 2020),
        "plan.horizon_year: Tahun cakrawala harus sesudah tahun pertama. / The horizon year must be after the first year.",
    ),
    "unknown pillar weight": (
        _set(("plan", "maturity_weights"), {"governance": -1}),
        "plan.maturity_weights.governance: -1 is less than the minimum of 0",
    ),
    "missing factor text": (
        _delete(("swot", 2, "text")),
        "swot[2].text: wajib ada / required key is missing",
    ),
    "typo in a key": (
        _set(("swot", 2, "rating"), []),
        "swot[2].rating: kunci tidak dikenal / unknown key (maksud Anda / did you mean 'ratings'?); yang dikenal "
        "/ allowed: ref, pillar, kind, text, weight, agency, ratings, source, illustrative",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_document_is_refused_with_its_path_and_changes_nothing(case, document, row_counts):
    mutate, expected = CASES[case]
    mutate(document)
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(document, slug="katingan-baru")
    problems = caught.value.problems
    assert expected in problems
    assert row_counts() == before


def _paths(node, prefix=()):
    """Every path into ``node`` (keys and list positions)."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


@pytest.mark.parametrize("wrong", [None, "x", 1.5, True, [], {}])
def test_a_value_of_any_wrong_type_anywhere_is_reported_never_a_crash(exported, wrong, row_counts):
    before = row_counts()
    for key in ASSESSMENT:
        for path in _paths(ASSESSMENT[key], (key,)):
            document = {**exported, **copy.deepcopy(ASSESSMENT)}
            if len(path) == 1:
                document[key] = wrong
            else:
                _set(path, wrong)(document)
            if document[path[0]] == ASSESSMENT[path[0]]:
                continue
            check_document(document, slug="katingan-baru")  # may or may not be a problem; must not raise
    assert row_counts() == before
