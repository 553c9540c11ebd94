"""Render a digest as Markdown: the file written to digests/ and shown in the terminal."""

from __future__ import annotations

from datetime import date

from bot.core.digest import Digest, DigestItem, SourceRef, shorten_quote


def format_day(day: date | None) -> str:
    """Format a date the way UK readers write it: 8 June 2022."""
    return f"{day.day} {day:%B %Y}" if day else "date unknown"


def source_line(ref: SourceRef) -> str:
    """Describe one outlet's article: publisher, title (linked when we have a URL) and date."""
    title = ref.title or ref.source_key
    title_md = f"[{title}]({ref.url})" if ref.url else f"*{title}*"
    who = f"{ref.publisher}: " if ref.publisher else ""
    return f"{who}{title_md} ({format_day(ref.published)})"


def quote_attribution(speaker: str, role: str | None) -> str:
    return f"{speaker}, {role}" if role else speaker


def _item_markdown(number: int, item: DigestItem) -> str:
    lines = [f"## {number}. {item.headline}", ""]
    if item.summary:
        lines += [" ".join(item.summary), ""]
    if item.quote and item.quote.speaker:
        lines += [
            f"> “{shorten_quote(item.quote.text)}”",
            f"> — {quote_attribution(item.quote.speaker, item.quote.role)}",
            "",
        ]
    label = "Sources" if len(item.sources) > 1 else "Source"
    lines.append(f"{label}:")
    lines += [f"- {source_line(ref)}" for ref in item.sources]
    return "\n".join(lines)


def render_markdown(digest: Digest) -> str:
    """Render the whole digest; the same digest always gives the same text."""
    head = [
        f"# News digest, week {digest.week}",
        "",
        f"{format_day(digest.start)} to {format_day(digest.end)}",
        "",
    ]
    if not digest.items:
        head.append("No new articles since the last digest.")
        return "\n".join(head) + "\n"
    stories = len(digest.items)
    head.append(
        f"{stories} {'story' if stories == 1 else 'stories'} from {digest.article_count} "
        f"{'article' if digest.article_count == 1 else 'articles'}."
    )
    body = [_item_markdown(i, item) for i, item in enumerate(digest.items, start=1)]
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"
