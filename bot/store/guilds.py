"""Per-server (Discord guild) state: tables guild_settings (schedule, pause, alerts channel), guild_filters and
guild_alerts, and forgetting a server, which deletes its rows in every table (see _GUILD_TABLES) and its sources."""

from __future__ import annotations

import aiosqlite

from bot.core.records import GuildSettings
from bot.store.sources import SourcesMixin
from bot.store.sql import utc_now

# Everything a server owns but its sources, deleted by forget_guild (which then deletes its sources).
_GUILD_TABLES = ("guild_settings", "guild_filters", "digest_posts", "guild_alerts", "digests")

_GUILD_COLUMNS = (
    "guild_id, digest_channel_id, weekday, time_of_day, timezone, paused, alerts_channel_id"
)


def _guild_settings(row: aiosqlite.Row) -> GuildSettings:
    values = dict(row)
    values["paused"] = bool(values["paused"])
    return GuildSettings(**values)


class GuildsMixin(SourcesMixin):
    """A server's schedule, filters and alerts; forgetting a server (with its sources, through SourcesMixin)."""

    async def guild_settings(self, guild_id: int) -> GuildSettings | None:
        row = await self._one(f"SELECT {_GUILD_COLUMNS} FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return _guild_settings(row) if row else None

    async def scheduled_guilds(self) -> list[GuildSettings]:
        """Every server with a complete weekly schedule, paused or not: what the scheduler's jobs mirror."""
        rows = await self._all(
            f"SELECT {_GUILD_COLUMNS} FROM guild_settings WHERE digest_channel_id IS NOT NULL"
            " AND weekday IS NOT NULL AND time_of_day IS NOT NULL AND timezone IS NOT NULL ORDER BY guild_id"
        )
        return [_guild_settings(r) for r in rows]

    async def alerting_guilds(self) -> list[GuildSettings]:
        """Every server with an alerts channel."""
        rows = await self._all(
            f"SELECT {_GUILD_COLUMNS} FROM guild_settings WHERE alerts_channel_id IS NOT NULL"
            " ORDER BY guild_id"
        )
        return [_guild_settings(r) for r in rows]

    async def set_schedule(
        self, guild_id: int, channel_id: int, weekday: int, time_of_day: str, timezone: str
    ) -> None:
        """Save a server's weekly schedule; saving one also resumes a paused schedule."""
        async with self.transaction():
            await self.conn.execute(
                "INSERT INTO guild_settings (guild_id, digest_channel_id, weekday, time_of_day, timezone,"
                " paused, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (guild_id) DO UPDATE SET"
                " digest_channel_id = excluded.digest_channel_id, weekday = excluded.weekday,"
                " time_of_day = excluded.time_of_day, timezone = excluded.timezone, paused = 0,"
                " updated_at = excluded.updated_at",
                (guild_id, channel_id, weekday, time_of_day, timezone, utc_now()),
            )

    async def set_paused(self, guild_id: int, paused: bool) -> bool:
        """Pause or resume a server's schedule; False when it has none."""
        async with self.transaction():
            cursor = await self.conn.execute(
                "UPDATE guild_settings SET paused = ?, updated_at = ?"
                " WHERE guild_id = ? AND weekday IS NOT NULL",
                (int(paused), utc_now(), guild_id),
            )
        return cursor.rowcount == 1

    async def set_alerts_channel(self, guild_id: int, channel_id: int | None) -> None:
        """Set (or with None, switch off) the channel a server's alerts go to."""
        async with self.transaction():
            await self.conn.execute(
                "INSERT INTO guild_settings (guild_id, alerts_channel_id, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET alerts_channel_id = excluded.alerts_channel_id,"
                " updated_at = excluded.updated_at",
                (guild_id, channel_id, utc_now()),
            )

    # filters -------------------------------------------------------------------------------------

    async def guild_filters(self, guild_id: int) -> list[tuple[str, str]]:
        """Return a server's digest filters as (kind, phrase), kind being 'include' or 'exclude'."""
        rows = await self._all(
            "SELECT kind, phrase FROM guild_filters WHERE guild_id = ? ORDER BY kind DESC, phrase",
            (guild_id,),
        )
        return [(str(r["kind"]), str(r["phrase"])) for r in rows]

    async def set_guild_filter(self, guild_id: int, kind: str, phrase: str) -> None:
        """Add a filter phrase, or switch an existing phrase to `kind`."""
        async with self.transaction():
            await self.conn.execute(
                "INSERT INTO guild_filters (guild_id, kind, phrase, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, phrase) DO UPDATE SET kind = excluded.kind",
                (guild_id, kind, phrase, utc_now()),
            )

    async def remove_guild_filter(self, guild_id: int, phrase: str) -> bool:
        async with self.transaction():
            cursor = await self.conn.execute(
                "DELETE FROM guild_filters WHERE guild_id = ? AND phrase = ?", (guild_id, phrase)
            )
        return cursor.rowcount == 1

    # alerts --------------------------------------------------------------------------------------

    async def claim_alert(self, guild_id: int, key: str) -> bool:
        """Take the right to tell a server about `key` once; False when it was already told."""
        async with self.transaction():
            cursor = await self.conn.execute(
                "INSERT INTO guild_alerts (guild_id, key, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (guild_id, key, utc_now()),
            )
        return cursor.rowcount == 1

    async def alert_keys(self, guild_id: int) -> set[str]:
        rows = await self._all("SELECT key FROM guild_alerts WHERE guild_id = ?", (guild_id,))
        return {str(r["key"]) for r in rows}

    async def clear_alert(self, guild_id: int, key: str) -> None:
        """Forget an alert once its cause is gone, so a new occurrence is told again."""
        async with self.transaction():
            await self.conn.execute(
                "DELETE FROM guild_alerts WHERE guild_id = ? AND key = ?", (guild_id, key)
            )

    # forgetting ----------------------------------------------------------------------------------

    async def forget_guild(self, guild_id: int) -> None:
        """Delete everything one server added: settings, filters, posts, alerts, digests, its own sources.

        Articles that another server's source or a shared one also carries stay.
        """
        if guild_id == 0:
            raise ValueError("guild 0 holds the shared sources; it cannot be forgotten")
        async with self.transaction():
            for table in _GUILD_TABLES:
                await self.conn.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))
            await self._delete_sources("SELECT id FROM sources WHERE guild_id = ?", guild_id)
