"""The package layout: what ``import covidlib`` loads, no import cycles, stages import downwards."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import covidlib

PACKAGE = Path(covidlib.__file__).parent

# Stages low to high (see each folder's ``__init__``); a module imports from its own stage or a lower one.
# show/ and quality/ sit on top of run/; the base modules (config, document, ...) are below every stage.
STAGE_ORDER = {"base": 0, "reference": 1, "io": 2, "parse": 3, "text": 4, "extract": 5, "write": 6,
               "analysis": 7, "run": 8, "show": 9, "quality": 9}
# Entry points that know everything: the package's re-exports and the command line.
TOP = {"covidlib", "covidlib.__main__"}


def _module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("covidlib",) + path.relative_to(PACKAGE).with_suffix("").parts
        names[".".join(parts[:-1]) if parts[-1] == "__init__" else ".".join(parts)] = path
    return names


def import_graph(source: dict[str, str]) -> dict[str, set[str]]:
    """Return module -> covidlib modules it imports anywhere (imports inside functions included).

    ``source`` maps module names to their code; a package's code is its ``__init__``.
    ``from X import name`` counts as importing ``X.name`` when that is a module, else ``X``.
    """
    packages = {name.rsplit(".", 1)[0] for name in source if "." in name}
    graph: dict[str, set[str]] = {}
    for name, code in source.items():
        package = name if name in packages else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in source}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for alias in node.names:
                    full = f"{target}.{alias.name}"
                    found.add(full if full in source else target)
        graph[name] = {m for m in found if m in source and m != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one import cycle as a list of modules (first repeated last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGE_ORDER) else "base"


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph({name: path.read_text(encoding="utf-8") for name, path in _module_names().items()})


# (modules' code, whether the graph has a cycle): the finder must see loops hidden in functions.
CYCLE_CASES = [
    ({"p": "", "p.a": "from . import b\n", "p.b": "def f():\n    from .a import x\n"}, True),
    ({"p": "", "p.a": "from .b import y\n", "p.b": "import p.c\n", "p.c": "from p import a\n"}, True),
    ({"p": "", "p.s": "", "p.s.a": "from .. import b\n", "p.b": "from .s.a import z\n"}, True),
    ({"p": "", "p.a": "from . import b\n", "p.b": "import os\n", "p.c": "from .a import x\nfrom .b import y\n"}, False),
    ({"p": "", "p.a": "import json\n", "p.b": "def f():\n    import p.a\n"}, False),
]


@pytest.mark.parametrize("source, has_cycle", CYCLE_CASES)
def test_cycle_finder_sees_loops_inside_functions(source, has_cycle):
    assert (find_cycle(import_graph(source)) is not None) == has_cycle


def test_no_import_cycles_among_covidlib_modules(graph):
    assert find_cycle(graph) is None


def test_stages_import_only_their_own_or_lower_ones(graph):
    wrong = sorted(f"{a} -> {b}" for a, targets in graph.items() if a not in TOP for b in targets
                   if STAGE_ORDER[_stage(b)] > STAGE_ORDER[_stage(a)])
    assert wrong == []


def test_import_covidlib_loads_neither_matplotlib_nor_distributed():
    code = ("import sys, covidlib\n"
            "print(sorted(m for m in ('matplotlib', 'distributed', 'dask', 'seaborn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_public_verbs_are_reexported():
    for name in covidlib.__all__:
        assert getattr(covidlib, name) is not None, name
    assert {"extract_tables", "corpus_tables", "load_articles", "read_tables", "build_article", "extract_places",
            "extract_officials", "extract_case_counts", "iter_pages", "validate_case_counts",
            "evaluate_gold"} <= set(covidlib.__all__)


def test_every_stage_says_what_it_does_and_may_import():
    for stage in (s for s in STAGE_ORDER if s != "base"):
        doc = (PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")
        assert "What it does" in doc and "Hands over" in doc and "May import" in doc, stage
