"""The reading layer's layout: short modules, each importing only the modules below it."""
from __future__ import annotations

import ast
from pathlib import Path

import ganbu.read

READ = Path(ganbu.read.__file__).parent

# Bottom to top, as listed in ganbu/read/__init__.py.
ORDER = ["source", "decode", "sniff", "lines", "meta", "byline", "skip", "analyze", "entities", "tree",
         "textout", "article", "htmlmeta", "page", "reader", "spancheck"]
# Layers the reading layer may use (and the standard library).
ALLOWED_OUTSIDE = {"ganbu.errors", "ganbu.model"}


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """(sibling modules, other ganbu modules) imported by ``path``."""
    siblings, outside = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                if node.module:
                    siblings.add(node.module.split(".")[0])
                else:
                    siblings.update(a.name for a in node.names)
            elif node.level == 2:
                outside.add("ganbu." + (node.module or ""))
            elif node.module and node.module.startswith("ganbu"):
                outside.add(node.module)
        elif isinstance(node, ast.Import):
            outside.update(a.name for a in node.names if a.name.startswith("ganbu"))
    return siblings, outside


def test_every_module_is_in_the_order():
    assert sorted(p.stem for p in READ.glob("*.py") if p.stem != "__init__") == sorted(ORDER)


def test_modules_import_only_modules_below_them():
    for i, name in enumerate(ORDER):
        siblings, outside = _imports(READ / f"{name}.py")
        assert siblings <= set(ORDER[:i]), (name, siblings - set(ORDER[:i]))
        assert outside <= ALLOWED_OUTSIDE, (name, outside)


def test_functions_are_short():
    limit = 60
    for name in ORDER:
        tree = ast.parse((READ / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= limit, f"{name}.{node.name} is {length} lines"


def test_public_api():
    assert set(ganbu.read.__all__) == {"DEFAULT_MAX_BYTES", "Source", "read_bytes", "read_path", "read_text"}
    assert ganbu.read.DEFAULT_MAX_BYTES == 50_000_000
