"""The quote code is a stack: each module imports only the ones below it, and the lexicon nothing of bot."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

QUOTES = Path(__file__).resolve().parents[2] / "bot" / "core" / "quotes"
STACK = [
    "lexicon", "partial", "runs", "kinds", "rolewords", "phrases", "presenting", "offices", "leadins", "names", "roles",
    "appositives", "clauses", "organisations", "openings", "documents", "epithets", "layout", "people", "transcript",
    "exchange", "marks",
]


def _bot_imports(name: str) -> set[str]:
    tree = ast.parse((QUOTES / f"{name}.py").read_text(encoding="utf-8"))
    found = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    found |= {alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names}
    return {m for m in found if m == "bot" or m.startswith("bot.")}


@pytest.mark.parametrize("level", range(len(STACK)))
def test_each_quote_module_imports_only_those_below_it(level: int) -> None:
    below = {f"bot.core.quotes.{name}" for name in STACK[:level]}
    wrong = {m for m in _bot_imports(STACK[level]) if m.startswith("bot.core.quotes") and m not in below}
    assert not wrong


def test_lexicon_imports_nothing_from_bot() -> None:
    assert not _bot_imports("lexicon")
