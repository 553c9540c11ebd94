"""Folder ingest against unlucky and hostile folders: odd file names, symlinks out, FIFOs, unreadable files.

Real files in temporary folders, the real store and pipeline. Permission cases drop to an unprivileged user when
the tests run as root (root reads chmod-000 files).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.core.files import display_path, list_article_files, read_article_file
from bot.services.ingest import ingest_files
from bot.store import Store

REPO = Path(__file__).resolve().parents[2]
TEXT = "Council agrees new budget for care homes\n\nThe council agreed a budget on Monday. {n} homes stay open.\n"
NOBODY = 65534


def write(folder: Path, name: str | bytes, n: int) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.write_text(TEXT.format(n=n), encoding="utf-8")
    return path


def settings_for(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "db.sqlite3", seeds_dir=tmp_path / "none")


async def test_a_file_name_that_is_not_utf8_does_not_stop_the_others(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder, "a-good.txt", 1)
    write(folder, b"b-bad\xff.txt", 2)
    write(folder, "c-good.txt", 3)
    report = await ingest_files(store, settings_for(tmp_path), [folder])
    assert report.new == 3, report
    keys = {a.source_key for a in await store.get_articles(range(1, 10))}
    assert keys == {"a-good.txt", "b-bad\\xff.txt", "c-good.txt"}
    again = await ingest_files(store, settings_for(tmp_path), [folder])
    assert again.unchanged == 3  # the odd name is recognised on the next run, not stored twice


async def test_a_symlink_out_of_the_folder_is_refused_with_a_reason(tmp_path: Path, store: Store) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("root:password-hash:19000:0:99999:7:::\n" * 20, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder, "real.txt", 1)
    (folder / "shadow.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "real.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    files, problems = list_article_files([folder])
    assert sorted(p.name for p in files) == ["inside.txt", "real.txt"]
    reasons = {p.name: reason for p, reason in problems}
    assert "outside the folder" in reasons["shadow.txt"]
    assert "loop.txt" in reasons
    report = await ingest_files(store, settings_for(tmp_path), [folder])
    assert not await store.search_article_ids("password")
    assert any("shadow.txt" in path and "refused" in why for path, why in report.skipped)


def test_a_fifo_is_named_and_never_opened(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    write(folder, "real.txt", 1)
    files, problems = list_article_files([folder, folder / "pipe.txt"])
    assert [p.name for p in files] == ["real.txt"]
    assert [why for _, why in problems] == ["is a FIFO (named pipe), not a regular file: skipped",
                                            "is a FIFO (named pipe), not a regular file"]
    with pytest.raises(Exception, match="FIFO"):  # read directly (swapped in after listing): no block either
        read_article_file(folder / "pipe.txt", 1000)


def test_display_path_shows_undecodable_bytes() -> None:
    assert display_path(os.fsdecode(b"/tmp/x\xff.txt")) == "/tmp/x\\xff.txt"
    assert display_path(Path("/tmp/plain £.txt")) == "/tmp/plain £.txt"


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder an unprivileged user can enter (pytest's own is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="digestbot-perm-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        subprocess.run(["chmod", "-R", "u+rwx", str(folder)], check=False)
        subprocess.run(["rm", "-rf", str(folder)], check=False)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_unreadable_files_and_folders_are_named(open_tmp: Path) -> None:
    folder = open_tmp / "articles"
    folder.mkdir()
    write(folder, "fine.txt", 1)
    write(folder, "locked.txt", 2).chmod(0o000)
    sealed = open_tmp / "sealed"
    sealed.mkdir()
    write(sealed, "inside.txt", 3)
    sealed.chmod(0o000)
    script = (
        "import encodings.utf_8_sig, encodings.cp1252, os, sys\nfrom pathlib import Path\n"
        "from bot.core.files import list_article_files, read_article_file\n"
        # root reads anything: become nobody once the modules are loaded (Python lives in root's home here)
        f"if os.geteuid() == 0:\n    os.setgroups([]); os.setgid({NOBODY}); os.setuid({NOBODY})\n"
        "files, problems = list_article_files([Path(a) for a in sys.argv[1:]])\n"
        "for f in files:\n"
        "    try:\n        read_article_file(f, 10000); print('ok', f.name)\n"
        "    except Exception as exc:\n        print('bad', f.name, exc)\n"
        "for p, why in problems:\n    print('problem', p.name, why)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(folder), str(sealed)], capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=open_tmp,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "ok fine.txt" in lines
    assert "bad locked.txt cannot read file: Permission denied" in lines
    assert "problem sealed cannot read folder: Permission denied" in lines
