"""The command line without surprises: every case a self-hoster met, answered with one line or the right behaviour."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.core.digest import week_of
from tests.conftest import REPO, SEEDS

FUTURE_WEEK = week_of(datetime.now(UTC) + timedelta(days=14))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder holding a copy of the samples, default settings, run from there."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith(("DIGESTBOT_", "DISCORD_")):
            monkeypatch.delenv(key)
    return tmp_path


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse refusals
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def shell(cwd: Path, command: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGESTBOT_", "DISCORD_"))}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        ["sh", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("argv", [["speakers", "-v"], ["sources", "list", "--verbose"], ["-v", "speakers"]])
def test_verbose_is_accepted_before_or_after_the_command(workdir: Path, capsys, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(capsys, *argv)
    assert code in (0, 1) and "unrecognized arguments" not in err


def test_a_closed_pipe_ends_quietly(workdir: Path) -> None:
    assert shell(workdir, f"{sys.executable} -m bot ingest").returncode == 0
    for reader in ("head -1", "true"):  # the reader stops after one line, or reads nothing at all
        done = shell(workdir, f"{sys.executable} -m bot quotes --limit 50 | {reader}")
        assert done.stderr == "", done.stderr
        assert done.stdout.count("\n") == (1 if reader == "head -1" else 0)


def test_argument_errors_name_no_internal_function(workdir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(capsys, "quotes", "--limit", "ten")
    assert code == 2 and "must be a whole number, got 'ten'" in err and "_positive" not in err
    code, _, err = cli(capsys, "forget-server", "99999999999999999999999")
    assert code == 2 and "is not a Discord server id" in err and "Traceback" not in err


def test_a_skipped_file_is_reported_once(workdir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (workdir / "seeds" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, _, err = cli(capsys, "ingest")
    assert code == 0 and err.count("image.txt") == 1


def test_algorithm_names_are_case_insensitive(workdir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    cli(capsys, "ingest")
    code, out, err = cli(capsys, "summary", "1", "--algorithm", "LexRank", "--sentences", "2")
    assert code == 0, err
    assert out.count("\n- ") == 2
    code, _, err = cli(capsys, "summary", "1", "--algorithm", "gpt")
    assert code == 2 and "choose one of" in err


def test_weeks_that_have_not_started_are_refused(workdir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for week in ("9999-W52", FUTURE_WEEK):
        code, out, err = cli(capsys, "digest", "--week", week)
        assert code == 1 and out == "" and err.count("\n") == 1
        assert err.startswith(f"digestbot: error: {week} has not started yet")
    assert not (workdir / "data").exists()  # refused before anything was stored


def test_rebuild_redoes_a_week_with_what_came_since(workdir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    this_week = week_of(datetime.now(UTC))
    extra = workdir / "seeds" / "zz_extra.txt"
    cli(capsys, "digest")
    first = (workdir / "digests" / f"{this_week}.md").read_text(encoding="utf-8")
    shutil.copyfile(SEEDS / "002_homecare_hours_press_release.txt", extra)
    extra.write_text(extra.read_text(encoding="utf-8").replace("Homecare", "Domiciliary care", 1), encoding="utf-8")
    cli(capsys, "ingest")
    code, again, err = cli(capsys, "digest", "--week", this_week, "--no-ingest")
    assert code == 0 and again.strip() == first.strip()  # the same week gives the same file
    assert "1 article(s) arrived after this week's digest was made" in err and f"--rebuild --week {this_week}" in err
    code, rebuilt, err = cli(capsys, "digest", "--week", this_week, "--no-ingest", "--rebuild")
    assert code == 0 and f"building {this_week} again" in err
    assert rebuilt != again and "Domiciliary care" in rebuilt and "arrived after" not in err
    code, _, err = cli(capsys, "digest", "--rebuild")
    assert code == 1 and "--rebuild needs --week" in err


def test_forgetting_an_unknown_server_says_so(workdir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(capsys, "forget-server", "123456789012345678")
    assert code == 1 and "server 123456789012345678 left nothing here" in err


def test_a_utf16_dotenv_works_from_the_command_line(workdir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (workdir / ".env").write_bytes("DIGESTBOT_DB=base/ünï.sqlite3\n".encode("utf-16"))
    code, _, err = cli(capsys, "ingest")
    assert code == 0, err
    assert (workdir / "base" / "ünï.sqlite3").is_file()


def test_a_misspelt_setting_is_warned_on_the_command_line(workdir: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DIGESTBOT_POLL_MINUTE", "5")
    _, _, err = cli(capsys, "speakers")
    assert "digestbot: WARNING: unknown setting DIGESTBOT_POLL_MINUTE is ignored: did you mean" in err


def test_sources_add_refuses_an_empty_name_and_keeps_a_chosen_one(workdir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(capsys, "sources", "add", "  ")
    assert code == 1 and "give a feed URL or a folder" in err
    articles = workdir / "cuttings"
    shutil.copytree(SEEDS, articles)
    cli(capsys, "ingest", str(articles))  # known as a folder ingested by hand first
    code, out, _ = cli(capsys, "sources", "add", str(articles), "--name", "My cuttings")
    assert code == 0 and out.startswith("added [") and "My cuttings (folder:" in out


def test_an_ambiguous_article_lists_the_matches(workdir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    cli(capsys, "ingest")
    code, out, err = cli(capsys, "summary", "care")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "'care' matches several articles: [" in err and "; give the id" in err
    code, out, _ = cli(capsys, "summary", "Beechfield")
    assert code == 0 and out.startswith("Families vow")


@pytest.mark.parametrize("typed", ["Cllr Tanner", "Councillor Priya Tanner", "tanor", "taner", "PRIYA"])
def test_speaker_lookup_ignores_titles_and_slips(workdir: Path, capsys, typed: str) -> None:  # type: ignore[no-untyped-def]
    cli(capsys, "ingest")
    code, out, _ = cli(capsys, "quotes", "--speaker", typed, "--limit", "50")
    assert code == 0 and out.count("— Priya Tanner") == out.count("    — ") > 0


def test_the_log_file_gets_the_log_and_rotates(workdir: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import logging
    import logging.handlers

    from bot.cli_ops import LOG_FILE_BYTES, LOG_FILE_COUNT

    monkeypatch.setenv("DIGESTBOT_LOG_FILE", "~/logs/bot.log")
    monkeypatch.setenv("HOME", str(workdir))
    try:
        cli(capsys, "speakers")
        [handler] = [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
        assert (handler.maxBytes, handler.backupCount) == (LOG_FILE_BYTES, LOG_FILE_COUNT)
        logging.getLogger("bot.services.poll").warning("source 3 failed")  # the console hides it; the file not
        handler.flush()
        logged = (workdir / "logs" / "bot.log").read_text(encoding="utf-8")
        assert "WARNING bot.services.poll: source 3 failed" in logged
        assert "source 3 failed" not in capsys.readouterr().err
        handler.maxBytes = 200  # rotation, as it happens at 5 MB
        for n in range(10):
            logging.getLogger("bot.test").warning("line %d %s", n, "x" * 50)
        assert (workdir / "logs" / "bot.log.1").is_file() and not (workdir / "logs" / "bot.log.4").exists()
    finally:
        monkeypatch.delenv("DIGESTBOT_LOG_FILE")
        cli(capsys, "speakers")  # set up again without the file, which closes it
    assert not [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
