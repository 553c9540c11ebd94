"""Discord embeds for digests, summaries, quotations and search results, cut to fit Discord's limits.

Embeds are built from the same Digest the Markdown file is rendered from, and reuse its wording and
escaping helpers. Discord's limits live here and only here: every embed goes through `fit_embed` and
every plain message through `fit_content`, so nothing the bot sends is refused for its size.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import discord
from discord import app_commands

from bot.core.digest import Digest, DigestItem
from bot.core.markdown import (
    byline,
    digest_count,
    digest_span,
    digest_title,
    escape,
    format_day,
    headline,
    item_parts,
    link,
    quote_attribution,
    strip_controls,
)
from bot.core.models import StoredArticle, StoredQuote
from bot.core.records import DigestPost

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELD_NAME = 256
EMBED_FIELD_VALUE = 1024
EMBED_FOOTER = 2048
EMBED_AUTHOR = 256
EMBED_CHARS = 6000  # one embed, all its parts together
MESSAGE_CHARS = 6000  # all embeds of one message together
MESSAGE_EMBEDS = 10
CONTENT_CHARS = 2000  # a message's plain text
CHOICES = 25
CHOICE_CHARS = 100
THREAD_NAME = 100

COLOUR = discord.Colour(0x2F6F9F)
ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """Cut text to `limit` characters, marking the cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def clip_lines(text: str, limit: int) -> str:
    """Cut text at a line break (else anywhere) so it fits in `limit` characters, marking the cut."""
    if len(text) <= limit:
        return text
    head = text[: limit - 2]
    cut = head.rfind("\n")
    if cut < limit // 2:
        return clip(text, limit)
    return head[:cut].rstrip() + "\n" + ELLIPSIS


def fit_content(text: str) -> str:
    """Plain message text without control characters, cut to Discord's 2,000 characters."""
    return clip_lines(strip_controls(text), CONTENT_CHARS)


def fit_embed(made: discord.Embed) -> discord.Embed:
    """Cut every part of an embed to its limit, then the description so the whole is at most 6,000."""
    if made.title:
        made.title = clip(strip_controls(made.title), EMBED_TITLE)
    if made.author.name:
        made.set_author(name=clip(made.author.name, EMBED_AUTHOR), url=made.author.url, icon_url=made.author.icon_url)
    if made.footer.text:
        made.set_footer(text=clip(strip_controls(made.footer.text), EMBED_FOOTER), icon_url=made.footer.icon_url)
    for index, field in enumerate(made.fields):
        name, value = clip(field.name or "-", EMBED_FIELD_NAME), clip_lines(field.value or "-", EMBED_FIELD_VALUE)
        made.set_field_at(index, name=name, value=value, inline=bool(field.inline))
    if made.description:
        made.description = clip_lines(made.description, EMBED_DESCRIPTION)
    over = len(made) - EMBED_CHARS
    if over > 0 and made.description:
        made.description = clip_lines(made.description, max(len(made.description) - over, 1))
    over = len(made) - EMBED_CHARS
    if over > 0 and made.footer.text:  # only a description too short to absorb the excess leaves this
        made.set_footer(text=clip(made.footer.text, max(len(made.footer.text) - over, 1)))
    return made


def choice(name: str, value: str) -> app_commands.Choice[str]:
    """An autocomplete choice within Discord's 100-character limits."""
    label = clip(" ".join(name.split()), CHOICE_CHARS) or "untitled"
    return app_commands.Choice(name=label, value=value[:CHOICE_CHARS])


def embed(
    title: str | None, description: str, *, url: str | None = None, footer: str | None = None
) -> discord.Embed:
    """An embed in the bot's colour with every part cut to its limit (the description is Markdown, escaped
    by the caller; title and footer are plain text)."""
    made = discord.Embed(title=title or None, description=description or None, url=url, colour=COLOUR)
    if footer:
        made.set_footer(text=footer)
    return fit_embed(made)


def split_messages(embeds: Sequence[discord.Embed]) -> list[list[discord.Embed]]:
    """Pack embeds, in order, into messages of at most 10 embeds and 6000 characters (an oversize one is cut)."""
    messages: list[list[discord.Embed]] = []
    current: list[discord.Embed] = []
    size = 0
    for item in embeds:
        length = len(item)
        if length > MESSAGE_CHARS:
            item = fit_embed(item)
            length = len(item)
        if current and (len(current) == MESSAGE_EMBEDS or size + length > MESSAGE_CHARS):
            messages.append(current)
            current, size = [], 0
        current.append(item)
        size += length
    if current:
        messages.append(current)
    return messages


