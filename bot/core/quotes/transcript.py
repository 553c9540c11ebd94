"""Transcript lines as quotations: in a committee write-up or an interview a speaker's label, not quote marks,
says who is speaking ("Jack Penhaligon: Minister, has the Department modelled…", "The minister: There isn't…")."""

from __future__ import annotations

import re

from bot.core.models import Quote
from bot.core.quotes.people import ArticleSpeakers

# A paragraph that opens with a speaker's label: a name ("Nuala", "Dr Ann Lee") or "The minister", then a colon
_LINE = re.compile(r"(?P<label>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}|The [a-z]+(?: [a-z]+)?): (?=\S)")
_MIN_WORDS = 6  # "Update: see below" is no one speaking
_MIN_LINES = 2


def labelled_lines(text: str, paragraphs: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Return the paragraphs that open with a speaker's label and say enough to be someone speaking."""
    found = (_LINE.match(text, start, end) for start, end in paragraphs)
    return [line for line in found if line is not None and len(text[line.end() : line.endpos].split()) >= _MIN_WORDS]


def transcript_quotes(text: str, lines: list[re.Match[str]], speakers: ArticleSpeakers) -> list[Quote]:
    """Return the labelled lines whose label names someone the article names elsewhere, as their quotations.

    A label the article never uses for a person ("Tags:", "Inquiry:", "Read more:") is page furniture, and so
    is a lone labelled line ("Privacy Notice: …"): a transcript gives each speaker a line, or one several.
    """
    found = []
    for line in lines:
        speaker = None if speakers.inside_quote(line.pos) else speakers.labelled(line["label"], line.pos)
        if speaker is not None:
            found.append(Quote(text=text[line.end() : line.endpos].strip(), speaker=speaker.name, role=speaker.role,
                               partial=False, spans=((line.end(), line.endpos),), speaker_kind=speaker.kind))
    return found if len(found) >= _MIN_LINES else []
