"""Whether a speaker is a person or an organisation, kept per quotation on each engine: what `speakers` and
quotation look-ups report, a name quoted as both, and quotations stored before kinds were kept."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from importlib import resources

import asyncpg
import pytest

from bot.core.models import ORGANISATION, PERSON
from bot.store import Store
from bot.store.database import statements
from bot.store.engine import is_postgres
from tests.store.test_queries import make_article, quote

TEXT = "Care homes need more staff this winter,"


async def save(store: Store, key: str, speaker: str, kind: str | None, role: str | None = None) -> None:
    """Save an article of its own (keyed `key`) with one quotation by `speaker` of this kind."""
    body = f"“{TEXT}” said {speaker}. More"
    said = replace(quote(TEXT, body, speaker), role=role, speaker_kind=kind)
    source = await store.ensure_source("folder", "/seeds", "seeds")
    article = make_article(body, title=key, quotes=(said,), digest=key)
    await store.save_article(source, key, None, key, article, [], {speaker: speaker.casefold()})


async def test_speakers_report_the_kind_their_quotations_were_attributed_with(store: Store) -> None:
    await save(store, "a", "Care England", ORGANISATION)
    await save(store, "b", "Ann Lee", PERSON, "chief executive of Care England")
    await save(store, "c", "Care England", ORGANISATION)
    kinds = {s.name: (s.quotes, s.kind) for s in await store.speakers()}
    assert kinds == {"Care England": (2, ORGANISATION), "Ann Lee": (1, PERSON)}
    found = await store.find_quotes(about="staff")
    assert sorted((q.speaker, q.speaker_kind) for q in found) == [
        ("Ann Lee", PERSON), ("Care England", ORGANISATION), ("Care England", ORGANISATION)]


async def test_a_name_quoted_as_both_kinds_takes_the_kind_of_most_of_its_quotations(store: Store) -> None:
    await save(store, "a", "Harbour", ORGANISATION)
    await save(store, "b", "Harbour", PERSON)
    # a tie keeps the reading shown before kinds were kept: a person
    assert [(s.name, s.kind) for s in await store.speakers()] == [("Harbour", PERSON)]
    await save(store, "c", "Harbour", ORGANISATION)
    assert [(s.name, s.kind) for s in await store.speakers()] == [("Harbour", ORGANISATION)]
    # each quotation still says what it was
    kinds = sorted(str(q.speaker_kind) for q in await store.find_quotes(about="staff"))
    assert kinds == [ORGANISATION, ORGANISATION, PERSON]


async def test_a_quotation_without_a_speaker_has_no_kind(store: Store) -> None:
    await save(store, "a", "Ann Lee", PERSON)
    body = f"“{TEXT}” said nobody. More"
    stray = replace(quote(TEXT, body, None), speaker_kind=PERSON)
    source = await store.ensure_source("folder", "/seeds", "seeds")
    await store.save_article(source, "b", None, "b", make_article(body, title="b", quotes=(stray,), digest="b"), [], {})
    found = await store.find_quotes(about="staff")
    assert sorted((q.speaker or "", str(q.speaker_kind)) for q in found) == [("", "None"), ("Ann Lee", PERSON)]


async def test_quotations_stored_before_kinds_are_people_when_they_have_a_role_else_unknown(
    store: Store, database_url: str
) -> None:
    await save(store, "a", "Ann Lee", PERSON, "chief executive of Care England")
    await save(store, "b", "Bob Stone", PERSON)
    await save(store, "c", "Care England", ORGANISATION)
    # the schema and rows as they were before the migration, then the migration itself
    await store.conn.execute("ALTER TABLE quotes DROP COLUMN speaker_kind")
    if is_postgres(database_url):
        sql = resources.files("bot.store.postgres.migrations").joinpath("0005_speaker_kind.sql")
    else:
        sql = resources.files("bot.store.migrations").joinpath("0007_speaker_kind.sql")
    for statement in statements(sql.read_text(encoding="utf-8")):
        await store.conn.execute(statement)
    kinds = {s.name: s.kind for s in await store.speakers()}
    assert kinds == {"Ann Lee": PERSON, "Bob Stone": None, "Care England": None}


async def test_the_kind_column_takes_only_the_two_kinds(store: Store) -> None:
    await save(store, "a", "Ann Lee", PERSON)
    with pytest.raises((sqlite3.IntegrityError, asyncpg.exceptions.CheckViolationError)):
        await store.conn.execute("UPDATE quotes SET speaker_kind = 'robot'")
