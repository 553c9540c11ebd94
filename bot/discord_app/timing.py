"""Weekly schedules in a server's own time zone: when a digest was last due and when it is next due."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.errors import InputError

Clock = Callable[[], datetime]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TIME = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")


def system_clock() -> datetime:
    """The real time, timezone-aware; tests pass their own clock instead."""
    return datetime.now(UTC)


def parse_time_of_day(text: str) -> time:
    """Read a 24-hour time such as 09:00 or 17.30."""
    match = _TIME.match(text)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise InputError(f"time must be a 24-hour time such as 09:00, got {text.strip()[:20]!r}")
    return time(int(match.group(1)), int(match.group(2)))


def parse_timezone(name: str) -> ZoneInfo:
    """Resolve an IANA time zone name such as Europe/London."""
    cleaned = name.strip()
    try:
        if cleaned and cleaned in zone_names():
            return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    raise InputError(f"unknown time zone {cleaned[:50]!r}: use a name such as Europe/London or UTC")


@cache
def zone_names() -> frozenset[str]:
    """Every IANA zone name this system (or the tzdata package) knows."""
    return frozenset(available_timezones())


def zone_suggestions(typed: str, limit: int = 25) -> list[str]:
    """Zone names containing what the user typed, the likeliest first, for autocomplete."""
    needle = typed.strip().lower().replace(" ", "_")
    names = sorted(zone_names())
    if not needle:
        return ["Europe/London", "UTC", *[n for n in names if n.startswith("Europe/")]][:limit]
    starts = [n for n in names if n.lower().startswith(needle) or n.lower().split("/")[-1].startswith(needle)]
    rest = [n for n in names if needle in n.lower() and n not in starts]
    return (starts + rest)[:limit]


def _at(day: date, at: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone)


@dataclass(frozen=True, slots=True)
class Weekly:
    """A weekly moment: a weekday (Monday = 0) and a wall-clock time in a time zone."""

    weekday: int
    at: time
    zone: ZoneInfo

    @classmethod
    def parse(cls, weekday: int, time_of_day: str, timezone: str) -> Weekly:
        if not 0 <= weekday <= 6:
            raise InputError("weekday must be 0 (Monday) to 6 (Sunday)")
        return cls(weekday, parse_time_of_day(time_of_day), parse_timezone(timezone))

    def last_at_or_before(self, now: datetime) -> datetime:
        """The latest occurrence not after `now`, in UTC."""
        local = now.astimezone(self.zone)
        day = local.date() - timedelta(days=(local.weekday() - self.weekday) % 7)
        moment = _at(day, self.at, self.zone)
        if moment > now:
            moment = _at(day - timedelta(days=7), self.at, self.zone)
        return moment.astimezone(UTC)

    def next_after(self, now: datetime) -> datetime:
        """The first occurrence strictly after `now`, in UTC."""
        local = now.astimezone(self.zone)
        day = local.date() + timedelta(days=(self.weekday - local.weekday()) % 7)
        moment = _at(day, self.at, self.zone)
        if moment <= now:
            moment = _at(day + timedelta(days=7), self.at, self.zone)
        return moment.astimezone(UTC)

    def describe(self) -> str:
        """Say it the way a person would: Mondays at 09:00 (Europe/London)."""
        return f"{WEEKDAYS[self.weekday]}s at {self.at:%H:%M} ({self.zone.key})"


def discord_time(moment: datetime, style: str = "F") -> str:
    """A Discord timestamp tag, shown in each reader's own time zone."""
    return f"<t:{int(moment.timestamp())}:{style}>"
