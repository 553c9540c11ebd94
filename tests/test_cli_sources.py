"""`digestbot sources` and `digestbot ingest URL` as a user runs them: refusals are one line, exit code 1.

Every connection of this process is checked to go to loopback only; refused URLs must not even connect.
"""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.config import Settings
from bot.errors import InputError
from bot.services.pages import ingest_url
from bot.services.poll import PollStatus, poll_sources
from bot.store import Store
from bot.web.fetch import Fetcher, FetchSettings
from tests.live_server import FeedServer, article_page, item_for, loopback_only, rss, running, running_in_thread

REPO = Path(__file__).resolve().parents[1]
HINT = " (DIGESTBOT_ALLOW_PRIVATE_URLS=1 allows your own network)"  # the one refusal a setting lifts
UNSAFE = [
    ("http://127.0.0.1/", "refused http://127.0.0.1/: loopback address 127.0.0.1" + HINT),
    ("http://[::1]/", "refused http://[::1]/: loopback address ::1" + HINT),
    ("http://10.0.0.1/", "refused http://10.0.0.1/: private address 10.0.0.1" + HINT),
    ("http://169.254.169.254/", "refused http://169.254.169.254/: link-local address 169.254.169.254"),
    ("http://[::ffff:127.0.0.1]/", "refused http://[::ffff:127.0.0.1]/: loopback address 127.0.0.1" + HINT),
    ("http://2130706433/", "refused http://2130706433/: loopback address 127.0.0.1" + HINT),
    ("file:///etc/passwd", "refused file:///etc/passwd: scheme file: is not allowed, only http and https"),
    ("ftp://127.0.0.1/feed", "refused ftp://127.0.0.1/feed: scheme ftp: is not allowed, only http and https"),
]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the command line in an empty folder with default settings and its own database."""
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("DIGESTBOT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("DIGESTBOT_DB", str(tmp_path / "db.sqlite3"))
    monkeypatch.setenv("DIGESTBOT_SEEDS", str(tmp_path / "no-seeds"))
    return tmp_path


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    with loopback_only(monkeypatch) as seen:
        yield seen


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("url", "reason"), UNSAFE)
@pytest.mark.parametrize("command", [["sources", "add"], ["ingest"]])
def test_default_settings_refuse_unsafe_urls(
    workdir: Path, connects: list[Any], capsys: pytest.CaptureFixture[str], command: list[str], url: str,
    reason: str,
) -> None:
    code, out, err = run_cli(capsys, *command, url)
    assert code == 1 and out == ""
    assert err == f"digestbot: error: {reason}\n"
    assert connects == []


def test_host_name_resolving_to_loopback_is_refused(
    workdir: Path, connects: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    with running_in_thread(FeedServer()) as server:
        server.set("/story", article_page(1), "text/html")
        url = server.url("/story").replace("127.0.0.1", "localhost")
        code, _, err = run_cli(capsys, "ingest", url)
    assert code == 1
    assert err.startswith(f"digestbot: error: cannot fetch {url}: refused: loopback address")
    assert err.count("\n") == 1 and server.hits["/story"] == 0


def test_refusal_in_a_real_process_has_no_traceback(workdir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ingest", "http://169.254.169.254/latest/meta-data/"],
        cwd=workdir, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == (
        "digestbot: error: refused http://169.254.169.254/latest/meta-data/: link-local address 169.254.169.254\n"
    )


def test_allowed_private_urls_still_refuse_a_redirect_to_cloud_metadata(
    workdir: Path, connects: list[Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGESTBOT_ALLOW_PRIVATE_URLS", "1")
    with running_in_thread(FeedServer()) as server:
        url = server.redirect("/moved", "http://169.254.169.254/latest/meta-data/")
        code, _, err = run_cli(capsys, "ingest", url)
    assert code == 1
    assert err == f"digestbot: error: cannot fetch {url}: refused: link-local address 169.254.169.254\n"
    assert {address[0] for address in connects} == {"127.0.0.1"}


async def test_redirect_from_an_allowed_url_to_a_private_one_is_refused(
    tmp_path: Path, store: Store, connects: list[Any]
) -> None:
    settings = Settings(db_path=tmp_path / "x.sqlite3", seeds_dir=tmp_path / "none", fetch_timeout=2)
    assert not settings.allow_private_urls
    # Only the test server's own address is opened to the fetcher; everything else private stays closed.
    only_local = FetchSettings(
        connect_timeout=1, total_timeout=2, allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),)
    )
    async with running(FeedServer()) as server, Fetcher(only_local) as fetcher:
        page = server.redirect("/story", "http://10.0.0.1/story")
        refused = r"^cannot fetch .*/story: refused: private address 10\.0\.0\.1 \(DIGESTBOT_ALLOW_PRIVATE_URLS=1"
        with pytest.raises(InputError, match=refused):
            await ingest_url(store, settings, page, fetcher=fetcher)
        server.set("/feed", rss([item_for(server.base, 1, link="http://192.168.1.10/admin", full=False)]))
        await store.register_source("feed", server.redirect("/old-feed", "/feed"), "feed")
        await store.register_source("feed", server.redirect("/lan-feed", "http://192.168.1.10/feed"), "lan")
        report = {p.source.name: p for p in (await poll_sources(store, settings, fetcher=fetcher)).polls}
    assert report["lan"].status is PollStatus.FAILED
    assert report["lan"].detail == "refused: private address 192.168.1.10" + HINT
    # The feed itself is fine; its teaser's page link to the LAN is refused, and the teaser is kept.
    assert report["feed"].status is PollStatus.OK and report["feed"].report.new == 1
    assert report["feed"].report.notes[0][1] == "article page unusable: refused: private address 192.168.1.10" + HINT
    assert {address[0] for address in connects} == {"127.0.0.1"}


def test_sources_commands_and_ingest_end_to_end(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGESTBOT_ALLOW_PRIVATE_URLS", "1")
    seeds = workdir / "my-seeds"  # DIGESTBOT_SEEDS naming a folder of the operator's own: an ordinary source
    seeds.mkdir()
    (seeds / "one.txt").write_text((REPO / "seeds" / "002_homecare_hours_press_release.txt").read_text())
    monkeypatch.setenv("DIGESTBOT_SEEDS", str(seeds))
    with running_in_thread(FeedServer()) as server:
        feed = server.set("/feed", rss([item_for(server.base, n) for n in range(3)], title="Local News"))
        code, out, _ = run_cli(capsys, "sources", "add", feed)
        assert code == 0 and out == f"added [1] Local News (feed: {feed})\n"
        code, _, err = run_cli(capsys, "ingest")
        assert code == 0 and err.endswith("ingest: 4 new, 0 updated, 0 unchanged, 0 duplicate, 0 skipped;"
                                          " sources: 2 ok\n")
        code, out, _ = run_cli(capsys, "sources", "list")
        assert "[1] Local News (feed, polled, 3 articles)" in out
        assert f"[2] my-seeds (folder, polled, 1 articles)\n    {seeds.resolve()}" in out
        assert run_cli(capsys, "sources", "disable", "Local News")[1] == "disabled [1] Local News\n"
        code, _, err = run_cli(capsys, "ingest")
        assert code == 0 and err.endswith("sources: 1 ok\n") and server.hits["/feed"] == 2  # add + one poll
        assert run_cli(capsys, "sources", "enable", "1")[1] == "enabled [1] Local News\n"
        assert run_cli(capsys, "sources", "remove", feed)[1] == "removed [1] Local News and its 3 article(s)\n"
        code, _, err = run_cli(capsys, "sources", "remove", "nothing-like-it")
        assert code == 1 and err == "digestbot: error: no source matches 'nothing-like-it'\n"


def test_ingest_url_reports_the_article(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGESTBOT_ALLOW_PRIVATE_URLS", "1")
    with running_in_thread(FeedServer()) as server:
        page = server.set("/story", article_page(4), "text/html")
        feed = server.set("/feed", rss([item_for(server.base, 4)]))
        code, _, err = run_cli(capsys, "ingest", page)
        assert code == 0 and err.startswith("new: [1] ")
        code, _, err = run_cli(capsys, "ingest", feed)
    assert code == 1
    assert err.startswith(f"digestbot: error: no article at {feed}: ")
    assert err.endswith("it is a feed: add it with `digestbot sources add`\n")
