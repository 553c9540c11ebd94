"""Open the database for an adapter: adapters hold a store but never import the store package."""

from __future__ import annotations

from bot.config import Settings
from bot.store import Store
from bot.store.engine import open_database

__all__ = ["Store", "open_store"]


async def open_store(settings: Settings) -> Store:
    """Open (creating and migrating if needed) the configured database: DIGESTBOT_DATABASE_URL, else DIGESTBOT_DB."""
    return await open_database(settings.database_url or settings.db_path)
