"""Weekly moments in a server's time zone, including across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.discord_app.timing import Weekly, parse_time_of_day, parse_timezone, zone_suggestions
from bot.errors import InputError

ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC", "Pacific/Chatham"]
moments = st.integers(1_577_836_800, 2_082_758_400).map(lambda s: datetime.fromtimestamp(s, UTC))  # 2020-2035
weeklies = st.builds(
    Weekly,
    weekday=st.integers(0, 6),
    at=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    zone=st.sampled_from(ZONES).map(ZoneInfo),
)


@given(weekly=weeklies, now=moments)
def test_last_and_next_occurrences_bracket_now_a_week_apart(weekly: Weekly, now: datetime) -> None:
    last, upcoming = weekly.last_at_or_before(now), weekly.next_after(now)
    assert last <= now < upcoming
    # a week apart, give or take the hour a daylight-saving change adds or removes
    assert timedelta(days=7, hours=-1) <= upcoming - last <= timedelta(days=7, hours=1)
    # and each is on the right local weekday (a wall time skipped by DST moves within that day)
    assert last.astimezone(weekly.zone).weekday() == weekly.weekday
    assert upcoming.astimezone(weekly.zone).weekday() == weekly.weekday


@given(weekly=weeklies, now=moments)
def test_an_occurrence_is_its_own_last_occurrence(weekly: Weekly, now: datetime) -> None:
    last = weekly.last_at_or_before(now)
    assert weekly.last_at_or_before(last) == last
    assert weekly.next_after(last - timedelta(microseconds=1)) == last


def test_london_time_follows_british_summer_time() -> None:
    monday_nine = Weekly.parse(0, "09:00", "Europe/London")
    winter = monday_nine.next_after(datetime(2026, 3, 8, tzinfo=UTC))
    summer = monday_nine.next_after(datetime(2026, 3, 30, 0, 0, tzinfo=UTC))
    assert winter == datetime(2026, 3, 9, 9, 0, tzinfo=UTC)
    assert summer == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # 09:00 BST
    assert monday_nine.describe() == "Mondays at 09:00 (Europe/London)"


@pytest.mark.parametrize(("text", "expected"), [("9:00", time(9)), ("09:30", time(9, 30)), (" 17.45 ", time(17, 45)),
                                                ("23h59", time(23, 59))])
def test_times_of_day(text: str, expected: time) -> None:
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9", "9am", "12:60", ""])
def test_bad_times_of_day_say_what_is_expected(text: str) -> None:
    with pytest.raises(InputError, match="24-hour time such as 09:00"):
        parse_time_of_day(text)


def test_time_zones_are_iana_names() -> None:
    assert parse_timezone(" Europe/London ").key == "Europe/London"
    for bad in ("BST", "Mars/Olympus", "../etc/passwd", ""):
        with pytest.raises(InputError, match="unknown time zone"):
            parse_timezone(bad)


def test_zone_suggestions_fit_autocomplete_and_find_cities() -> None:
    assert zone_suggestions("")[:2] == ["Europe/London", "UTC"]
    assert zone_suggestions("london")[0] == "Europe/London"
    assert zone_suggestions("new york")[0] == "America/New_York"
    assert len(zone_suggestions("a")) == 25
