"""The layer rules of docs/architecture.md, checked on the import graph of ``src/unspin``.

Every ``import`` and ``from ... import`` counts, wherever it stands (module level, inside
functions, under ``TYPE_CHECKING``); relative imports are resolved and ``from a import b``
where ``b`` is a submodule is an edge to ``a.b``. Imports made by name through
``importlib`` (how ``features.py`` reaches the features) are not edges.

A *package* is the first component under ``unspin`` (``unspin.store``, ``unspin.claims``);
each top-level module (``unspin.model``, ``unspin.nlp``) is a package of its own, and the
root ``unspin/__init__.py`` is the node ``unspin``. Importing only dunder metadata
(``__version__``) from the root is not an edge: every ``import unspin.x`` runs the root
first anyway.

A failing check lists every offending edge as ``module -> module``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = "unspin"

#: The kernel (``cache``: the process-wide model cache the kernel itself loads through).
KERNEL = frozenset(
    {"errors", "model", "config", "options", "analyzer", "features", "pipeline", "nlp"}
    | {"lexicon", "files", "cache", "language", "segment", "adapters", "windows", "encoder"}
    | {"threads", "visible", "lemmas"}
)
STORE_CORE, REPORT_CORE, INGEST = "store", "report", "ingest"
INFRASTRUCTURE = frozenset({STORE_CORE, REPORT_CORE, INGEST, "frames", "exports"})
FEATURES = frozenset(
    {"sources", "certainty", "claims", "techniques", "factchecks", "evidence", "corpus"}
    | {"outlets", "reviews", "timelines", "narratives"}
)
#: The application layer and the front ends above it (``api`` calls ``unspin.app``).
UPPER = frozenset({"app", "cli", "api", "web", "__main__", ROOT})
#: What a ``cli`` module may import from unspin: the application, the errors, renderers.
CLI_ALLOWED = frozenset({"app", "errors", "report", "cli", "web"})
#: What a ``web`` module may import from unspin: the same, less the CLI.
WEB_ALLOWED = frozenset({"app", "errors", "report", "web"})

MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 300


@dataclass(frozen=True)
class Edge:
    """``source`` imports ``target`` (``name`` from it, for ``from target import name``)."""

    source: str
    target: str
    name: str | None
    line: int

    def __str__(self) -> str:
        what = f" ({self.name})" if self.name else ""
        return f"{self.source} -> {self.target}{what}  [line {self.line}]"


def package(module: str) -> str:
    """``unspin.store.sqlite`` -> ``store``, ``unspin.model`` -> ``model``, ``unspin`` -> itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def module_name(path: str) -> tuple[str, bool]:
    """``unspin/store/__init__.py`` -> (``unspin.store``, True: a package)."""
    parts = path.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def load_sources(src: Path = SRC) -> dict[str, str]:
    """Every module of the package, as {path relative to ``src``: source text}."""
    return {
        p.relative_to(src).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((src / ROOT).rglob("*.py"))
    }


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([target] if target else [])])


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def build_graph(sources: Mapping[str, str]) -> list[Edge]:
    """The import edges between modules of ``unspin`` (third-party imports are dropped)."""
    modules = dict(module_name(path) for path in sources)
    edges: list[Edge] = []

    def known(name: str) -> str | None:
        return name if name in modules else None

    for path, text in sources.items():
        source, is_package = module_name(path)
        for node in ast.walk(ast.parse(text, filename=path)):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    target = known(alias.name)
                    if target and target != source:
                        edges.append(Edge(source, target, None, node.lineno))
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = _resolve(source, is_package, node.level, node.module)
                else:
                    base = node.module or ""
                if base.split(".")[0] != ROOT:
                    continue
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    if sub in modules:
                        edges.append(Edge(source, sub, None, node.lineno))
                        continue
                    target = known(base)
                    if target is None or target == source:
                        continue
                    if target == ROOT and _is_dunder(alias.name):
                        continue  # metadata such as __version__
                    edges.append(Edge(source, target, alias.name, node.lineno))
    return edges


def _cross(edges: Iterable[Edge]) -> list[Edge]:
    return [e for e in edges if package(e.source) != package(e.target)]


