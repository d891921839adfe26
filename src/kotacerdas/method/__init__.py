"""The master plan method: every formula of method.md as pure, typed Python.

Metode masterplan: setiap rumus di method.md sebagai Python murni bertipe.

This package never imports Django, so the web app, the command line, the document generator and analysts in a
notebook all use one implementation. Each submodule covers one part of the method:

- :mod:`readiness` (§2), :mod:`swot` (§3), :mod:`maturity` (§4), :mod:`competitiveness` (§5),
  :mod:`future` (§6), :mod:`actionplan` (§7–§8 rules and reports), :mod:`ahp`, :mod:`priority` and
  :mod:`portfolio` (§9);
- :mod:`pillars` (§1 reference slugs) and :mod:`bands` (configurable score bands).

Every bad input raises :class:`MethodError`, a :class:`ValueError` with a message a planner understands.
"""

from __future__ import annotations

from kotacerdas.method import (
    actionplan,
    ahp,
    bands,
    competitiveness,
    future,
    maturity,
    pillars,
    portfolio,
    priority,
    readiness,
    swot,
)
from kotacerdas.method.errors import MethodError

__all__ = [
    "MethodError",
    "actionplan",
    "ahp",
    "bands",
    "competitiveness",
    "future",
    "maturity",
    "pillars",
    "portfolio",
    "priority",
    "readiness",
    "swot",
]
