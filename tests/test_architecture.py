"""The direction of the packages (docs/architecture.md), checked on every import of our
own code, module-level or inside a function:

    kernel (samordning.text, samordning.cache)
      ← members
      ← page cache (samordning.fragments)
      ← records ← reporting ← reports ← status ← transfer
      ← the project (settings, URLs, middleware, site-wide pages, demo, commands)

A module imports only from its own layer or a lower one, and no chain of imports leads
back to where it started.
"""

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("activities", "members", "samordning")

# (module prefix, layer); the longest matching prefix wins.
LAYERS = [
    ("samordning", 9),
    ("samordning.text", 0),
    ("samordning.cache", 0),
    ("members", 1),
    ("samordning.fragments", 2),
    ("activities", 8),  # the app's wiring: apps, urls, admin, commands
    ("activities.log", 3),
    ("activities.templatetags", 3),
    ("activities.models.records", 3),
    ("activities.records", 3),
    ("activities.models.reporting", 4),
    ("activities.reporting", 4),
    ("activities.models.reports", 5),
    ("activities.reports", 5),
    ("activities.status", 6),
    ("activities.transfer", 7),
]
LAYER_NAMES = {
    0: "kernel",
    1: "members",
    2: "page cache",
    3: "records",
    4: "reporting",
    5: "reports",
    6: "status",
    7: "transfer",
    8: "activities wiring",
    9: "project",
}
# The models package only gathers the domains' models for Django; an import through it is
# judged by the module that defines each name.
MODELS_REGISTRY = "activities.models"


def layer_of(module):
    matches = [(len(prefix), layer) for prefix, layer in LAYERS if _within(module, prefix)]
    return max(matches)[1]


def _within(module, prefix):
    return module == prefix or module.startswith(prefix + ".")


def our_modules():
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _is_module(name):
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _defining_models_module(name):
    """The domain's models module that declares `name` in its __all__."""
    for domain in ("records", "reporting", "reports"):
        candidate = importlib.import_module(f"{MODELS_REGISTRY}.{domain}")
        if name in candidate.__all__:
            return candidate.__name__
    return MODELS_REGISTRY


def imports_of(module, path):
    """The modules of ours that `module` imports, each with the line that imports it."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:
                target = f"{base}.{alias.name}"
                if _is_module(target):
                    found.append((target, node.lineno))
                elif base == MODELS_REGISTRY and module != MODELS_REGISTRY:
                    found.append((_defining_models_module(alias.name), node.lineno))
                else:
                    found.append((base, node.lineno))
    return [(target, line) for target, line in found if target.split(".")[0] in PACKAGES]


@pytest.fixture(scope="module")
def graph():
    return {module: imports_of(module, path) for module, path in our_modules().items()}


def test_every_import_points_down_or_sideways(graph):
    upward = [
        f"{module}:{line} imports {target} "
        f"({LAYER_NAMES[layer_of(module)]} → {LAYER_NAMES[layer_of(target)]})"
        for module, targets in graph.items()
        if module != MODELS_REGISTRY
        for target, line in targets
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_members_imports_no_other_app(graph):
    outside = [
        f"{module}:{line} imports {target}"
        for module, targets in graph.items()
        if _within(module, "members")
        for target, line in targets
        if _within(target, "activities")
    ]
    assert outside == []


def test_no_import_cycles(graph):
    edges = {
        module: {target for target, _ in targets if target != module and target in graph}
        for module, targets in graph.items()
    }
    cycles = _cycles(edges)
    assert cycles == []


def _cycles(edges):
    """Every strongly connected set of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_check_finds_an_upward_import_and_a_cycle():
    """The checks above can fail: a records module importing reports is upward, and two
    modules importing each other are a cycle."""
    assert layer_of("activities.reports.content") > layer_of("activities.records.kinds")
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
