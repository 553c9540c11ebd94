"""/quote tells an organisation's statement from a person's words: in its speaker choices and its lines."""

from __future__ import annotations

from bot.discord_app.client import DigestBot
from tests.discord_app.conftest import add_article, answer
from tests.fakes import FakeDiscord

UNION_ARTICLE = """Union warns over day centre staff

By Sam Writer

The Allied Care Union has written to Harbour Borough Council about staff at its day centres.

"Staff have been left in the dark for months and deserve answers," a spokesperson for the Allied Care Union said.

"Nobody has asked the people who run these centres what they think," said Tom Baxter, a union organiser.
"""


async def test_quote_labels_organisations_in_choices_and_attributes_their_statements(
    fake_discord: FakeDiscord, bot: DigestBot
) -> None:
    await add_article(bot.store, UNION_ARTICLE, guild_id=0, key="union.txt")
    typing = await fake_discord.push_autocomplete("quote", {"speaker": "allied"}, focused="speaker")
    choices = (await fake_discord.wait_for_interaction_response(typing.id)).data["choices"]
    assert [(c["name"], c["value"]) for c in choices] == [("Allied Care Union (organisation)", "Allied Care Union")]
    typing = await fake_discord.push_autocomplete("quote", {"speaker": "baxter"}, focused="speaker")
    choices = (await fake_discord.wait_for_interaction_response(typing.id)).data["choices"]
    assert [(c["name"], c["value"]) for c in choices] == [("Tom Baxter", "Tom Baxter")]

    pushed = await fake_discord.push_command("quote", {"speaker": "Allied Care Union"})
    [message] = await answer(fake_discord, pushed)
    text = message["embeds"][0]["description"]
    assert "— **Allied Care Union (statement)** ·" in text and "Tom Baxter" not in text
