"""The package layout shows the flow: each layer imports only the layers below it, and no
module imports another that (directly or through others) imports it back."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "src" / "ganbu"

# floor of each top-level part of the package: a part may import only parts on lower floors
# (and itself); parts on the same floor stay apart
FLOOR = {
    "errors": 0,
    "model": 1, "version": 1,
    "read": 2, "lang": 2,
    "people": 3,
    "events": 4,
    "pipeline": 5,
    "store": 6,
    "brief": 7, "collect": 7,
    "web": 8, "cli": 8,
}
TOP = {"__init__", "__main__"}  # the package's front door may import anything


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every ganbu module ``path`` imports (at module level or inside functions)."""
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "ganbu"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.split(".")[0] != "ganbu":
                continue
            if node.module:
                out.add(mod)
            out |= {f"{mod}.{a.name}" for a in node.names}  # `from . import titles`
    return out


def _graph() -> dict[str, set[str]]:
    mods = {_module_name(p): p for p in PKG.rglob("*.py")}
    return {m: {i for i in _imports(p) if i in mods and i != m} for m, p in mods.items()}


def _part(mod: str) -> str:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_part_has_a_floor():
    parts = {_part(m) for m in _graph()} - TOP
    assert parts <= set(FLOOR), f"give these a floor in tests/test_layout.py: {parts - set(FLOOR)}"


def test_layers_import_only_downwards():
    bad = []
    for mod, deps in _graph().items():
        src = _part(mod)
        if src in TOP:
            continue
        for dep in deps:
            dst = _part(dep)
            if dst != src and (dst in TOP or FLOOR[dst] >= FLOOR[src]):
                bad.append(f"{mod} -> {dep}")
    assert not bad, "imports against the layering:\n" + "\n".join(sorted(bad))


def test_no_import_cycles():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(m, stack):
        state[m] = 1
        stack.append(m)
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                cycles.append(" -> ".join([*stack[stack.index(d):], d]))
            elif d not in state:
                visit(d, stack)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_checker_sees_relative_imports():
    deps = _graph()["ganbu.people.titles"]
    assert "ganbu.people.appointments" in deps and "ganbu.people.types" in deps


def test_functions_are_short_or_say_why():
    """No function over 60 lines unless its docstring says why ("Long because …" or "(Long: …)")."""
    long = []
    for path in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                doc = ast.get_docstring(node) or ""
                if length > 60 and "long because" not in doc.lower() and "(long:" not in doc.lower():
                    long.append(f"{path.relative_to(PKG)}:{node.lineno} {node.name} ({length} lines)")
    assert not long, "split these or say why in the docstring:\n" + "\n".join(long)
