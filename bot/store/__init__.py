"""SQLite storage: the only package that speaks SQL.

`Store` is the whole interface callers use (`from bot.store import Store`). It is assembled from one mixin per
group of tables, each module holding its own SQL:

- base.py: the connection, `open`/`close`, `transaction`, row fetching (no table)
- sql.py: shared helpers: visibility clauses, FTS5 queries, timestamps (no table)
- articles.py: articles, article_sources, sentences, line_counts, articles_fts
- quotes.py: quotes, speakers, quotes_fts
- sources.py: sources
- digests.py: digests
- guilds.py: guild_settings, guild_filters, guild_alerts, and forgetting a server
- posts.py: digest_posts
- leases.py: the poll lease columns of sources (several pollers on one database)
- database.py: connecting, pragmas and migrations
"""

from __future__ import annotations

from bot.store.articles import ArticlesMixin
from bot.store.digests import DigestsMixin
from bot.store.guilds import GuildsMixin
from bot.store.leases import LeasesMixin
from bot.store.posts import PostsMixin
from bot.store.quotes import QuotesMixin
from bot.store.sources import SourcesMixin

__all__ = ["Store"]


class Store(DigestsMixin, ArticlesMixin, QuotesMixin, GuildsMixin, SourcesMixin, PostsMixin, LeasesMixin):
    """The database: one aiosqlite connection, every write inside a transaction."""
