"""Weekly digest jobs per server, mirrored from the database, posting each week exactly once.

The database is the source of truth: jobs are rebuilt from it on start and after every /schedule
change. A job decides what is due from the bot's clock, claims (server, week) in the database before
sending anything and records each message sent, so a restart, a retry or a catch-up never posts twice. A
post a stopped process left half sent is taken over at start-up (or when its owner's lease runs out) and
finished, after asking Discord which parts it already holds.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, Protocol, TypeVar

import discord
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.config import Settings
from bot.core.digest import week_of
from bot.core.markdown import digest_title
from bot.core.records import DigestPost, GuildSettings, SourceRecord
from bot.discord_app.posting import DeliveryError, PartSent, check_from
from bot.discord_app.render import digest_messages
from bot.discord_app.timing import Clock, Weekly
from bot.services import posts, weeks
from bot.services.digests import week_digest
from bot.services.guilds import guild_settings
from bot.services.poll import PollReport, add_ingest_job, poll_sources
from bot.services.scaling import ShardPlan
from bot.services.storage import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

SHUTDOWN_WAIT = 5.0  # seconds a running job may take to finish when the bot stops
RECHECK = timedelta(seconds=posts.POST_RENEW)  # how soon a post in flight elsewhere is looked at again
# A weekly job starts a little after its time (the event loop was busy, the clock ticked): it is on time,
# even with DIGESTBOT_DIGEST_GRACE_HOURS=0.
ON_TIME = timedelta(minutes=1)


def job_id(guild_id: int) -> str:
    """The id of a server's weekly digest job."""
    return f"digest:{guild_id}"


def retry_job_id(guild_id: int) -> str:
    """The id of the one-off job retrying a server's failed post."""
    return f"digest-retry:{guild_id}"


def resume_job_id(guild_id: int) -> str:
    """The id of the one-off job taking over a server's post that another process left in flight."""
    return f"digest-resume:{guild_id}"


class SchedulerHost(Protocol):
    """What the scheduler needs from the process running it (the bot, or a test's stand-in)."""

    settings: Settings
    clock: Clock

    @property
    def store(self) -> Store: ...

    def is_member(self, guild_id: int) -> bool:
        """Whether the bot is (still) in the server."""
        ...

    async def wait_until_ready(self) -> None: ...

    async def deliver_digest(
        self, channel_id: int, title: str, messages: Sequence[Sequence[discord.Embed]], *,
        parts_sent: int, thread_id: int | None, check_after: int | None, on_part: PartSent,
    ) -> None:
        """Send messages[parts_sent:] to a channel (a forum gets one post); DeliveryError when it fails.

        With `check_after`, first record the parts Discord already holds after that snowflake.
        """
        ...

    async def send_alert(self, channel_id: int, text: str) -> bool:
        """Send a short notice; False when it could not be delivered."""
        ...


@dataclass(frozen=True, slots=True)
class PostResult:
    """A job run's outcome with the week it concerned and, after a failure, the reason."""

    outcome: PostOutcome
    week: str | None = None
    reason: str | None = None
    post: DigestPost | None = None


class PostOutcome(Enum):
    """What one run of a server's digest job did."""

    POSTED = "posted"
    ALREADY_POSTED = "already posted"
    BUSY = "being posted right now"
    BLOCKED = "could not be posted and waits for someone to fix the cause"
    RETRYING = "failed; will try again"
    NOT_DUE = "not due"
    PAUSED = "paused"
    NO_SCHEDULE = "no schedule"
    NOT_A_MEMBER = "the bot is no longer in that server"
    STOPPED = "the bot stopped first"


