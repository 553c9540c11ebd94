"""Harness for driving the real bot (through `run_bot`, like `digestbot run`) against the fake Discord."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent

from bot.config import Settings
from bot.core.pipeline import process_article, short_line_keys
from bot.discord_app.client import DigestBot, run_bot
from bot.discord_app.render import digest_messages
from bot.services.digests import week_digest
from bot.services.ingest import ingest_files, speaker_keys
from bot.services.scaling import migrate_to
from bot.store import Store
from tests.conftest import ENGINES, SEEDS
from tests.fakes import FakeDiscord, FakeInteraction
from tests.fakes.payloads import DEFAULT_MEMBER_PERMISSIONS, MANAGE_GUILD
from tests.pg_server import Cluster

JSON = dict[str, Any]
STEP = 5.0  # seconds any single wait may take before the test fails instead of hanging
TOKEN = "test-token-that-must-never-be-logged"
ADMIN = DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD
MEMBER = DEFAULT_MEMBER_PERMISSIONS
# Sunday 8 March 2026, noon UTC (= London time until 29 March): the day before a Monday 09:00 digest.
SUNDAY = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)
MONDAY_9 = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)

EVERYONE_ARTICLE = "\n\n".join((
    "Carers Weekly",
    "Call for @everyone to back unpaid carers' respite campaign",
    "Posted on 06/03/2026 by Jo Bloggs",
    "A campaign calling on @everyone in the borough to support respite breaks for unpaid carers was launched"
    " on Friday by the Thornbury Carers Network.",
    "The network says more than 4,000 unpaid carers in Thornbury look after a relative for over fifty hours"
    " a week, and that many have had no break for years.",
    "“@everyone knows someone who cares for a relative, and @here is the moment to help them,” said Wendy"
    " Osei, the network's director.",
    "The campaign asks the council to fund a respite service with twenty overnight places by next spring.",
))

PRIVATE_ARTICLE = "\n\n".join((
    "Zephyrton Harbour News",
    "Zephyrton lighthouse keepers' cottages to become supported housing",
    "Posted on 05/03/2026 by Ned Pollard",
    "Three former lighthouse keepers' cottages on Zephyrton quay will be converted into supported housing"
    " for young adults leaving care, the harbour trust announced.",
    "The conversion, costing £1.2m, will create six flats with a shared kitchen and a support worker on site"
    " during the day.",
    "“These cottages have stood empty for a decade, and now they will give young people leaving care a first"
    " home by the sea,” said Orla Quenby, chair of the harbour trust.",
    "Work on the cottages starts in May and the first tenants are expected next year.",
))


# Ten unrelated local stories: with them a week holds more than ten embeds, so its digest always takes
# several messages, however long the pipeline's summaries and quotations come out.
LOCAL_SERVICES = (
    ("Ashdown", "hydrotherapy", "pool", "swimmers", "lifeguards", "chlorine", "lanes", "arthritis", "Maeve Tolland"),
    ("Brackwater", "dementia", "choir", "singers", "rehearsals", "hymns", "piano", "memories", "Idris Penhale"),
    ("Corriebeck", "dental", "van", "dentists", "fillings", "toothbrushes", "clinics", "villages", "Sunita Garrow"),
    ("Dunmarsh", "falls", "sensors", "pendants", "alarms", "bathrooms", "handrails", "fractures", "Tobin Hale"),
    ("Elmscar", "hearing", "aids", "audiologists", "batteries", "loops", "deafness", "appointments", "Carys Wendle"),
    ("Fallowmere", "meals", "wheels", "drivers", "casseroles", "puddings", "freezers", "malnutrition", "Rory Blenkin"),
    ("Gorsecombe", "podiatry", "foot", "podiatrists", "diabetes", "ulcers", "amputations", "footwear", "Anwen Trask"),
    ("Hallowby", "befriending", "phone", "callers", "loneliness", "volunteers", "chats", "isolation", "Dev Marlowe"),
    ("Ivybridge", "sight", "glaucoma", "optometrists", "eyedrops", "cataracts", "lenses", "blindness", "Pella Okoro"),
    ("Juniper", "continence", "pads", "nurses", "bladder", "laundry", "dignity", "prescriptions", "Hugo Farrant"),
)
ARTICLES = 17  # 6 seeds, the @everyone article and the ten local stories, all shared
STORIES = 16  # two seeds tell the same story


def local_story(place: str, a: str, b: str, c: str, d: str, e: str, f: str, g: str, name: str) -> str:
    return "\n\n".join((
        f"{place} Gazette",
        f"{place} {a} {b} reopens for {c}",
        "Posted on 04/03/2026 by Staff Reporter",
        f"The {place} {a} {b} has reopened for {c} after {d} replaced the {e} and repaired the {f}.",
        f"Local {c} with {g} had travelled miles while the {place} {b} was shut.",
        f"“Our {c} have waited for this {a} {b}, and the {d} worked hard on the {e},” said {name}, the {place}"
        " service manager.",
        f"The {place} {b} opens daily, and {c} can book {f} online.",
    ))


class FakeClock:
    """The bot's clock, moved by the test; the scheduler decides what is due from it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class JobLog:
    """APScheduler job results as they finish, so a test can wait for a run that changed nothing."""

    def __init__(self) -> None:
        self.events: list[JobExecutionEvent] = []
        self._changed = asyncio.Event()

    def attach(self, bot: DigestBot) -> None:
        bot.digests.scheduler.add_listener(self._record, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

    def _record(self, event: JobExecutionEvent) -> None:
        self.events.append(event)
        self._changed.set()

    def results(self, job: str) -> list[Any]:
        """Return values (PostResult for digest jobs) of the finished runs of a job, oldest first."""
        found = [e for e in self.events if e.job_id == job]
        errors = [e.exception for e in found if e.exception is not None]
        if errors:
            raise AssertionError(f"job {job} raised {errors[0]!r}")
        return [e.retval for e in found]

    async def wait(self, job: str, count: int = 1, timeout: float = STEP) -> list[Any]:
        """Wait until `job` finished `count` runs in total; return their results."""
        async with asyncio.timeout(timeout):
            while len(self.results(job)) < count:
                self._changed.clear()
                await self._changed.wait()
        return self.results(job)


async def add_article(store: Store, raw: str, *, guild_id: int, key: str) -> int:
    """Store one article from a source owned by `guild_id` (0: shared), through the real pipeline."""
    source = await store.ensure_source("folder", f"/test/{guild_id}", f"test-{guild_id}", guild_id)
    article = await asyncio.to_thread(process_article, raw)
    outcome, article_id = await store.save_article(
        source, key, None, key, article, short_line_keys(raw), speaker_keys(article)
    )
    assert article_id is not None, outcome
    return article_id


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the seed articles plus a shared one that says @everyone; copied per test."""
    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite3"

    async def build() -> None:
        async with await Store.open(path) as store:
            await ingest_files(store, Settings(db_path=path), [SEEDS])
            await add_article(store, EVERYONE_ARTICLE, guild_id=0, key="everyone.txt")
            for number, words in enumerate(LOCAL_SERVICES):
                await add_article(store, local_story(*words), guild_id=0, key=f"local-{number}.txt")
            digest = await week_digest(store, Settings(db_path=path), "2026-W10", record=False)
            assert (digest.article_count, len(digest.items)) == (ARTICLES, STORIES), "the pipeline changed"

    asyncio.run(build())
    return path



@pytest.fixture(scope="session")
def seeded_pg(pg_cluster: Cluster | None, seeded_db: Path) -> str | None:
    """The seeded database copied into PostgreSQL (by `migrate-to`'s copy), as a template; None without it."""
    if pg_cluster is None:
        return None
    url = pg_cluster.new_database(migrated=False)
    asyncio.run(migrate_to(seeded_db, url))
    return url.rsplit("/", 1)[1]


@pytest.fixture(params=ENGINES)
def settings(request: pytest.FixtureRequest, tmp_path: Path, seeded_db: Path) -> Settings:
    """Settings for a bot on a fresh copy of the seeded database (on each engine), with nothing to poll."""
    db = tmp_path / "bot.sqlite3"
    database_url = str(db)
    if request.param == "sqlite":
        shutil.copyfile(seeded_db, db)
    else:
        template = request.getfixturevalue("seeded_pg")
        if template is None:
            pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
        database_url = request.getfixturevalue("pg_cluster").new_database(template=template)
    return Settings(
        db_path=db,
        database_url=database_url,
        seeds_dir=tmp_path / "no-seeds",
        digests_dir=tmp_path / "digests",
        discord_token=TOKEN,
        digest_retry_seconds=0.2,
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(SUNDAY)


@asynccontextmanager
async def running_bot(
    settings: Settings, clock: FakeClock, *, prepare: Callable[[DigestBot], None] | None = None
) -> AsyncIterator[DigestBot]:
    """Start the bot through run_bot (the `digestbot run` path); yield once on_ready fired; close it after."""
    bot = DigestBot(settings, clock=clock, guild_ready_timeout=0.01)
    if prepare is not None:
        prepare(bot)
    ready = asyncio.Event()

    async def on_ready() -> None:
        ready.set()

    bot.add_listener(on_ready, "on_ready")
    runner = asyncio.create_task(run_bot(settings, bot))
    waiter = asyncio.create_task(ready.wait())
    done, _ = await asyncio.wait({runner, waiter}, timeout=STEP, return_when=asyncio.FIRST_COMPLETED)
    if waiter not in done:
        waiter.cancel()
        await bot.close()
        problem = runner.exception() if runner.done() else "still starting"
        raise AssertionError(f"bot not ready within {STEP}s: {problem!r}")
    try:
        yield bot
    finally:
        await asyncio.wait_for(bot.close(), STEP)
        await asyncio.wait_for(runner, STEP)


@pytest.fixture
async def jobs() -> JobLog:
    return JobLog()


@pytest.fixture
async def bot(
    fake_discord: FakeDiscord, settings: Settings, clock: FakeClock, jobs: JobLog
) -> AsyncIterator[DigestBot]:
    """A ready bot, connected to the fake and with its commands synced, on the seeded database."""
    async with running_bot(settings, clock, prepare=jobs.attach) as client:
        yield client


async def answer(fake: FakeDiscord, pushed: FakeInteraction, *, messages: int = 1) -> list[JSON]:
    """The messages a command produced: its response (after a defer, once filled) and follow-ups."""
    callback = await fake.wait_for_interaction_response(pushed.id, timeout=STEP)
    if callback.type == 5:
        await fake.wait_for_request("POST", rf"/webhooks/\d+/{pushed.token}", count=messages, timeout=STEP)
    original = fake.original_response(pushed.id)
    return ([original] if original is not None else []) + fake.followups(pushed.id)


def text_of(message: JSON) -> str:
    """Everything a reader sees in a message: content, embed titles, descriptions and footers."""
    parts = [message.get("content") or ""]
    for item in message.get("embeds") or []:
        parts += [item.get("title") or "", item.get("description") or "", (item.get("footer") or {}).get("text", "")]
    return "\n".join(p for p in parts if p)


async def digest_parts(bot: DigestBot, week: str, guild_id: int) -> int:
    """How many messages a server's digest of `week` takes, by the renderer's own split."""
    digest = await week_digest(bot.store, bot.settings, week, guild_id, record=False)
    return len(digest_messages(digest))


def with_settings(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, **changes)
