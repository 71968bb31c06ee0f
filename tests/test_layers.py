"""The code's layers, read from its imports: data flows one way, and nothing reaches into Dash's private modules.

Each top-level package may import only those before it in LAYERS (README, "Architecture").
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["i18n", "cache", "data", "auth", "indicators", "figures", "charts", "layouts", "callbacks", "web", "app"]
RANK = {name: i for i, name in enumerate(LAYERS)}


def imports():
    """Yield (file, line, importing layer, imported module) for every absolute import in the app's code."""
    for path in sorted(ROOT.glob("**/*.py")):
        rel = path.relative_to(ROOT)
        top = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        if top not in RANK:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                yield str(rel), node.lineno, top, name


def test_the_reader_finds_every_layer():
    layers = {top for _, _, top, _ in imports()}
    assert layers == set(LAYERS)


def test_every_import_goes_down_the_layers():
    upward = [
        f"{where}:{line} ({top} imports {name})"
        for where, line, top, name in imports()
        if name.split(".")[0] in RANK and RANK[name.split(".")[0]] > RANK[top]
    ]
    assert upward == []


def test_no_private_dash_or_plotly_module_is_imported():
    private = [
        f"{where}:{line} imports {name}"
        for where, line, _, name in imports()
        if name.split(".")[0] in ("dash", "plotly") and any(part.startswith("_") for part in name.split(".")[1:])
    ]
    assert private == []
