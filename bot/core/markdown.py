"""Render a digest as Markdown (the file written to digests/), and the wording both adapters share.

Every text that comes from an article (titles, summaries, quotations, names) passes through `escape`,
so a title such as "*independent* review [draft]" shows as written instead of turning into formatting
or a broken link, and control characters (terminal escapes, NULs) never reach a file or a post.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.core.digest import Digest, DigestItem, SourceRef, shorten_quote
from bot.core.models import ORGANISATION, StoredArticle

NO_ARTICLES = "No new articles since the last digest."
OLD_AFTER = timedelta(days=60)  # an article published this long before its digest's week is flagged as old
# C0 and C1 control characters except newline and tab; an ESC sequence such as ESC[31m goes whole.
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MARKDOWN = re.compile(r"([\\`*_~|\[\]<>#])")
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+\.)(?=\s)", re.MULTILINE)
_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"}


def strip_controls(text: str) -> str:
    """Remove control characters (and whole terminal escape sequences); tabs become spaces."""
    return _CONTROL.sub("", text.replace("\t", " "))


def escape(text: str) -> str:
    """Make article text literal in Markdown (Discord's too): formatting marks, link brackets, list starts."""
    text = _MARKDOWN.sub(r"\\\1", strip_controls(text))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def link(text: str, url: str) -> str:
    """A Markdown link whose text and address cannot break out of it."""
    safe = "".join(_URL_UNSAFE.get(ch, ch) for ch in strip_controls(url))
    return f"[{escape(text)}]({safe})"


def format_day(day: date | None) -> str:
    """Format a date the way UK readers write it: 8 June 2022."""
    return f"{day.day} {day:%B %Y}" if day else "date unknown"


def published_note(published: date | None, received: date | None = None) -> str:
    """When an article was published; an old one (long before the week it was received) stands out in bold, with
    its year first when that is another year.

    "published 8 June 2022", "**published 1 September 2026**" for a digest in late November 2026, or
    "**published 2017**, 11 August 2017" for an article that came in years late.
    """
    if published is None:
        return "publication date unknown"
    if received is not None and published < received - OLD_AFTER:
        if published.year == received.year:
            return f"**published {format_day(published)}**"
        return f"**published {published.year}**, {format_day(published)}"
    return f"published {format_day(published)}"


def source_line(ref: SourceRef, received: date | None = None) -> str:
    """Describe one outlet's article: publisher, title (linked when we have a URL) and publication date."""
    title = ref.title or ref.source_key
    title_md = link(title, ref.url) if ref.url else f"*{escape(title)}*"
    who = f"{escape(ref.publisher)}: " if ref.publisher else ""
    return f"{who}{title_md} ({published_note(ref.published, received)})"


def quote_attribution(speaker: str, role: str | None, kind: str | None = None) -> str:
    """Name a speaker with their role: "Ann Lee, chief executive of the trust" (escaped).

    An organisation's words are its statement, "Care England (statement)", so that they never read as
    the words of a person named Care England.
    """
    if kind == ORGANISATION:
        return escape(f"{speaker} (statement)")
    return escape(f"{speaker}, {role}" if role else speaker)


def speaker_label(name: str, kind: str | None) -> str:
    """A speaker as a list of speakers shows them (plain text): an organisation says that it is one."""
    return f"{name} (organisation)" if kind == ORGANISATION else name


def byline(article: StoredArticle) -> str:
    """Publisher, author and publication date of an article, the parts that are known (plain text)."""
    parts = (article.publisher, article.author, published_note(article.published))
    return strip_controls(" · ".join(x for x in parts if x))


def digest_title(digest: Digest) -> str:
    """The digest's heading, also the name of its forum post."""
    return f"News digest, week {digest.week}"


def digest_span(digest: Digest) -> str:
    """What the digest holds: articles received in its week (each source line says when it was published)."""
    return (
        f"Articles received {format_day(digest.start)} to {format_day(digest.end)}; "
        "each source shows when it was published."
    )


def digest_count(digest: Digest) -> str:
    """How many stories from how many articles, or that there was nothing new."""
    if not digest.items:
        return NO_ARTICLES
    stories, articles = len(digest.items), digest.article_count
    return (
        f"{stories} {'story' if stories == 1 else 'stories'} from {articles} "
        f"{'article' if articles == 1 else 'articles'}."
    )


def headline(item: DigestItem) -> str:
    """A story's headline, escaped, on one line."""
    return escape(" ".join(item.headline.split()))


def item_parts(item: DigestItem, received: date | None = None, *, bold_labels: bool = False) -> list[str]:
    """One story's summary, pull quote and sources, as Markdown blocks (Discord bolds the label)."""
    parts = []
    if item.summary:
        parts.append(escape(" ".join(" ".join(item.summary).split())))
    if item.quote and item.quote.speaker:
        quote = escape(" ".join(shorten_quote(item.quote.text).split()))
        who = quote_attribution(item.quote.speaker, item.quote.role, item.quote.speaker_kind)
        parts.append(f"> “{quote}”\n> — {who}")
    label = "Sources" if len(item.sources) > 1 else "Source"
    label = f"**{label}:**" if bold_labels else f"{label}:"
    parts.append(label + "\n" + "\n".join(f"- {source_line(ref, received)}" for ref in item.sources))
    return parts


def render_markdown(digest: Digest) -> str:
    """Render the whole digest; the same digest always gives the same text."""
    head = f"# {digest_title(digest)}\n\n{digest_span(digest)}\n\n{digest_count(digest)}"
    if not digest.items:
        return head + "\n"
    body = [
        "\n\n".join([f"## {number}. {headline(item)}", *item_parts(item, digest.start)])
        for number, item in enumerate(digest.items, start=1)
    ]
    return head + "\n\n" + "\n\n".join(body) + "\n"
