"""The code base stays ruff-clean, and the core never imports discord."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(REPO / ".venv" / "bin" / "ruff")
    if not shutil.which(ruff):
        pytest.skip("ruff is not installed")
    result = subprocess.run([ruff, "check", "."], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_and_store_do_not_import_discord() -> None:
    code = (
        "import sys, pkgutil, importlib, bot.core, bot.store, bot.services, bot.cli\n"
        "for m in pkgutil.walk_packages(bot.core.__path__, 'bot.core.'): importlib.import_module(m.name)\n"
        "print('discord' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
