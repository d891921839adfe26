"""The architecture as a test: no two modules of kotacerdas import each other, not even through others.

The layers themselves (the method imports nothing, a stage imports only earlier stages, the renderers never read
the database ...) are import-linter contracts in pyproject.toml, run by ``make lint``. grimp, which
import-linter installs, reads every import of the package, including those inside functions.
"""

from __future__ import annotations

import re
from pathlib import Path

import grimp

import kotacerdas


def import_cycles(graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    adjacency = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in sorted(graph.modules)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles = []
    for root in adjacency:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            for j in range(i, len(adjacency[node])):
                nxt = adjacency[node][j]
                if nxt not in index:
                    work.append((node, j + 1))
                    work.append((nxt, 0))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        cycles.append(sorted(component))
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return cycles


def test_the_cycle_finder_finds_a_cycle_through_a_third_module() -> None:
    graph = grimp.ImportGraph()
    for module in ("p", "p.a", "p.b", "p.c", "p.d"):
        graph.add_module(module)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    graph.add_import(importer="p.c", imported="p.a")
    graph.add_import(importer="p.d", imported="p.a")
    assert import_cycles(graph) == [["p.a", "p.b", "p.c"]]


def test_no_import_cycle_between_modules_of_kotacerdas() -> None:
    graph = grimp.build_graph("kotacerdas", cache_dir=None)
    assert import_cycles(graph) == []


def test_templates_ask_permissions_not_roles() -> None:
    """Templates receive flags from permissions.py (can_write, can_manage, access|may_write:obj ...)."""
    templates = Path(kotacerdas.__file__).parent / "templates"
    role_tests = re.compile(r"\b(is_admin|is_operator|superuser)\b|\brole\s*==|\bRole\.")
    found = [
        f"{path.relative_to(templates)}:{number}"
        for path in sorted(templates.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if role_tests.search(line)
    ]
    assert len(list(templates.rglob("*.html"))) > 50
    assert found == []
