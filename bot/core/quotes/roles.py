"""The roles an article gives its people: learned where they are named with one, found again where they are not."""

from __future__ import annotations

from bot.core.quotes.names import name_words, speaker_key
from bot.core.quotes.offices import in_office
from bot.core.quotes.phrases import Mention
from bot.core.quotes.rolewords import introduced_role


class Roles:
    """The roles an article gives its people, found again by surname when a quote names them without one."""

    def __init__(self, text: str) -> None:
        self._given: dict[str, tuple[str, str]] = {}  # speaker key -> the first role given, and to which name
        self._text = text
        self._introduced: dict[str, str | None] = {}  # name -> the role the article brought them in with

    def learn(self, name: str, role: str | None) -> None:
        if role:
            self._given.setdefault(speaker_key(name), (role, name))

    def of(self, name: str, written: str = "") -> str:
        """The role the article gave a person, found by their surname or by the name as `written` ("Bethan,
        carer"); not one given to another of that surname ("Her brother, Stephen Greaves" is not Pauline Greaves)."""
        mine = {w.lower() for w in name_words(name)}
        for key in dict.fromkeys(speaker_key(form) for form in (name, written) if form):
            role, whose = self._given.get(key, ("", ""))
            theirs = {w.lower() for w in name_words(whose)}
            if role and (mine <= theirs or theirs <= mine):
                return role
        return ""

    def introduced(self, name: str) -> str | None:
        """`introduced_role` of a name, searched for once an article, not once a quote: a long article is long."""
        if name not in self._introduced:
            self._introduced[name] = introduced_role(self._text, name)
        return self._introduced[name]

    def holding(self, office: str) -> list[str]:
        """The names the article gave a role that is this office (see in_office)."""
        return [name for role, name in self._given.values() if in_office(role.lower(), office)]

    def given(self, mention: Mention) -> str:
        """The role a mention of a person carries or the article gave them, in lower case."""
        return (mention.role or self.of(mention.name)).lower() if mention.kind == "person" else ""

    def relative(self, relative: str) -> tuple[str, str | None]:
        """A relative as name and role: "her husband" is Emmanuel after "Her husband (of 46 years), Emmanuel, said",
        else is only "her husband"."""
        named = (name for given, name in self._given.values() if given.lower().partition(" of ")[0] == relative)
        return next(((name, relative) for name in named), (relative, None))

