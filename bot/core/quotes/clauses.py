"""Find the attribution clause around a quotation ("…,” she said" / "X said: “…") and parse its subject."""

from __future__ import annotations

from dataclasses import replace

from bot.core.quotes.lexicon import (
    CUE,
    DASH,
    FUNCTION_WORDS,
    INTRO_WORDS,
    LEFTOVER,
    SKIPPABLE,
    sentence_breaks,
    token_spans,
    word_tokens,
)
from bot.core.quotes.phrases import Mention, np_backward, np_forward, read_appositive

_SUBJECT_REACH = 320  # characters before a cue verb that can hold its subject and an appositive


def is_attribution_gap(gap: str) -> bool:
    """Tell whether the words between two quoted parts are a single attribution clause (", he said. ")."""
    body = gap.strip()
    if not body or any(sentence_breaks(body)):
        return False
    return after_clause(body) is not None


def after_clause(clause: str) -> Mention | None:
    """Parse an attribution that follows a quotation: "said X" / "X said" / "— X" / "according to X"."""
    dash = DASH.match(clause)
    if dash:
        mention = np_forward(token_spans(clause[dash.end() :]), 0)
        return mention if mention and mention.kind in ("person", "org") else None
    body = clause.lstrip(" ,;:")
    offset = len(clause) - len(body)
    cue = CUE.search(body, 0, 200)
    if cue is None:
        return None
    if cue.start() == 0 or cue.group("according"):
        if cue.group("part"):
            return Mention("participle", "", start=offset)
        return np_forward(token_spans(body[cue.end() :]), 0)
    if cue.group("part"):
        return None
    mention = subject_before(body[: cue.start()])
    if mention is None:
        return None
    leftover = body[: mention.start].rstrip()
    words = [w.lower() for w in word_tokens(leftover) if w[0].isalnum()]
    if len(words) > 2 and not (set(words) <= LEFTOVER or leftover.endswith(",")):
        return None  # the cue belongs to a clause of its own, not to this quotation
    return mention


def before_clause(clause: str) -> Mention | None:
    """Parse an attribution that precedes a quotation: "X said: “…" / "According to X, “…"."""
    body = clause.rstrip(" ,:;—–-―\n")
    cues = list(CUE.finditer(body))
    if not cues:
        if not clause.rstrip().endswith(":"):
            return None
        mention = subject_before(body)  # a bare "Name:" introducing the quote
        return mention if mention and mention.kind in ("person", "org") and mention.start == 0 else None
    for cue in reversed(cues[-2:]):
        if cue.group("according"):
            mention = np_forward(token_spans(body[cue.end() :]), 0)
        elif cue.group("part"):
            before = body[: cue.start()].rstrip()
            tokens = token_spans(before)
            named = None if before.endswith(",") else np_backward(tokens, len(tokens) - 1, before)
            if named is not None and named.kind in ("person", "org"):
                return named  # "footage of Trump saying, “…" names its own subject
            return Mention("participle", "", start=cue.start())
        else:
            mention = subject_before(body[: cue.start()])
        if mention is not None:
            return mention
    return None


def first_subject(text: str, strict: bool = False) -> Mention | None:
    """Return the subject a sentence opens with ("Mr Hancock welcomed…", "In a statement, she…")."""
    tokens = token_spans(text)
    limit = min(len(tokens), 16)
    i = 0
    while i < limit:
        word = tokens[i][0]
        low = word.lower()
        if low in ("he", "she"):
            return Mention("pronoun", low, start=tokens[i][1])
        if low in INTRO_WORDS or low.endswith("ing"):
            # skip an opening phrase: "During a speech on Monday, Trump…"
            comma = next((k for k in range(i + 1, limit) if tokens[k][0] == ","), None)
            if comma is None:
                return None
            i = comma + 1
            continue
        if low in FUNCTION_WORDS or not word[0].isalnum():
            i += 1
            continue
        mention = np_forward(tokens, i)
        if mention is None or mention.kind not in ("person", "org"):
            return None
        if not (word[0].isupper() or mention.role):
            return None  # a lowercase opening only leads to a name through a role: "health secretary X"
        end = i
        while end < len(tokens) and tokens[end][0].islower():
            end += 1  # a lowercase role before the name: "health secretary Matt Hancock"
        while end < len(tokens) and (tokens[end][0][0].isupper() or tokens[end][0] == "."):
            end += 1
        follower = tokens[end][0] if end < len(tokens) else ""
        if strict and not (follower[:1].islower() or follower in (",", "(")):
            return None
        return replace(mention, start=tokens[i][1])
    return None


def subject_before(text: str) -> Mention | None:
    """Parse the subject that ends just before a cue verb: "X", "X, role," "the minister", "he"."""
    cut = max(0, len(text) - _SUBJECT_REACH)
    if cut:
        found = subject_before(text[cut:])
        return replace(found, start=found.start + cut) if found else None
    tokens = token_spans(text)
    i = len(tokens) - 1
    while (
        i >= 0
        and len(tokens) - i <= 3
        and (tokens[i][0].lower() in SKIPPABLE or (tokens[i][0].endswith("ly") and tokens[i][0].islower()))
    ):
        i -= 1
    if i < 0:
        return None
    if tokens[i][0] in (",", "—", "–") or (tokens[i][0] == ")" and i > 0 and tokens[i - 1][0] == ","):
        return read_appositive(tokens, i, text)
    return np_backward(tokens, i, text)
