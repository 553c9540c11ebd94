"""/schedule set|show|pause|resume|alerts|post: when and where this server's weekly digest goes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.discord_app.checks import guild_id
from bot.discord_app.cogs.base import ManagerGroupCog
from bot.discord_app.errors import reply
from bot.discord_app.render import CHOICES, post_line
from bot.discord_app.scheduler import PostOutcome, weekly_of
from bot.discord_app.timing import WEEKDAYS, Weekly, discord_time, zone_suggestions
from bot.errors import InputError
from bot.services.guilds import guild_settings, pause_schedule, set_alerts_channel, set_schedule
from bot.services.posts import latest_post

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

WEEKDAY_CHOICES = [app_commands.Choice(name=day, value=number) for number, day in enumerate(WEEKDAYS)]
DigestChannel = discord.TextChannel | discord.ForumChannel  # text and announcement channels are TextChannels


def missing_permissions(channel: DigestChannel, me: discord.Member) -> list[str]:
    """The permissions the bot lacks to post a digest in `channel`, as Discord names them."""
    needed = {"view_channel": "View Channel", "send_messages": "Send Messages", "embed_links": "Embed Links",
              "read_message_history": "Read Message History"}  # to finish a post cut short without repeats
    if isinstance(channel, discord.ForumChannel):
        needed["send_messages_in_threads"] = "Send Messages in Threads"
    allowed = channel.permissions_for(me)
    return [label for flag, label in needed.items() if not getattr(allowed, flag)]


class ScheduleCog(
    ManagerGroupCog, group_name="schedule", group_description="When and where the weekly digest is posted"
):
    """Every change is saved first and the scheduler's jobs are rebuilt from the database."""

    @app_commands.command(name="set", description="Post the digest every week in a channel, on a day, at a time")
    @app_commands.describe(
        channel="A text, announcement or forum channel (a forum gets one new post a week)",
        weekday="The day to post on",
        time="24-hour time such as 09:00",
        timezone="Time zone such as Europe/London (the default)",
    )
    @app_commands.choices(weekday=WEEKDAY_CHOICES)
    async def set_(
        self,
        interaction: discord.Interaction,
        channel: DigestChannel,
        weekday: app_commands.Choice[int],
        time: str,
        timezone: str = "Europe/London",
    ) -> None:
        server = guild_id(interaction)
        weekly = Weekly.parse(weekday.value, time, timezone)
        me = interaction.guild.me if interaction.guild else None
        missing = missing_permissions(channel, me) if me else []
        if missing:
            raise InputError(f"I can't post in {channel.mention}: I need {', '.join(missing)} there")
        await set_schedule(self.bot.store, server, channel.id, weekly.weekday, f"{weekly.at:%H:%M}", weekly.zone.key)
        await self.bot.digests.schedule_set(server, weekly)
        upcoming = weekly.next_after(self.bot.clock())
        await reply(
            interaction,
            f"The digest will be posted in {channel.mention} on {weekly.describe()}. "
            f"Next: {discord_time(upcoming)} ({discord_time(upcoming, 'R')}).",
            ephemeral=True,
        )

    @set_.autocomplete("timezone")
    async def zones(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=name, value=name) for name in zone_suggestions(current, CHOICES)]

    @app_commands.command(name="show", description="Show the schedule, the alerts channel and the last post")
    async def show(self, interaction: discord.Interaction) -> None:
        server = guild_id(interaction)
        settings = await guild_settings(self.bot.store, server)
        lines = []
        if settings is None or not settings.scheduled:
            lines.append("No weekly digest yet: set one with `/schedule set`.")
        else:
            weekly = weekly_of(settings)
            lines.append(f"Weekly digest in <#{settings.digest_channel_id}> on {weekly.describe()}.")
            if settings.paused:
                lines.append("Paused: `/schedule resume` starts it again.")
            else:
                lines.append(f"Next: {discord_time(weekly.next_after(self.bot.clock()))}.")
        alerts = settings.alerts_channel_id if settings else None
        lines.append(f"Alerts go to <#{alerts}>." if alerts else "No alerts channel (`/schedule alerts`).")
        last = await latest_post(self.bot.store, server)
        if last is not None:
            lines.append(f"Last post: {post_line(last)}")
        await reply(interaction, "\n".join(lines), ephemeral=True)

    async def _pause(self, interaction: discord.Interaction, paused: bool) -> None:
        await pause_schedule(self.bot.store, guild_id(interaction), paused)
        await self.bot.digests.rebuild()
        await reply(interaction, "Weekly digest paused." if paused else "Weekly digest resumed.", ephemeral=True)

    @app_commands.command(name="pause", description="Stop posting the weekly digest until resumed")
    async def pause(self, interaction: discord.Interaction) -> None:
        await self._pause(interaction, True)

    @app_commands.command(name="resume", description="Post the weekly digest again")
    async def resume(self, interaction: discord.Interaction) -> None:
        await self._pause(interaction, False)

    @app_commands.command(name="alerts", description="Where to say when a source fails or a digest can't be posted")
    @app_commands.describe(channel="The alerts channel (leave empty to switch alerts off)")
    async def alerts(self, interaction: discord.Interaction, channel: discord.TextChannel | None = None) -> None:
        await set_alerts_channel(self.bot.store, guild_id(interaction), channel.id if channel else None)
        text = f"Alerts will go to {channel.mention}." if channel else "Alerts are off."
        await reply(interaction, text, ephemeral=True)

    @app_commands.command(name="post", description="Post this week's digest now (once per week)")
    async def post(self, interaction: discord.Interaction) -> None:
        server = guild_id(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.digests.post_now(server)
        if result.outcome is PostOutcome.NO_SCHEDULE:
            raise InputError("set the digest channel first with /schedule set")
        text = post_line(result.post) if result.post else f"{result.week}: {result.outcome.value}"
        if result.outcome is PostOutcome.ALREADY_POSTED:
            text = f"Already posted this week. {text}"
        await reply(interaction, text, ephemeral=True)


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(ScheduleCog(bot))
