"""Poll the live sources (feeds and folders) once, or every few minutes as a scheduler job.

A feed's ETag/Last-Modified are stored only after all its
items are saved: a crash loses at most the article in flight, and the next poll reads the whole feed again.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from weakref import WeakKeyDictionary

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings
from bot.core.records import SourceRecord
from bot.errors import StoreError
from bot.services.feed_items import ingest_feed
from bot.services.ingest import IngestReport, ingest_files
from bot.services.leases import dead_on_this_host, lease_owner
from bot.services.sources import CONCURRENCY, open_fetcher
from bot.store import Store
from bot.web.feeds import FeedError, parse_feed
from bot.web.fetch import Fetcher, FetchError, next_retry_delay

log = logging.getLogger(__name__)

BACKOFF_CAP = 24 * 3600.0  # a failing source is still tried at least daily until it is disabled


# Sources being polled now, per store: a second poll started meanwhile leaves them alone.
_in_flight: WeakKeyDictionary[Store, set[int]] = WeakKeyDictionary()


async def _take_lease(store: Store, settings: Settings, source_id: int, owner: str) -> bool:
    """Take a source's poll lease, held for one poll interval (or one source deadline, if longer) at most;
    a dead local holder's is void at once.

    A poller on another host that dies holding a lease keeps the source until the lease runs out.
    """
    seconds = max(settings.poll_minutes * 60, settings.source_deadline)
    if await store.take_poll_lease(source_id, owner, seconds):
        return True
    holder = await store.poll_lease_owner(source_id)
    if holder is None or dead_on_this_host(holder):
        return await store.take_poll_lease(source_id, owner, seconds, void_owner=holder)
    return False


class PollStatus(Enum):
    """How polling one source went."""

    OK = "ok"
    NOT_MODIFIED = "not modified"
    FAILED = "failed"
    DISABLED = "disabled"
    WAITING = "waiting"
    BUSY = "busy"


@dataclass(slots=True)
class SourcePoll:
    """What polling one source did; `detail` is the error, or why it was skipped."""

    source: SourceRecord
    status: PollStatus
    detail: str | None = None
    report: IngestReport = field(default_factory=IngestReport)


@dataclass(slots=True)
class PollReport:
    """What one poll of the sources did, source by source."""

    polls: list[SourcePoll] = field(default_factory=list)

    @property
    def ingest(self) -> IngestReport:
        """Add up the article counts of every source."""
        total = IngestReport()
        for poll in self.polls:
            r = poll.report
            total.new += r.new
            total.updated += r.updated
            total.unchanged += r.unchanged
            total.duplicate += r.duplicate
            total.skipped.extend(r.skipped)
            total.notes.extend(r.notes)
        return total

    @property
    def failed(self) -> list[SourcePoll]:
        return [p for p in self.polls if p.status in (PollStatus.FAILED, PollStatus.DISABLED)]

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for poll in self.polls:
            counts[poll.status.value] = counts.get(poll.status.value, 0) + 1
        states = ", ".join(f"{n} {status}" for status, n in counts.items()) or "none"
        return f"{self.ingest.summary()}; sources: {states}"


async def _fail(
    store: Store, settings: Settings, source: SourceRecord, now: datetime, reason: str
) -> SourcePoll:
    """Record a failed poll: back off exponentially, and disable the source after too many failures."""
    failures = source.failures + 1
    delay = next_retry_delay(failures, settings.poll_minutes * 60.0, BACKOFF_CAP)
    next_attempt = (now + timedelta(seconds=delay)).isoformat(timespec="seconds")
    disabled = None
    if failures >= settings.max_failures:
        disabled = f"disabled after {failures} failures in a row; last: {reason}"
    await store.record_source_failure(source.id, reason, next_attempt, disabled)
    log.warning("source %s (%s) failed: %s", source.id, source.location, disabled or reason)
    return SourcePoll(source, PollStatus.DISABLED if disabled else PollStatus.FAILED, disabled or reason)


async def _poll_folder(
    store: Store, settings: Settings, source: SourceRecord, now: datetime,
    progress: Callable[[int], None] | None,
) -> SourcePoll:
    folder = Path(source.location)
    if not folder.is_dir():
        return await _fail(store, settings, source, now, f"folder not found: {folder}")
    try:
        os.scandir(folder).close()
    except OSError as exc:  # chmod 000: say so rather than ingest nothing
        return await _fail(store, settings, source, now, f"cannot read folder {folder}: {exc.strerror or exc}")
    report = await ingest_files(store, settings, [folder], progress)
    await store.record_source_success(source.id, None, None)
    return SourcePoll(source, PollStatus.OK, report=report)


async def _poll_feed(
    store: Store, settings: Settings, fetcher: Fetcher, source: SourceRecord, now: datetime,
    progress: Callable[[int], None] | None,
) -> SourcePoll:
    deadline = time.monotonic() + settings.source_deadline
    try:
        result = await fetcher.fetch(source.location, source.etag, source.last_modified)
    except FetchError as exc:
        return await _fail(store, settings, source, now, exc.reason)
    if result.not_modified:
        await store.record_source_success(source.id, result.etag, result.last_modified)
        return SourcePoll(source, PollStatus.NOT_MODIFIED)
    try:
        feed = await asyncio.to_thread(parse_feed, result.body, result.url, result.content_type)
    except FeedError as exc:
        return await _fail(store, settings, source, now, str(exc))
    report = IngestReport()
    done = await ingest_feed(store, settings, fetcher, source, feed, report, progress, deadline)
    if done.waiting:
        note = (f"deadline of {settings.source_deadline} s reached: {done.waiting} item(s) wait for the next poll"
                " (DIGESTBOT_SOURCE_DEADLINE)")
        await store.record_source_partial(source.id, note)
        return SourcePoll(source, PollStatus.OK, note, report)
    # Validators only now that every item is saved; without them the next poll reads the feed again.
    if done.complete:
        await store.record_source_success(source.id, result.etag, result.last_modified)
        return SourcePoll(source, PollStatus.OK, report=report)
    await store.record_source_success(source.id, None, None)
    return SourcePoll(source, PollStatus.OK, "some article pages failed; retried next poll", report)


async def _poll_guarded(
    store: Store, settings: Settings, fetcher: Fetcher, source: SourceRecord, now: datetime,
    limit: asyncio.Semaphore, progress: Callable[[int], None] | None,
) -> SourcePoll:
    """Poll one source unless it is backing off or already being polled; no error escapes to other sources."""
    if source.next_attempt and datetime.fromisoformat(source.next_attempt) > now:
        return SourcePoll(source, PollStatus.WAITING, f"backing off until {source.next_attempt}")
    busy = _in_flight.setdefault(store, set())
    if source.id in busy:
        return SourcePoll(source, PollStatus.BUSY, "already being polled")
    owner = lease_owner(store)
    busy.add(source.id)
    try:
        if not await _take_lease(store, settings, source.id, owner):
            return SourcePoll(source, PollStatus.BUSY, "being polled by another poller")
        # read again under the lease: another poller may have just polled it (new validators, or a back-off)
        source = await store.get_source(source.id) or source
        if source.next_attempt and datetime.fromisoformat(source.next_attempt) > now:
            return SourcePoll(source, PollStatus.WAITING, f"backing off until {source.next_attempt}")
        async with limit:
            if source.kind == "folder":
                return await _poll_folder(store, settings, source, now, progress)
            return await _poll_feed(store, settings, fetcher, source, now, progress)
    except StoreError:
        raise  # the database itself is unusable (damaged, read-only): one line for the whole poll
    except Exception as exc:  # a bug must not stop the other sources
        log.exception("polling source %s (%s) failed", source.id, source.location)
        reason = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
        try:
            return await _fail(store, settings, source, now, reason)
        except Exception:
            log.exception("could not record the failure of source %s", source.id)
            return SourcePoll(source, PollStatus.FAILED, reason)
    finally:
        busy.discard(source.id)
        await _release(store, source.id, owner)


async def _release(store: Store, source_id: int, owner: str) -> None:
    try:
        await store.release_poll_lease(source_id, owner)
    except Exception:  # the lease runs out on its own
        log.exception("could not give back the poll lease of source %s", source_id)


async def poll_sources(
    store: Store,
    settings: Settings,
    guild_id: int | None = None,
    *,
    fetcher: Fetcher | None = None,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> PollReport:
    """Poll the enabled sources of a guild (None: all guilds) once, in parallel up to the concurrency limit.

    A source whose back-off has not expired by `now` is skipped, as is one another poll is busy with.
    """
    started = now or datetime.now(UTC)
    sources = [s for s in await store.list_sources(guild_id) if s.poll and s.enabled]
    limit = asyncio.Semaphore(CONCURRENCY)
    async with open_fetcher(settings, fetcher) as client:
        polls = await asyncio.gather(
            *(_poll_guarded(store, settings, client, s, started, limit, progress) for s in sources)
        )
    return PollReport(list(polls))


JOB_ID = "ingest"


def add_ingest_job(
    scheduler: AsyncIOScheduler, run: Callable[[], Awaitable[object]], minutes: int
) -> None:
    """Poll every `minutes`, starting now; runs never overlap, missed runs collapse into one.

    Every exception of a run is logged and swallowed, so one bad poll never stops the schedule.
    """
    if minutes < 1:
        raise ValueError(f"poll interval must be at least 1 minute, got {minutes}")

    async def ingest_job() -> None:
        try:
            result = await run()
            summary = getattr(result, "summary", None)  # a PollReport says what it did in one line
            log.info("scheduled ingest: %s", summary() if callable(summary) else result)
        except StoreError as exc:  # the database, not the code: one line says what to fix
            log.error("scheduled ingest failed: %s; trying again in %d minutes", exc, minutes)
        except Exception:
            log.exception("scheduled ingest failed; trying again in %d minutes", minutes)

    scheduler.add_job(
        ingest_job,
        IntervalTrigger(minutes=minutes),
        id=JOB_ID,
        name="poll live sources",
        max_instances=1,
        coalesce=True,
        replace_existing=True,
        next_run_time=datetime.now(UTC),
        misfire_grace_time=minutes * 60,
    )
