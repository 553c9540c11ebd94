"""Look-ups both adapters answer: an article by reference, its summary, search, quotations by speaker."""

from __future__ import annotations

import asyncio
import logging

from bot.config import Settings
from bot.core.files import printable
from bot.core.models import StoredArticle, StoredQuote
from bot.core.records import SpeakerCount
from bot.core.sentences import split_sentences
from bot.core.speaker_index import SpeakerIndex
from bot.core.summarise import summarise
from bot.errors import InputError, NotFoundError
from bot.store import Store
from bot.store.sql import MAX_QUERY_WORDS, clip, query_words

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 6_000  # what a Discord option can carry; longer text is refused at once, unread
MAX_NAME_CHARS = 200  # a speaker's name: longer text names no one
MAX_RESULTS = 100  # articles, quotations or summary sentences one answer holds, whatever `--limit` asks
MAX_OFFSET = 1_000_000  # paging further finds nothing; SQLite takes no integer over 2**63


def bounded(text: str, what: str = "query", limit: int = MAX_QUERY_CHARS) -> str:
    """Return user text for a look-up, refusing over-long text in one line before any work is done.

    A query of more than MAX_QUERY_WORDS distinct words is answered from its first ones, and said so.
    """
    if len(text) > limit:
        raise InputError(f"the {what} is {len(text):,} characters long; at most {limit:,} are allowed")
    text = printable(text)  # bytes of an argument that were not UTF-8
    note = cut_query_note(text) if what != "speaker" else None
    if note:
        log.warning("%s: %s", what, note)
    return text


def cut_query_note(text: str) -> str | None:
    """Say which words of a long query were left out, so an adapter can tell the user and not only the log."""
    words = len(query_words(text))
    if words <= MAX_QUERY_WORDS:
        return None
    return f"only the first {MAX_QUERY_WORDS} of your {words} different words were used"


async def find_article(store: Store, reference: str, guild_id: int | None = None) -> StoredArticle:
    """Resolve an article by id, file name, URL or title words; NotFoundError when nothing matches."""
    reference = bounded(reference, "article reference")
    ids = await store.find_article_ids(reference, limit=1, guild_id=guild_id)
    if not ids:
        raise NotFoundError(f"no article matches {clip(reference, 80)!r}")
    return (await store.get_articles(ids))[0]


async def article_choices(
    store: Store, reference: str, limit: int = 10, guild_id: int | None = None
) -> list[StoredArticle]:
    """Every article a reference may mean (best first), so an adapter can list them instead of guessing."""
    reference = bounded(reference, "article reference")
    ids = await store.find_article_ids(reference, limit=limit, guild_id=guild_id)
    if not ids:
        raise NotFoundError(f"no article matches {clip(reference, 80)!r}")
    return await store.get_articles(ids, with_quotes=False)


async def get_article(store: Store, article_id: int) -> StoredArticle:
    """Return one stored article by id; NotFoundError when it is gone."""
    found = await store.get_articles([article_id])
    if not found:
        raise NotFoundError(f"no article {article_id}")
    return found[0]


async def summary_lines(
    settings: Settings, article: StoredArticle, sentences: int | None = None, algorithm: str | None = None
) -> list[str]:
    """The stored summary when it is what was asked for (the configured length and algorithm), else a new one."""
    count = min(sentences or settings.summary_sentences, MAX_RESULTS)
    if count == settings.summary_sentences and algorithm is None and article.summary:
        return list(article.summary)
    return await article_summary(article, count, algorithm or settings.summary_algorithm)


async def article_summary(article: StoredArticle, sentences: int, algorithm: str) -> list[str]:
    """Summarise a stored article at any length (the stored summary has the configured length)."""
    split = await asyncio.to_thread(split_sentences, article.body)
    chosen = await asyncio.to_thread(summarise, split, sentences, algorithm)
    return [split[i].text for i in chosen]


async def search_articles(
    store: Store, query: str, limit: int = 10, guild_id: int | None = None
) -> list[StoredArticle]:
    """Return the stored articles best matching the query's words."""
    ids = await store.search_article_ids(bounded(query), min(limit, MAX_RESULTS), guild_id=guild_id)
    return await store.get_articles(ids, with_quotes=False)


async def find_quotes(
    store: Store, speaker: str | None = None, about: str | None = None, limit: int = 10, offset: int = 0,
    guild_id: int | None = None,
) -> list[StoredQuote]:
    """Look up full quotations by speaker (fuzzy) and/or topic words, newest first."""
    speaker_ids = None
    about = bounded(about) if about else about
    if speaker:
        speaker_ids = (await speaker_index(store)).match(bounded(speaker, "speaker", MAX_NAME_CHARS))
    return await store.find_quotes(speaker_ids, about, limit=min(limit, MAX_RESULTS),
                                   offset=min(offset, MAX_OFFSET), guild_id=guild_id)


_index: tuple[list[tuple[int, str]], SpeakerIndex] | None = None


async def speaker_index(store: Store) -> SpeakerIndex:
    """Return the index of speaker names, rebuilt only when the store's list of speakers changes."""
    global _index
    names = await store.speaker_names()
    if _index is None or _index[0] is not names:
        _index = (names, SpeakerIndex(names))
    return _index[1]


async def speakers(store: Store, guild_id: int | None = None) -> list[SpeakerCount]:
    """Every quoted person the server (None: the operator) can see, most quoted first."""
    return await store.speakers(guild_id)


async def article_titles(store: Store, typed: str, limit: int, guild_id: int | None = None) -> list[tuple[int, str]]:
    """(id, title) of the newest articles whose title matches what the user is typing."""
    return await store.titles_matching(typed[:MAX_QUERY_CHARS], limit, guild_id=guild_id)
