"""The action plan rules are pure Python too: importing them loads no Django module."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_action_plan_rules_loads_no_django() -> None:
    code = (
        "import sys\n"
        "import kotacerdas.method.actionplan\n"
        "print(sorted(k for k in sys.modules if k == 'django' or k.startswith('django.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
