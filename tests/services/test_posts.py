"""Alerts are noted as told only once Discord accepted them (real SQLite store)."""

from __future__ import annotations

from bot.services import posts
from bot.store import Store

GUILD = 4242


async def test_a_refused_alert_is_not_noted_and_goes_out_at_the_next_try(store: Store) -> None:
    key = posts.source_alert(7)
    sent: list[str] = []

    async def refused() -> bool:
        return False

    async def accepted() -> bool:
        sent.append(key)
        return True

    assert not await posts.alert_once(store, GUILD, key, refused)
    assert await store.alert_keys(GUILD) == set()
    assert await posts.alert_once(store, GUILD, key, accepted)
    assert await store.alert_keys(GUILD) == {key}
    assert not await posts.alert_once(store, GUILD, key, accepted)  # told once
    assert sent == [key]
