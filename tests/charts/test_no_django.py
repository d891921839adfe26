"""The chart module is pure: importing and using it (in a fresh interpreter) loads neither Django nor pyplot."""

from __future__ import annotations

import json
import subprocess
import sys


def test_charts_load_no_django_and_no_pyplot() -> None:
    code = (
        "import json, sys\n"
        "from kotacerdas import charts\n"
        "fig = charts.quadrant_chart([('A', 0.1, 0.2), ('B', -0.3, None)])\n"
        "charts.render(fig, 'svg'); charts.render(fig, 'png')\n"
        "print(json.dumps({'django': sorted(k for k in sys.modules if k == 'django' or k.startswith('django.')),"
        " 'pyplot': 'matplotlib.pyplot' in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"django": [], "pyplot": False}