class DigestScheduler:
    """Owns the APScheduler instance: weekly digest jobs, their retries, and the feed-polling job."""

    def __init__(self, host: SchedulerHost, *, shards: ShardPlan | None = None, poll: bool = True) -> None:
        self.host = host
        self.shards = shards  # None: this process holds every server
        self.poll = poll  # False: `digestbot poll` processes fetch the sources
        self.scheduler = AsyncIOScheduler(
            timezone=UTC,
            # A late run still counts (the job itself checks the grace period), and late runs collapse.
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )
        self._locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._running: set[asyncio.Task[Any]] = set()
        self._stopping = False

    @property
    def grace(self) -> timedelta:
        return timedelta(hours=self.host.settings.digest_grace_hours)

    # -- lifecycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """Start the scheduler with a job per scheduled server (each checked at once, to catch up)."""
        self.scheduler.start()
        # only this process's servers: another shard's process may be posting right now
        for post in await posts.posts_in_flight(self.host.store, self.shards):
            log.info("the %s digest of server %s was left in flight; it is finished once its claim is free",
                     post.week, post.guild_id)
            self._resume_at(post.guild_id, post.week, datetime.now(UTC))
        await self.rebuild(catch_up=True)
        if self.poll:
            add_ingest_job(self.scheduler, self.run_ingest, self.host.settings.poll_minutes)

    async def stop(self) -> None:
        """Stop scheduling, then give running jobs a moment to finish before cancelling them."""
        self._stopping = True
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        running = {t for t in self._running if not t.done()}
        log.info("scheduler stopped%s", f"; waiting for {len(running)} running job(s)" if running else "")
        if running:
            _, pending = await asyncio.wait(running, timeout=SHUTDOWN_WAIT)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        await asyncio.sleep(0)  # let the scheduler's own (call_soon) shutdown run

    async def rebuild(self, *, catch_up: bool = False) -> None:
        """Make the weekly jobs mirror the database; with `catch_up` each also runs once right away."""
        wanted = {job_id(g.guild_id): g for g in await posts.active_schedules(self.host.store)}
        for job in self.scheduler.get_jobs():
            if job.id.startswith("digest:") and job.id not in wanted:
                job.remove()
        now = datetime.now(UTC)
        for ident, guild in wanted.items():
            weekly = weekly_of(guild)
            trigger = CronTrigger(
                day_of_week=weekly.weekday, hour=weekly.at.hour, minute=weekly.at.minute, timezone=weekly.zone
            )
            extra = {"next_run_time": now} if catch_up else {}
            self.scheduler.add_job(
                self.run_guild, trigger, args=[guild.guild_id], id=ident, replace_existing=True,
                name=f"weekly digest of server {guild.guild_id}", **extra,
            )

    async def schedule_set(self, guild_id: int, weekly: Weekly) -> None:
        """After /schedule set: a moment already past is not owed (the reply promised the next one)."""
        now = self.host.clock()
        passed = weekly.last_at_or_before(now)
        if now - passed <= self.grace + ON_TIME:
            await weeks.mark_not_owed(self.host.store, guild_id, week_of(passed.astimezone(weekly.zone)))
        await self.rebuild()

    # -- jobs --------------------------------------------------------------------------------------

    async def run_guild(self, guild_id: int) -> PostResult:
        """The weekly job: post the digest due now, or missed within the grace period, exactly once."""
        return await self._unless_stopped(self._run_guild(guild_id), PostResult(PostOutcome.STOPPED))

    async def _run_guild(self, guild_id: int) -> PostResult:
        await self.host.wait_until_ready()
        return await self._tracked(self._post(guild_id, manual=False))

    async def post_now(self, guild_id: int) -> PostResult:
        """Post this week's digest now (/schedule post); also takes back a week that was blocked."""
        return await self._tracked(self._post(guild_id, manual=True))

    async def resume(self, guild_id: int, week: str) -> PostResult:
        """Finish a post another process (or this one, before a restart) left in flight, once it is free."""
        return await self._unless_stopped(self._resume(guild_id, week), PostResult(PostOutcome.STOPPED))

    async def _resume(self, guild_id: int, week: str) -> PostResult:
        await self.host.wait_until_ready()
        return await self._tracked(self._post_week(guild_id, week))

    def _resume_at(self, guild_id: int, week: str, when: datetime) -> None:
        self.scheduler.add_job(
            self.resume, "date", run_date=when, args=[guild_id, week], id=resume_job_id(guild_id),
            name=f"finish digest of server {guild_id}", replace_existing=True,
        )

    async def run_ingest(self) -> PollReport:
        """The polling job: fetch new articles, then tell servers about sources that started failing."""
        return await self._unless_stopped(self._run_ingest(), PollReport())

    async def _run_ingest(self) -> PollReport:
        report = await poll_sources(self.host.store, self.host.settings)  # per-source failures are recorded
        await self.host.wait_until_ready()
        await self._tracked(self.check_source_alerts())
        return report

    async def _unless_stopped(self, work: Coroutine[Any, Any, T], stopped: T) -> T:
        """Run a job's work; when stop() cancels it, end quietly (APScheduler would log a crash)."""
        try:
            return await work
        except asyncio.CancelledError:
            if not self._stopping:
                raise
            return stopped

    async def _tracked(self, work: Coroutine[Any, Any, T]) -> T:
        """Run work as a task stop() can wait for: a cancelled job must not cut a post in half."""
        task = asyncio.create_task(work)
        self._running.add(task)
        try:
            return await asyncio.shield(task)
        finally:
            self._running.discard(task)

    # -- posting -----------------------------------------------------------------------------------

    async def _post(self, guild_id: int, *, manual: bool) -> PostResult:
        async with self._locks[guild_id]:
            guild = await guild_settings(self.host.store, guild_id)
            if guild is None or not guild.scheduled or guild.digest_channel_id is None:
                return PostResult(PostOutcome.NO_SCHEDULE)
            if guild.paused and not manual:
                return PostResult(PostOutcome.PAUSED)
            if not self.host.is_member(guild_id):  # it left (or was removed): its data waits, unposted
                return PostResult(PostOutcome.NOT_A_MEMBER)
            weekly = weekly_of(guild)
            now = self.host.clock()
            due = now if manual else weekly.last_at_or_before(now)
            week = week_of(due.astimezone(weekly.zone))
            if not manual and now - due > self.grace + ON_TIME:
                await self._too_late(guild_id, week, due)
                return PostResult(PostOutcome.NOT_DUE, week)
            if not manual and not await weeks.is_owed(self.host.store, guild_id, week):
                return PostResult(PostOutcome.NOT_DUE, week)
            post = await posts.claim_post(self.host.store, guild_id, week, guild.digest_channel_id, force=manual)
            if post is None:
                return await self._refused(guild, week)
            return await self._deliver(guild, post, due, manual=manual)

    async def _post_week(self, guild_id: int, week: str) -> PostResult:
        """Take over a claim on `week` left in flight and finish it: it was due when it was first claimed."""
        async with self._locks[guild_id]:
            guild = await guild_settings(self.host.store, guild_id)
            if guild is None or guild.digest_channel_id is None:
                return PostResult(PostOutcome.NO_SCHEDULE, week)
            if not self.host.is_member(guild_id):
                return PostResult(PostOutcome.NOT_A_MEMBER, week)
            post = await posts.claim_post(self.host.store, guild_id, week, guild.digest_channel_id)
            if post is None:
                return await self._refused(guild, week)
            return await self._deliver(guild, post, self.host.clock(), manual=False)

    async def _too_late(self, guild_id: int, week: str, due: datetime) -> None:
        """Say in the log when a week was never posted because the bot came back after the grace period."""
        if await posts.digest_post(self.host.store, guild_id, week) is None:
            log.warning(
                "the %s digest of server %s was due at %s, more than DIGESTBOT_DIGEST_GRACE_HOURS=%d ago: skipped"
                " (`/schedule post` posts this week's digest by hand)",
                week, guild_id, due.isoformat(timespec="minutes"), self.host.settings.digest_grace_hours,
            )

    async def _refused(self, guild: GuildSettings, week: str) -> PostResult:
        existing = await posts.digest_post(self.host.store, guild.guild_id, week)
        if existing is None or existing.status == "posting":
            if existing is not None and existing.lease_until:  # look again when its owner's lease may be out
                until = datetime.fromisoformat(existing.lease_until) + timedelta(seconds=1)
                self._resume_at(guild.guild_id, week, min(until, datetime.now(UTC) + RECHECK))
            return PostResult(PostOutcome.BUSY, week, post=existing)
        if existing.status == "blocked":
            await self.alert(guild, posts.digest_alert(week), _failure_text(existing, retry=False))
            return PostResult(PostOutcome.BLOCKED, week, existing.error, existing)
        return PostResult(PostOutcome.ALREADY_POSTED, week, post=existing)

    async def _deliver(self, guild: GuildSettings, post: DigestPost, due: datetime, *, manual: bool) -> PostResult:
        store, guild_id, week = self.host.store, post.guild_id, post.week

        async def on_part(parts: int, message_id: int, thread_id: int | None) -> None:
            await posts.part_sent(store, guild_id, week, parts, message_id=message_id, thread_id=thread_id)

        check_after = None  # after an earlier attempt, a part it sent may be in Discord but not in the claim
        if posts.taken_over(post):
            check_after = check_from(post.last_message_id, post.claimed_at or post.updated_at)
        try:
            digest = await week_digest(store, self.host.settings, week, guild_id)
            messages = digest_messages(digest)
            await self._holding(post, self.host.deliver_digest(
                post.channel_id, digest_title(digest), messages, parts_sent=post.parts_sent,
                thread_id=post.thread_id, check_after=check_after, on_part=on_part,
            ))
        except posts.ClaimLost as exc:
            log.warning("stopped posting: %s", exc)
            return PostResult(PostOutcome.BUSY, week, str(exc))
        except DeliveryError as exc:
            return await self._failed(guild, post, due, exc, manual=manual)
        except Exception as exc:
            log.exception("posting the %s digest of server %s failed", week, guild_id)
            error = DeliveryError(f"unexpected error ({type(exc).__name__}; see the bot's log)", retry=False)
            return await self._failed(guild, post, due, error, manual=manual)
        finished = await posts.finish_post(store, guild_id, week)
        log.info("posted the %s digest in server %s, channel %s (%d messages)",
                 week, guild_id, post.channel_id, len(messages))
        return PostResult(PostOutcome.POSTED, week, post=finished)

    async def _holding(self, post: DigestPost, work: Coroutine[Any, Any, None]) -> None:
        """Run a delivery while renewing our claim on it; ClaimLost (delivery cancelled) if it was taken over."""
        task = asyncio.create_task(work)
        try:
            while not (await asyncio.wait({task}, timeout=posts.POST_RENEW))[0]:
                if not await posts.keep_claim(self.host.store, post.guild_id, post.week):
                    raise posts.ClaimLost(f"the {post.week} post of server {post.guild_id} was taken over")
        finally:
            if not task.done():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        task.result()

    async def _failed(
        self, guild: GuildSettings, post: DigestPost, due: datetime, error: DeliveryError, *, manual: bool
    ) -> PostResult:
        guild_id, week = post.guild_id, post.week
        delay = timedelta(seconds=self.host.settings.digest_retry_seconds)
        # A transient failure stays claimable ('failed'); it is retried here while still within the grace.
        retry = error.retry and not manual and self.host.clock() + delay - due <= self.grace
        updated = await posts.fail_post(self.host.store, guild_id, week, error.reason, retry=error.retry)
        log.warning("could not post the %s digest in server %s, channel %s: %s (%s)", week, guild_id,
                    post.channel_id, error.reason, "will retry" if retry else "not retrying")
        if retry:
            self.scheduler.add_job(
                self.run_guild, "date", run_date=datetime.now(UTC) + delay, args=[guild_id],
                id=retry_job_id(guild_id), name=f"retry digest of server {guild_id}", replace_existing=True,
            )
        if not manual and updated is not None:
            await self.alert(guild, posts.digest_alert(week), _failure_text(updated, retry=retry))
        outcome = PostOutcome.RETRYING if retry else PostOutcome.BLOCKED
        return PostResult(outcome, week, error.reason, updated)

    # -- alerts ------------------------------------------------------------------------------------

    async def alert(self, guild: GuildSettings, key: str, text: str) -> bool:
        """Tell the server's alerts channel about `key`, once; False when not (now) told."""
        channel = guild.alerts_channel_id
        if channel is None:
            return False

        async def send() -> bool:
            log.info("alerting server %s: %s", guild.guild_id, text)
            return await self.host.send_alert(channel, text)

        return await posts.alert_once(self.host.store, guild.guild_id, key, send)

    async def check_source_alerts(self) -> None:
        """Tell each server once about each visible source that started failing; forget recovered ones."""
        for guild in await posts.alerting_guilds(self.host.store):
            for key, source in (await posts.source_alerts(self.host.store, guild.guild_id)).items():
                await self.alert(guild, key, _source_text(source))


def weekly_of(guild: GuildSettings) -> Weekly:
    """The weekly moment of a server with a complete schedule."""
    if guild.weekday is None or guild.time_of_day is None or guild.timezone is None:
        raise ValueError(f"server {guild.guild_id} has no complete schedule")
    return Weekly.parse(guild.weekday, guild.time_of_day, guild.timezone)


def _failure_text(post: DigestPost, *, retry: bool) -> str:
    then = "I will try again." if retry else "Fix the cause, then run `/schedule post`."
    return f"⚠️ Could not post the {post.week} digest in <#{post.channel_id}>: {post.error}. {then}"


def _source_text(source: SourceRecord) -> str:
    state = "is disabled" if not source.enabled else f"has failed {source.failures} time(s)"
    return f"⚠️ Source **{source.name}** ({source.location}) {state}: {source.last_error}"
