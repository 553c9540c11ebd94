"""Run the source poll on a timer inside a long-running process (the Discord bot)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger(__name__)

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
