"""The folders are the architecture: each layer imports only what is below it, and every file reads whole.

core (pure text) < web (network) and store (SQL) < services (the one door) < cli and discord_app (adapters).
Read from the source with `ast`, so a lazy import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

BOT = REPO / "bot"
MAX_FILE_LINES = 500
MAX_FUNCTION_LINES = 60
NETWORK_OR_STORAGE = ("aiohttp", "trafilatura", "feedparser", "discord", "sqlite3", "aiosqlite", "apscheduler")

# layer -> packages it must never import (exact module or anything below it)
FORBIDDEN = {
    "bot.core": (
        "bot.web", "bot.store", "bot.services", "bot.discord_app", "bot.cli", "bot.config", *NETWORK_OR_STORAGE,
    ),
    "bot.web": ("bot.store", "bot.services", "bot.discord_app", "bot.cli", "discord", "sqlite3", "aiosqlite"),
    "bot.store": ("bot.web", "bot.services", "bot.discord_app", "bot.cli", "discord", "aiohttp"),
    "bot.services": ("bot.discord_app", "bot.cli", "discord"),
    "bot.cli": ("bot.store", "bot.web", "discord"),
    "bot.discord_app": ("bot.store", "bot.web", "bot.cli"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(BOT.rglob("*.py"))}


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module a file imports, with its line; `from bot import x` names bot.x when that is a module."""
    known = modules()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:
                if f"{node.module}.{alias.name}" in known:
                    yield node.lineno, f"{node.module}.{alias.name}"


def below(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_is_below_it(layer: str) -> None:
    wrong = [
        f"{path.relative_to(REPO)}:{line} imports {target}"
        for name, path in modules().items() if below(name, layer)
        for line, target in imports(path)
        if any(below(target, banned) for banned in FORBIDDEN[layer])
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_circle() -> None:
    known = modules()
    graph = {name: {t for _, t in imports(path) if t in known and t != name} for name, path in known.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in graph:
        if name not in index:
            visit(name)
    assert not circles, circles


def test_every_file_and_function_reads_whole() -> None:
    too_long = []
    for path in sorted(BOT.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_FILE_LINES:
            too_long.append(f"{path.relative_to(REPO)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}(): {length} lines")
    assert not too_long, "\n".join(too_long)


def test_the_checks_see_a_bad_import(tmp_path: Path) -> None:
    """The import reader finds both forms, so the layer test above cannot pass by reading nothing."""
    sample = tmp_path / "sample.py"
    sample.write_text("from bot.store import Store\nimport discord\n\ndef f():\n    import aiohttp\n")
    assert [t for _, t in imports(sample)] == ["bot.store", "discord", "aiohttp"]


def test_the_readme_module_table_names_every_module_and_only_real_ones() -> None:
    """README's "How it works" table is the map of bot/: every module on it, no module that is gone."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `bot/")]
    covered: set[Path] = set()
    for row in rows:
        cell = row.split("|")[1]
        names = cell.replace("`", "").replace(",", " ").split()
        folder = REPO / Path(names[0]).parent if names[0].endswith(".py") else REPO / names[0]
        for name in names:
            path = REPO / name if name.startswith("bot/") else folder / name
            assert path.exists(), f"README names {name}, which does not exist"
            covered |= set(path.rglob("*.py")) if path.is_dir() else {path}
    wanted = [p for p in sorted(BOT.rglob("*.py")) if p.name != "__init__.py" or p.parent == BOT / "store"]
    missing = [str(p.relative_to(REPO)) for p in wanted if p not in covered]
    assert not missing, f"modules missing from README's table: {missing}"
