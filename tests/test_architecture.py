"""The architecture as a test: no two modules of kotacerdas import each other, not even through others.

The layers themselves (the method imports nothing, a stage imports only earlier stages, the renderers never read
the database ...) are import-linter contracts in pyproject.toml, run by ``make lint``. grimp, which
import-linter installs, reads every import of the package, including those inside functions.
"""

from __future__ import annotations

import ast
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


def uncommented_function_imports(source: str) -> list[int]:
    """Lines of the imports inside a function that no comment explains.

    A comment explains an import when it is on the import's own lines or on the line just above it; in a block of
    consecutive imports, one comment above the block explains the whole block.
    """
    lines = source.splitlines()
    nodes = [
        sub
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for sub in ast.walk(node)
        if isinstance(sub, ast.Import | ast.ImportFrom)
    ]
    start_of = {node.end_lineno: node.lineno for node in nodes}
    missing = set()
    for node in nodes:
        if any("#" in line for line in lines[node.lineno - 1 : node.end_lineno]):
            continue
        above = node.lineno - 1
        while above in start_of:  # the import just above belongs to the same block
            above = start_of[above] - 1
        if above < 1 or not lines[above - 1].strip().startswith("#"):
            missing.add(node.lineno)
    return sorted(missing)


def test_the_comment_check_finds_an_unexplained_import_in_a_function() -> None:
    source = (
        "import os\n"
        "def a():\n    import json\n"
        "def b():\n    # after django.setup(): the models need the app registry\n    import json\n    import csv\n"
        "def c():\n    import json  # the method engine loads slowly\n"
        "def d():\n    x = 1\n    from os import (\n        path,\n    )\n"
        "class E:\n    def f(self):\n        # reason\n        import json\n\n        import csv\n"
    )
    assert uncommented_function_imports(source) == [3, 12, 20]


def test_imports_sit_at_module_level_unless_a_comment_says_why() -> None:
    """An import inside a function hides a dependency (and, for grimp, may hide an import cycle): each one carries a
    comment saying why it cannot be at the top (an AppConfig.ready(), ``django.setup()`` in the command line ...)."""
    package = Path(kotacerdas.__file__).parent
    files = [path for path in sorted(package.rglob("*.py")) if "migrations" not in path.parts]
    assert len(files) > 50
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in files
        for number in uncommented_function_imports(path.read_text(encoding="utf-8"))
    ]
    assert found == []


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
