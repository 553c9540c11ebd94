"""Render a digest as Markdown (the file written to digests/), and the wording both adapters share."""

from __future__ import annotations

from datetime import date

from bot.core.digest import Digest, DigestItem, SourceRef, shorten_quote
from bot.core.models import StoredArticle

NO_ARTICLES = "No new articles since the last digest."


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
    """Name a speaker with their role: "Ann Lee, chief executive of the trust"."""
    return f"{speaker}, {role}" if role else speaker


def byline(article: StoredArticle) -> str:
    """Publisher, author and date of an article, the parts that are known."""
    return " · ".join(x for x in (article.publisher, article.author, format_day(article.published)) if x)


def digest_title(digest: Digest) -> str:
    """The digest's heading, also the name of its forum post."""
    return f"News digest, week {digest.week}"


def digest_span(digest: Digest) -> str:
    """The days the digest's week covers."""
    return f"{format_day(digest.start)} to {format_day(digest.end)}"


def digest_count(digest: Digest) -> str:
    """How many stories from how many articles, or that there was nothing new."""
    if not digest.items:
        return NO_ARTICLES
    stories, articles = len(digest.items), digest.article_count
    return (
        f"{stories} {'story' if stories == 1 else 'stories'} from {articles} "
        f"{'article' if articles == 1 else 'articles'}."
    )


def item_parts(item: DigestItem, *, bold_labels: bool = False) -> list[str]:
    """One story's summary, pull quote and sources, as Markdown blocks (Discord bolds the label)."""
    parts = []
    if item.summary:
        parts.append(" ".join(item.summary))
    if item.quote and item.quote.speaker:
        quote = " ".join(shorten_quote(item.quote.text).split())
        parts.append(f"> “{quote}”\n> — {quote_attribution(item.quote.speaker, item.quote.role)}")
    label = "Sources" if len(item.sources) > 1 else "Source"
    label = f"**{label}:**" if bold_labels else f"{label}:"
    parts.append(label + "\n" + "\n".join(f"- {source_line(ref)}" for ref in item.sources))
    return parts


def render_markdown(digest: Digest) -> str:
    """Render the whole digest; the same digest always gives the same text."""
    head = f"# {digest_title(digest)}\n\n{digest_span(digest)}\n\n{digest_count(digest)}"
    if not digest.items:
        return head + "\n"
    body = [
        "\n\n".join([f"## {number}. {item.headline}", *item_parts(item)])
        for number, item in enumerate(digest.items, start=1)
    ]
    return head + "\n\n" + "\n\n".join(body) + "\n"
