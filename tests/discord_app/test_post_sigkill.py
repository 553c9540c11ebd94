"""One `digestbot run` on SQLite, SIGKILLed while Discord holds the answer to a part it has already taken: the
restarted process finishes the post, every part once and in order, with nobody running `/schedule post`."""

from __future__ import annotations

import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.core.digest import week_of
from bot.discord_app.render import digest_messages
from bot.services.digests import week_digest
from bot.services.poll import poll_sources
from bot.store import Store
from bot.store.engine import open_database
from tests.fakes.faults import Hold
from tests.fakes.harness import fake_discord_server
from tests.fakes.processes import child_env, kill, start, stop, until
from tests.live_server import FeedServer, item_for, rss, running

TOKEN = "sigkill-token-never-logged"
ITEMS = 40

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def titles(messages: list[dict]) -> list[str]:
    return [e.get("title") for m in messages for e in m["embeds"]]


@pytest.mark.parametrize("recorded", [0, 1], ids=["first-part-held", "second-part-held"])
async def test_a_process_killed_mid_post_is_restarted_and_finishes_the_post_once(
    tmp_path: Path, recorded: int
) -> None:
    db = tmp_path / "bot.sqlite3"
    settings = Settings(db_path=db, allow_private_urls=True, seeds_dir=tmp_path / "no-seeds")
    due = datetime.now(UTC) - timedelta(minutes=10)
    async with fake_discord_server(token=TOKEN) as fake, running(FeedServer()) as server:
        feed = server.set("/feed", rss([item_for(server.base, n) for n in range(ITEMS)]))
        guild, general = fake.guild.id, fake.channel("general").id
        async with await open_database(str(db)) as store:
            await store.register_source("feed", feed, feed)
            await poll_sources(store, settings)
            await store.set_schedule(guild, general, due.weekday(), due.strftime("%H:%M"), "UTC")
            week = week_of(due)
            parts = digest_messages(await week_digest(store, settings, week, guild, record=False))
            assert len(parts) > recorded + 1, "the digest must take more messages than the test holds back"
            expected = [e.title for part in parts for e in part]

            # Discord takes part `recorded + 1` but keeps its answer; the process dies before it hears of it.
            held = fake.hold_next("POST", rf"/channels/{general}/messages", skip=recorded)
            env = child_env(str(db), fake, tmp_path, TOKEN)
            doomed = await start(env, tmp_path, "killed", "run", "--no-poll")
            await until(lambda: _reached(held), 60, "the held part reached Discord")
            await kill(doomed)
            held.release()
            cut = await store.digest_post(guild, week)
            assert cut is not None and (cut.status, cut.parts_sent) == ("posting", recorded), cut
            assert len(fake.sent_messages(general)) == recorded + 1  # one part more than the claim knows of

            again = await start(env, tmp_path, "restarted", "run", "--no-poll")
            try:
                await until(lambda: _posted(store, guild, week), 60, "the post finished after the restart")
            finally:
                await stop(again)
            post = await store.digest_post(guild, week)
        sent = fake.sent_messages(general)
        assert titles(sent) == expected  # every part once, in order, nothing missing
        assert post is not None and (post.parts_sent, post.attempts) == (len(parts), 2), post
        assert (post.message_id, post.last_message_id) == (int(sent[0]["id"]), int(sent[-1]["id"]))
        assert "interrupted post was already in channel" in (tmp_path / "restarted.log").read_text()


async def _reached(held: Hold) -> bool:
    return held.reached.is_set()


async def _posted(store: Store, guild: int, week: str) -> bool:
    post = await store.digest_post(guild, week)
    return post is not None and post.status == "posted"
