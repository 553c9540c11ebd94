"""Plain data passed between the pipeline stages, the store and the adapters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a cleaned body; `start`/`end` are offsets into that body."""

    text: str
    start: int
    end: int
    paragraph: int


# What kind of speaker a quotation has: a named or described person, or an organisation speaking as one
# ("the council said", "a spokesperson for the Department of Health said"); None when unknown.
PERSON = "person"
ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation; `spans` locate each part (split quotes have several) in the body."""

    text: str
    speaker: str | None
    role: str | None
    partial: bool
    spans: tuple[tuple[int, int], ...]
    speaker_kind: str | None = None  # PERSON or ORGANISATION; None when there is no speaker

    @property
    def start(self) -> int:
        return self.spans[0][0]


@dataclass(frozen=True, slots=True)
class CleanText:
    """The article body with page furniture removed, plus what was removed (kept for metadata)."""

    body: str
    title: str | None
    removed: tuple[str, ...] = ()
    edges: tuple[str, str] = ("", "")  # the body's first and last paragraphs as the page has them (hard-wrapped)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What we know about an article; unknown fields stay None rather than being guessed."""

    title: str | None = None
    published: date | None = None
    author: str | None = None
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class ProcessedArticle:
    """Everything the pipeline derives from one raw article."""

    meta: Metadata
    body: str
    sentences: tuple[Sentence, ...]
    summary: tuple[int, ...]  # indices into `sentences`, in article order
    quotes: tuple[Quote, ...]
    content_hash: str

    @property
    def summary_sentences(self) -> list[str]:
        return [self.sentences[i].text for i in self.summary]


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """A quotation as read back from the store, with the article it came from."""

    id: int
    text: str
    speaker: str | None
    role: str | None
    article_id: int
    article_title: str | None
    article_url: str | None
    published: date | None
    position: int
    speaker_kind: str | None = None  # PERSON, ORGANISATION, or None: unknown (stored before kinds were)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as read back from the store."""

    id: int
    title: str | None
    url: str | None
    source_key: str
    published: date | None
    author: str | None
    publisher: str | None
    body: str
    summary: tuple[str, ...]
    ingested_at: str
    quotes: tuple[StoredQuote, ...] = field(default=())
