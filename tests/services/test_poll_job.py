"""The scheduled ingest job on a real APScheduler AsyncIOScheduler: runs at once, survives errors, never overlaps."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.services.poll import JOB_ID, add_ingest_job


async def test_job_runs_at_once_survives_errors_and_never_overlaps(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []
    running = 0
    overlapped = False
    second_run = asyncio.Event()

    async def run() -> str:
        nonlocal running, overlapped
        calls.append(len(calls))
        running += 1
        overlapped = overlapped or running > 1
        try:
            await asyncio.sleep(0.05)
            if len(calls) == 1:
                raise RuntimeError("feed server exploded")
            second_run.set()
            return "2 new"
        finally:
            running -= 1

    scheduler = AsyncIOScheduler(timezone=UTC)
    add_ingest_job(scheduler, run, minutes=30)
    job = scheduler.get_job(JOB_ID)
    assert job is not None and job.max_instances == 1 and job.coalesce
    assert isinstance(job.trigger, IntervalTrigger) and job.trigger.interval.total_seconds() == 1800
    caplog.set_level(logging.INFO, logger="bot.services.poll")
    scheduler.start()
    try:
        await asyncio.sleep(0.01)  # the first run started at once ...
        assert calls == [0]
        scheduler.modify_job(JOB_ID, next_run_time=datetime.now(UTC))  # ... a second is due while it runs
        await asyncio.sleep(0.01)
        for _ in range(3):  # max_instances=1: the overlapping run is skipped, not started
            scheduler.modify_job(JOB_ID, next_run_time=datetime.now(UTC))
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
        assert scheduler.get_job(JOB_ID) is not None  # the failure did not remove the job
        scheduler.modify_job(JOB_ID, next_run_time=datetime.now(UTC))
        await asyncio.wait_for(second_run.wait(), timeout=5)
    finally:
        scheduler.shutdown(wait=False)
    assert not overlapped and len(calls) == 2
    assert any("scheduled ingest failed" in r.message and r.exc_info for r in caplog.records)
    assert any(r.getMessage() == "scheduled ingest: 2 new" for r in caplog.records)


def test_interval_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1 minute"):
        add_ingest_job(AsyncIOScheduler(timezone=UTC), lambda: asyncio.sleep(0), 0)
