"""The UI's import graph: no cycles, screens and widgets never import the app, no tui.commands.

Every import counts, also those deferred into function bodies or under TYPE_CHECKING: a cycle
held together by a deferred import is still a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "tui" / "ui"


def module_name(path: Path) -> str:
    parts = path.relative_to(UI.parents[1]).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module name a file imports, anywhere in it."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def ui_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in UI.rglob("*.py")}
    return {name: {m for m in imported(path) if m in modules} for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path of module names (None when there is none)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node] - {node}):
            if nxt == "tui.ui" or nxt.endswith("__init__"):
                continue
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_ui_has_no_import_cycle() -> None:
    assert find_cycle(ui_graph()) is None


def test_the_cycle_finder_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


@pytest.mark.parametrize("package", ["screens", "widgets"])
def test_screens_and_widgets_never_import_the_app(package: str) -> None:
    offenders = {
        module_name(p)
        for p in (UI / package).rglob("*.py")
        if {"tui.ui.app", "tui.ui.notes_actions"} & imported(p)
    }
    assert offenders == set()


def test_only_the_app_composes_the_app() -> None:
    """Nothing in tui/ui imports tui.ui.app (the CLI's `tui.commands.app` builds it)."""
    graph = ui_graph()
    assert {name for name, deps in graph.items() if "tui.ui.app" in deps} == set()


def test_the_ui_never_imports_the_cli_commands() -> None:
    offenders = {
        module_name(p)
        for p in UI.rglob("*.py")
        if any(m == "tui.commands" or m.startswith("tui.commands.") for m in imported(p))
    }
    assert offenders == set()


def test_no_ui_module_passes_500_lines() -> None:
    long = {
        str(p.relative_to(UI)): n
        for p in UI.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 500
    }
    assert long == {}
