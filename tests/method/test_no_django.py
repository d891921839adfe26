"""The method package is pure Python: importing it (in a fresh interpreter) loads no Django module."""

from __future__ import annotations

import json
import subprocess
import sys


def test_importing_the_method_package_loads_no_django() -> None:
    code = (
        "import json, sys\n"
        "import kotacerdas.method as m\n"
        "from kotacerdas.method import ahp, competitiveness, future, maturity, portfolio, priority, readiness, swot\n"
        "print(json.dumps({'django': sorted(k for k in sys.modules if k == 'django' or k.startswith('django.')),"
        " 'error': m.MethodError.__mro__[1].__name__}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"django": [], "error": "ValueError"}


def test_public_names_exist() -> None:
    import kotacerdas.method as m

    for name in (
        "ahp",
        "competitiveness",
        "future",
        "maturity",
        "portfolio",
        "priority",
        "readiness",
        "swot",
    ):
        assert name in m.__all__
    assert callable(m.swot.analyse) and callable(m.ahp.weights) and callable(m.ahp.aggregate)
    assert callable(m.portfolio.plan) and callable(m.ahp.most_inconsistent_pair)
    assert {"weights", "lambda_max", "ci", "cr", "consistent"} <= set(m.ahp.Result.__dataclass_fields__)
    assert {"status", "optimal", "gap", "objective", "chosen", "deferred", "spending"} <= set(
        m.portfolio.Plan.__dataclass_fields__
    )
    fields = list(m.portfolio.Candidate.__dataclass_fields__)
    assert fields == ["id", "priority", "costs", "source", "earliest", "latest", "depends_on", "mandatory"]
    assert list(m.swot.Factor.__dataclass_fields__)[:5] == ["kind", "text", "rating", "importance", "weight"]