# -- digests -----------------------------------------------------------------------------------------


def _digest_head(digest: Digest) -> discord.Embed:
    return embed(digest_title(digest), f"{digest_span(digest)}\n\n{digest_count(digest)}")


def item_text(item: DigestItem, received: date | None = None) -> str:
    """One story's summary, quotation and sources, in Discord's Markdown (the file's wording)."""
    return "\n\n".join(item_parts(item, received, bold_labels=True))


def item_embed(number: int, item: DigestItem, received: date | None = None) -> discord.Embed:
    """One story as one embed, its headline linking to the first source with a URL."""
    url = next((ref.url for ref in item.sources if ref.url), None)
    return embed(f"{number}. {headline(item)}", item_text(item, received), url=url)


def digest_embeds(digest: Digest) -> list[discord.Embed]:
    """The digest as a heading embed followed by one embed per story."""
    items = (item_embed(n, item, digest.start) for n, item in enumerate(digest.items, start=1))
    return [_digest_head(digest), *items]


def digest_messages(digest: Digest) -> list[list[discord.Embed]]:
    """The digest's embeds split across messages at story boundaries."""
    return split_messages(digest_embeds(digest))


# -- articles ----------------------------------------------------------------------------------------


def summary_embed(article: StoredArticle, sentences: Sequence[str]) -> discord.Embed:
    """An article's summary as bullet points under its (linked) title."""
    body = "\n".join(f"- {escape(s)}" for s in sentences) or "No summary: the article has no sentences."
    return embed(article.title or article.source_key, body, url=article.url, footer=byline(article))


def search_embeds(articles: Sequence[StoredArticle]) -> list[discord.Embed]:
    """One embed per matching article with its stored summary."""
    return [
        embed(
            a.title or a.source_key,
            escape(" ".join(a.summary)) or "No summary stored.",
            url=a.url,
            footer=f"#{a.id} · {byline(a)}",
        )
        for a in articles
    ]


# -- quotations --------------------------------------------------------------------------------------


def quote_block(quote: StoredQuote, limit: int = EMBED_DESCRIPTION) -> str:
    """A full quotation with who said it, where (linked) and when; only a quotation over `limit` is cut."""
    who = quote_attribution(quote.speaker or "unattributed", quote.role, quote.speaker_kind)
    title = quote.article_title or "untitled"
    where = link(title, quote.article_url) if quote.article_url else f"*{escape(title)}*"
    tail = f"”\n— **{who}** · {where} · {format_day(quote.published)}"
    text = clip(escape(" ".join(quote.text.split())), max(limit - len(tail) - 3, 1))
    return clip(f"> “{text}{tail}", limit)


def quote_page(quotes: Sequence[StoredQuote], heading: str, page: int) -> tuple[discord.Embed, int]:
    """As many whole quotations as fit in one embed, in order; returns the embed and how many it shows."""
    blocks: list[str] = []
    size = 0
    for quote in quotes:
        block = quote_block(quote)
        if blocks and size + len(block) + 2 > EMBED_DESCRIPTION:
            break
        blocks.append(block)
        size += len(block) + 2
    text = "\n\n".join(blocks) or "No quotations match."
    return embed(heading, text, footer=f"Page {page} · newest first"), len(blocks)


# -- posts -------------------------------------------------------------------------------------------


def message_link(guild_id: int, channel_id: int, message_id: int) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"


def post_line(post: DigestPost) -> str:
    """Where a week's digest post stands, with a link to it once it exists."""
    where = post.thread_id or post.channel_id
    link = f" ({message_link(post.guild_id, where, post.message_id)})" if post.message_id else ""
    if post.status == "posted":
        return f"{post.week}: posted in <#{post.channel_id}>{link}"
    if post.status == "posting":
        return f"{post.week}: being posted in <#{post.channel_id}>"
    state = "failed, will be retried" if post.status == "failed" else "not posted, needs attention"
    return f"{post.week}: {state}: {post.error}"