def _strongly_connected(graph: Mapping[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iteratively: the components with more than one node."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def package_cycles(edges: Iterable[Edge]) -> list[Edge]:
    """Edges between two packages that lie on a cycle of packages."""
    cross = _cross(edges)
    graph: dict[str, set[str]] = {}
    for e in cross:
        graph.setdefault(package(e.source), set()).add(package(e.target))
    components = _strongly_connected(graph)
    return [
        e
        for e in cross
        if any(package(e.source) in c and package(e.target) in c for c in components)
    ]


def layer_violations(edges: Iterable[Edge]) -> list[Edge]:
    """The kernel importing anything but the kernel; the store and report cores and
    ingest importing a feature or anything from the application layer up."""
    return [
        e
        for e in _cross(edges)
        if (package(e.source) in KERNEL and package(e.target) not in KERNEL)
        or (package(e.source) in INFRASTRUCTURE and package(e.target) in FEATURES | UPPER)
    ]


def app_violations(edges: Iterable[Edge]) -> list[Edge]:
    """The application layer importing a front end (``cli``, ``api``, ``__main__``, the
    root): front ends call the application, never the other way round."""
    return [
        e
        for e in _cross(edges)
        if package(e.source) == "app" and package(e.target) in UPPER - {"app"}
    ]


def unplaced(sources: Mapping[str, str]) -> list[str]:
    """Packages in no layer: a new one must be placed here (and in docs/architecture.md)."""
    layers = KERNEL | INFRASTRUCTURE | FEATURES | UPPER
    return sorted({p for path in sources if (p := package(module_name(path)[0])) not in layers})


def feature_violations(edges: Iterable[Edge]) -> list[Edge]:
    """A feature importing another feature, or anything from the application layer up."""
    return [
        e
        for e in _cross(edges)
        if package(e.source) in FEATURES and package(e.target) in FEATURES | UPPER
    ]


def private_violations(edges: Iterable[Edge]) -> list[Edge]:
    """A private module or name (``_x``, not ``__x__``) imported from another package."""

    def private(name: str) -> bool:
        return name.startswith("_") and not _is_dunder(name)

    return [
        e
        for e in _cross(edges)
        if private(e.target.rsplit(".", 1)[-1]) or (e.name is not None and private(e.name))
    ]


def cli_violations(edges: Iterable[Edge]) -> list[Edge]:
    """A ``cli`` module importing anything of unspin but the application, the errors, the
    renderers and other ``cli`` modules."""
    return [e for e in edges if package(e.source) == "cli" and package(e.target) not in CLI_ALLOWED]


def web_violations(edges: Iterable[Edge]) -> list[Edge]:
    """A ``web`` module importing anything of unspin but the application, the errors, the
    renderers and other ``web`` modules."""
    return [e for e in edges if package(e.source) == "web" and package(e.target) not in WEB_ALLOWED]


def long_modules(sources: Mapping[str, str]) -> list[str]:
    return [
        f"{path}: {n} lines"
        for path, text in sources.items()
        if (n := len(text.splitlines())) > MAX_MODULE_LINES
    ]


def long_classes(sources: Mapping[str, str]) -> list[str]:
    found = []
    for path, text in sources.items():
        for node in ast.walk(ast.parse(text, filename=path)):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                n = node.end_lineno - node.lineno + 1
                if n > MAX_CLASS_LINES:
                    found.append(f"{path}: class {node.name} (line {node.lineno}): {n} lines")
    return found


def _fail_on(rule: str, problems: Iterable[object], what: str = "offending edges") -> None:
    """Fail listing every problem, one a line (``module -> module (name)  [line n]``)."""
    lines = sorted({str(p) for p in problems})
    if lines:
        pytest.fail(f"{rule}: {len(lines)} {what}:\n  " + "\n  ".join(lines), pytrace=False)


SOURCES = load_sources()
EDGES = build_graph(SOURCES)


def test_the_package_is_found() -> None:
    assert f"{ROOT}/__init__.py" in SOURCES and len(EDGES) > 20


def test_every_package_is_in_a_layer() -> None:
    _fail_on("packages in no layer of this test", unplaced(SOURCES), "packages")


def test_no_import_cycle_between_packages() -> None:
    _fail_on("import cycles between packages", package_cycles(EDGES))


def test_kernel_store_report_and_ingest_import_no_feature_nor_front_end() -> None:
    _fail_on(
        "the kernel importing more than the kernel, or store/report/ingest importing a "
        "feature or app/cli/api (reach features through unspin.features)",
        layer_violations(EDGES),
    )


def test_features_import_no_other_feature_nor_front_end() -> None:
    _fail_on("a feature importing another feature or app/cli/api", feature_violations(EDGES))


def test_the_application_imports_no_front_end() -> None:
    _fail_on("unspin.app importing cli/api/__main__/unspin", app_violations(EDGES))


def test_no_private_name_imported_across_packages() -> None:
    _fail_on("private names (_x) imported across packages", private_violations(EDGES))


def test_cli_imports_only_app_errors_and_renderers() -> None:
    _fail_on(
        "cli modules may import only unspin.app, unspin.errors, unspin.report, unspin.cli",
        cli_violations(EDGES),
    )


def test_web_imports_only_app_errors_and_renderers() -> None:
    _fail_on(
        "web modules may import only unspin.app, unspin.errors, unspin.report, unspin.web",
        web_violations(EDGES),
    )


def test_no_module_over_600_lines() -> None:
    _fail_on(f"modules over {MAX_MODULE_LINES} lines", long_modules(SOURCES), "modules")


def test_no_class_over_300_lines() -> None:
    _fail_on(f"classes over {MAX_CLASS_LINES} lines", long_classes(SOURCES), "classes")


# The checker checked: a synthetic tree with one breach of each rule.

SYNTHETIC = {
    "unspin/__init__.py": "__version__ = '0'\nfrom unspin.api import analyze\n",
    "unspin/api.py": "from unspin.app import analyze\n",
    "unspin/app/__init__.py": "from unspin.claims import run\nimport unspin.__main__\n",
    "unspin/__main__.py": "",
    "unspin/model.py": (
        "def version():\n    from unspin import __version__\n    return __version__\n"
    ),
    "unspin/nlp.py": "def _load(): ...\n",
    "unspin/pipeline.py": (
        "from unspin.nlp import _load\n"
        "def build():\n    from unspin.claims import analyzer\n    return analyzer\n"
    ),
    "unspin/claims/__init__.py": "from ..model import version\nfrom . import analyzer\n",
    "unspin/claims/analyzer.py": (
        "import numpy\nfrom .. import pipeline\n"
        "def run():\n    from unspin.sources._x import y\n    return y\n"
    ),
    "unspin/sources/__init__.py": "",
    "unspin/sources/_x.py": "y = 1\nfrom ._z import z\n",
    "unspin/sources/_z.py": "z = 2\n",
    "unspin/store/__init__.py": "import unspin.techniques.tagger\nfrom unspin.store import base\n",
    "unspin/store/base.py": "from unspin.model import version\nfrom unspin.ingest import x\n",
    "unspin/ingest.py": "x = 1\n",
    "unspin/techniques/__init__.py": "",
    "unspin/techniques/tagger.py": "",
    "unspin/cli/__init__.py": (
        "from unspin import __version__\nfrom unspin.app import run\n"
        "from unspin.cli import main\nfrom unspin import store\nimport unspin.report.html\n"
    ),
    "unspin/cli/main.py": "from unspin.errors import UnspinError\n",
    "unspin/errors.py": "class UnspinError(Exception): ...\n",
    "unspin/files.py": "from unspin.store import base\n",
    "unspin/report/__init__.py": "",
    "unspin/report/html.py": "",
}


def _pairs(edges: Iterable[Edge]) -> set[str]:
    return {f"{e.source} -> {e.target}" for e in edges}


def test_the_checker_finds_each_breach_of_a_synthetic_tree() -> None:
    edges = build_graph(SYNTHETIC)
    assert _pairs(edges) >= {
        "unspin.claims -> unspin.model",  # relative, from the package
        "unspin.claims -> unspin.claims.analyzer",  # from . import submodule
        "unspin.claims.analyzer -> unspin.pipeline",  # from .. import module
        "unspin.sources._x -> unspin.sources._z",
        "unspin.store -> unspin.techniques.tagger",  # import a.b.c
        "unspin.cli -> unspin.store",  # from a import submodule
    }
    assert not any(e.target == ROOT for e in edges)  # __version__ only
    assert not any("numpy" in e.target for e in edges)

    assert _pairs(package_cycles(edges)) == {
        "unspin.pipeline -> unspin.claims.analyzer",  # inside a function
        "unspin.claims.analyzer -> unspin.pipeline",
    }
    assert unplaced(SYNTHETIC) == []
    assert unplaced({**SYNTHETIC, "unspin/extra/__init__.py": ""}) == ["extra"]
    assert _pairs(layer_violations(edges)) == {
        "unspin.pipeline -> unspin.claims.analyzer",
        "unspin.files -> unspin.store.base",  # the kernel importing infrastructure
        "unspin.store -> unspin.techniques.tagger",
    }
    assert _pairs(feature_violations(edges)) == {"unspin.claims.analyzer -> unspin.sources._x"}
    assert {str(e).split("  [")[0] for e in private_violations(edges)} == {
        "unspin.pipeline -> unspin.nlp (_load)",
        "unspin.claims.analyzer -> unspin.sources._x (y)",
    }
    assert _pairs(cli_violations(edges)) == {"unspin.cli -> unspin.store"}
    assert _pairs(app_violations(edges)) == {"unspin.app -> unspin.__main__"}


def test_the_checker_passes_a_clean_tree_and_counts_lines() -> None:
    clean = {
        path: text
        for path, text in SYNTHETIC.items()
        if path.split("/")[1] in {"__init__.py", "api.py", "app", "errors.py", "report"}
        or path in {"unspin/model.py", "unspin/store/base.py", "unspin/ingest.py"}
    }
    clean["unspin/app/__init__.py"] = "from unspin.store.base import version\n"
    edges = build_graph(clean)
    assert "unspin.app -> unspin.store.base" in _pairs(edges)
    for check in (
        package_cycles,
        layer_violations,
        feature_violations,
        private_violations,
        cli_violations,
        app_violations,
    ):
        assert check(edges) == [], check.__name__
    body = "    x = 1\n" * (MAX_CLASS_LINES - 1)
    big = {"unspin/big.py": f"class Big:\n{body}" + "y = 2\n" * (MAX_MODULE_LINES - 300)}
    assert long_modules(big) == []
    assert long_classes(big) == []
    big["unspin/big.py"] = f"class Big:\n{body}    z = 3\n" + "y = 2\n" * MAX_MODULE_LINES
    assert long_modules(big) == [f"unspin/big.py: {MAX_MODULE_LINES + MAX_CLASS_LINES + 1} lines"]
    assert long_classes(big) == [f"unspin/big.py: class Big (line 1): {MAX_CLASS_LINES + 1} lines"]


def private_imports_of_the_package(path: str, text: str) -> list[str]:
    """Each ``from unspin.x import _y`` or import of a private ``unspin`` module in the
    source ``text`` (a test, a benchmark or a training script), as ``path: line n``."""

    def private(name: str) -> bool:
        return name.startswith("_") and not _is_dunder(name)

    found = []
    for node in ast.walk(ast.parse(text, filename=path)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == ROOT:
            parts = (node.module or "").split(".")
            if any(private(p) for p in parts) or any(private(a.name) for a in node.names):
                found.append(f"{path}: line {node.lineno}")
        elif isinstance(node, ast.Import):
            for a in node.names:
                parts = a.name.split(".")
                if parts[0] == ROOT and any(private(p) for p in parts):
                    found.append(f"{path}: line {node.lineno}")
    return found


def test_tests_benchmarks_and_training_import_no_private_name() -> None:
    repo = Path(__file__).resolve().parents[1]
    found = [
        hit
        for folder in ("tests", "bench", "training")
        for path in sorted((repo / folder).rglob("*.py"))
        for hit in private_imports_of_the_package(
            str(path.relative_to(repo)), path.read_text(encoding="utf-8")
        )
    ]
    _fail_on("private names of unspin imported outside it (make them public)", found, "imports")
    assert private_imports_of_the_package("t.py", "from unspin.sources._x import y\n")
    assert private_imports_of_the_package("t.py", "from unspin.corpus.roles import _a, b\n")
    assert not private_imports_of_the_package("t.py", "from unspin import __version__\n")
