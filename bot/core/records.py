"""What the store keeps about sources, servers, digests and posts: plain records both adapters may read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class SaveOutcome(Enum):
    """What saving an article did."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """A canonical speaker and how many full quotations we hold from them."""

    id: int
    name: str
    key: str
    quotes: int
    kind: str | None = None  # models.PERSON or models.ORGANISATION; None when unknown (stored before kinds were)


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A source with its health: when it last worked, why it last failed, when to try it again."""

    id: int
    kind: str
    location: str
    name: str
    guild_id: int
    enabled: bool
    poll: bool
    etag: str | None
    last_modified: str | None
    last_success: str | None
    last_error: str | None
    failures: int
    next_attempt: str | None
    disabled_reason: str | None
    created_at: str
    articles: int = 0


@dataclass(frozen=True, slots=True)
class LiveArticle:
    """A stored article a feed item or page may be another copy of, through one of its links."""

    id: int
    source_id: int  # the link's source, key, item hash and GUID
    source_key: str
    raw_hash: str
    content_hash: str
    published: date | None
    guid: str | None


@dataclass(frozen=True, slots=True)
class DigestRecord:
    """A digest's place in the stream of article links: it covers links first_link < id <= last_link."""

    guild_id: int
    week: str
    first_link: int
    last_link: int
    created_at: str


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """One server's digest schedule and alerts channel; the schedule fields are all set or all None."""

    guild_id: int
    digest_channel_id: int | None
    weekday: int | None  # Monday = 0
    time_of_day: str | None  # HH:MM in `timezone`
    timezone: str | None
    paused: bool
    alerts_channel_id: int | None

    @property
    def scheduled(self) -> bool:
        return None not in (self.digest_channel_id, self.weekday, self.time_of_day, self.timezone)


@dataclass(frozen=True, slots=True)
class DigestPost:
    """The exactly-once record of one server's post of one week's digest."""

    guild_id: int
    week: str
    channel_id: int
    status: str  # "posting", "posted", "failed" or "blocked"
    parts_sent: int
    thread_id: int | None
    message_id: int | None
    attempts: int
    error: str | None
    updated_at: str
    lease_owner: str | None = None  # the process posting it while status is "posting"
    lease_until: str | None = None  # when that process's claim runs out unless it renews it
    last_message_id: int | None = None  # the last part recorded (message_id is the first)
    claimed_at: str | None = None  # when the week was first claimed
