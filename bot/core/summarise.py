"""Extractive summaries: sumy's algorithms run on our own sentences, plus a news-tuned default."""

from __future__ import annotations

import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from bot.core.models import Sentence
from bot.core.sentences import OfflineTokenizer

log = logging.getLogger(__name__)

LANGUAGE = "english"
DEFAULT_ALGORITHM = "news"

# Edmundson's cue method: words that mark a news sentence as carrying the story, or as an aside.
_BONUS_WORDS = (
    "announced",
    "said",
    "new",
    "first",
    "report",
    "plans",
    "government",
    "million",
    "billion",
    "percent",
    "rise",
    "fall",
    "record",
    "warned",
    "expected",
    "decision",
    "agreed",
    "funding",
)
_STIGMA_WORDS = (
    "perhaps",
    "maybe",
    "meanwhile",
    "hardly",
    "apparently",
    "reportedly",
    "click",
    "subscribe",
    "newsletter",
    "cookies",
    "advertisement",
    "copyright",
)

# The "news" ranking has one weight. A sentence's score is its cosine with the rest of the article
# (a centroid ranker over content words as written, leaving the sentence out so it cannot vote for
# itself) times its length in words to this power: 0 ranks by agreement alone (short lines win), 1 by
# agreement times length (long asides win). In 5-fold cross-validation on 500 BBC articles
# (bench/summaries.py --cv 5, grid 0.0-1.0 in steps of 0.1) every training split chose 0.4.
LENGTH_EXPONENT = 0.4
# Reading rules: what a reader must never meet in a summary, whatever the score says.
MIN_WORDS = 6  # shorter lines are datelines, captions or fragments
REDUNDANCY = 0.5  # share of content words (Jaccard) that makes a sentence a repeat of a chosen one
READING_RULES = ("furniture", "unclosed", "quote-walls", "opener", "repeats")
# sumy's algorithms build sentence x sentence arrays (memory grows with the square of the length), so
# they rank at most this many sentences from the top of an article; "news" needs no such cap.
MAX_RANKED_SENTENCES = 400
_SENTENCE_END = (".", "!", "?")
_CLOSING = "\"”’')]"
_BOILERPLATE = re.compile(
    r"(?i)\b(?:click here|sign up (?:for|to)|subscribe (?:to|now)|follow us|all rights reserved"
    r"|read more|share this (?:article|story|page)|our newsletter|image caption)\b|https?://|www\.|©"
)
# Words that open a sentence leaning on the one before it: connectives and pronouns with no referent.
_LEANING_OPENERS = frozenset(
    "but and or so yet nor however also still instead meanwhile moreover furthermore besides thus hence"
    " therefore then he she they him her them his their its it's".split()
)
_PRONOUNS = frozenset("he she they it".split())
# "The union says …", "The health secretary said …": a body or person unnamed, named in an earlier sentence
_UNNAMED_SAYS = re.compile(r"The(?: [a-z]+){1,2} (?:says|said|adds|added|told|tells|warned|warns)\b")
_FIRST_PERSON = frozenset("I me Me we We us our Our my My".split())  # case kept: "US" is a country
_QUOTE_CHARS = re.compile("[\"“”'‘’]")
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/")
_FIRST_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    """Share one memoised Snowball stemmer (no NLTK data needed): sumy stems each word many times."""
    return lru_cache(maxsize=65536)(Stemmer(LANGUAGE))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Load sumy's bundled English stop words once; they ship inside the sumy package."""
    return frozenset(get_stop_words(LANGUAGE))


def _quote_marks(text: str) -> list[tuple[int, bool, bool]]:
    """List (position, is_double, opens) for each quotation mark; apostrophes inside words are not marks."""
    marks = []
    for match in _QUOTE_CHARS.finditer(text):
        i, char = match.start(), match.group()
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if char in "'’" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, Hay's
        if char in "“‘":
            opens = True
        elif char == "”":
            opens = False
        else:  # straight marks and ’ look alike on both sides: read the neighbours
            opens = before == ":" or (
                char != "’" and (i == 0 or before in _OPEN_CONTEXT) and after.strip() != ""
            )
        marks.append((i, char in "\"“”", opens))
    return marks


def quote_balance(text: str) -> tuple[bool, int | None]:
    """Say whether every quotation in a sentence closes within it, and where a leading one closes."""
    depth = {True: 0, False: 0}
    lead_close: int | None = None
    balanced = True
    for i, double, opens in _quote_marks(text):
        if opens:
            depth[double] += 1
        elif depth[double]:
            depth[double] -= 1
            if lead_close is None and depth[True] + depth[False] == 0 and text.lstrip()[:1] in "\"“'‘":
                lead_close = i
        elif double:
            balanced = False  # closes a quotation opened in an earlier sentence
    return balanced and depth[True] == 0 and depth[False] == 0, lead_close


def _names_nobody(tail: list[str]) -> bool:
    """Say whether the words after a quotation that opens a sentence leave its speaker unnamed: nothing after it
    (a quote wall) or a pronoun ("'We will appeal,' she said."); only the sentence before says whose it is."""
    return len(tail) < 2 or not _PRONOUNS.isdisjoint(tail)


def _unnamed_quote(text: str) -> bool:
    """Spot a sentence opening with a closed quotation whose speaker it leaves unnamed."""
    balanced, lead_close = quote_balance(text)
    return balanced and lead_close is not None and _names_nobody(_first_words(text[lead_close + 1 :], 3))


def inside_quotations(paragraphs: Sequence[Sequence[str]]) -> list[bool]:
    """Flag each sentence that starts inside a quotation opened by an earlier sentence of its paragraph.

    "She said: ‘We will keep the centres open. We owe it to families.' may end a paragraph whose quotation
    runs on into the next; "We owe it to families." carries no mark but is still her words, and read
    alone it names nobody.
    """
    flags = []
    for paragraph in paragraphs:
        open_marks = 0
        for text in paragraph:
            marks = _quote_marks(text)
            if marks and marks[0][2] and not text[: marks[0][0]].strip():
                open_marks = 0  # a sentence opening its own quotation starts afresh
            flags.append(open_marks > 0)
            for _, _, opens in marks:
                open_marks = open_marks + 1 if opens else max(open_marks - 1, 0)
    return flags


def _first_words(text: str, count: int) -> list[str]:
    """Return a text's first words in lower case, punctuation dropped."""
    return [w.lower() for w in _FIRST_WORDS.findall(text[:200])[:count]]


def reads_alone(text: str) -> bool:
    """Say whether a sentence makes sense without the one before it (no "But…", "He said…", "The union says…")."""
    balanced, lead_close = quote_balance(text)
    if not balanced:
        return False
    if lead_close is None:
        words = _first_words(text, 1)
        return not words or (words[0] not in _LEANING_OPENERS and not _UNNAMED_SAYS.match(text))
    return not _names_nobody(_first_words(text[lead_close + 1 :], 3))  # "'It is a disgrace,' she said."


def _is_furniture(text: str, word_count: int) -> bool:
    """Reject lines a news summary should not show: short bits, headlines, page furniture, fragments."""
    return (
        word_count < MIN_WORDS
        or not text.rstrip(_CLOSING).endswith(_SENTENCE_END)
        or _BOILERPLATE.search(text) is not None
        or text[:1].islower()
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Measure word overlap between two sentences to catch repeats."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def centroid_scores(words: Sequence[Sequence[str]]) -> list[float]:
    """Score each sentence by its cosine with the rest of the article, in time linear in its length."""
    counts = [Counter(sentence) for sentence in words]
    total: Counter[str] = Counter()
    for count in counts:
        total.update(count)
    total_square = sum(n * n for n in total.values())
    scores = []
    for count in counts:
        own_square = sum(n * n for n in count.values())
        with_total = sum(n * total[word] for word, n in count.items())
        rest_square = total_square - 2 * with_total + own_square  # |total - own|^2, no dense arrays
        agreement = with_total - own_square
        if agreement <= 0 or rest_square <= 0:
            scores.append(0.0)
            continue
        scores.append(agreement / math.sqrt(own_square * rest_square))
    return scores


class NewsSummarizer(AbstractSummarizer):
    """Rank by agreement with the rest of the article, length-normalised; keep only lines that read alone.

    Words are compared as written (lower-cased), not stemmed: a story repeats its own terms, and the
    stemmer merges words a reader keeps apart ("new"/"news", "university"/"universal"); on the CV bench
    stemming costs 0.6-3.3 ROUGE-2 points on every fold.
    """

    _stop_words: frozenset[str] = frozenset()

    def __init__(
        self,
        stemmer: Callable[[str], str] | None = None,
        *,
        length_exponent: float = LENGTH_EXPONENT,
        rules: Sequence[str] = READING_RULES,
        leave_one_out: bool = True,
        stem: bool = False,
    ) -> None:
        super().__init__(stemmer or _stemmer())
        self.length_exponent = length_exponent
        self.rules = frozenset(rules)
        self.leave_one_out = leave_one_out  # off only to show in the bench what it is worth
        self.stem = stem  # likewise

    @property
    def stop_words(self) -> frozenset[str]:
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words: frozenset[str] | Sequence[str]) -> None:
        self._stop_words = frozenset(map(self.normalize_word, words))

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[SumySentence, ...]:
        sentences = document.sentences
        if not sentences or sentences_count <= 0:
            return ()
        words = [self._content_words(s) for s in sentences]
        scores = self.rate(words, [len(s.words) for s in sentences])
        texts = [str(s) for s in sentences]
        inside = inside_quotations([[str(s) for s in p.sentences] for p in document.paragraphs])
        picked = self._pick(texts, [len(s.words) for s in sentences], words, scores, sentences_count, inside)
        return tuple(sentences[i] for i in sorted(picked))

    def rate(self, words: Sequence[Sequence[str]], word_counts: Sequence[int]) -> list[float]:
        """Score each sentence; the length factor counts all words, as a reader sees them."""
        # without leave-one-out (the bench's ablation) a sentence's own words count towards the article
        agreement = centroid_scores(words) if self.leave_one_out else _with_self_scores(words)
        return [a * max(n, 1) ** self.length_exponent for a, n in zip(agreement, word_counts, strict=True)]

    def _content_words(self, sentence: SumySentence) -> list[str]:
        """List a sentence's non-stop words in lower case (stemmed only for the bench's ablation)."""
        words = (self.normalize_word(w) for w in sentence.words)
        content = [w for w in words if w not in self._stop_words]
        return [self.stem_word(w) for w in content] if self.stem else content

    def _status(
        self, i: int, texts: Sequence[str], word_counts: Sequence[int], chosen: list[int], inside: Sequence[bool]
    ) -> str:
        """Say whether sentence i may go in now ("yes"), once its context is in ("wait"), or "never"."""
        text = texts[i]
        if "furniture" in self.rules and _is_furniture(text, word_counts[i]):
            return "never"
        if "unclosed" in self.rules and not quote_balance(text)[0]:
            return "never"  # a quotation the reader never sees close
        voice = inside[i] and not _FIRST_PERSON.isdisjoint(_FIRST_WORDS.findall(text))  # "we", but who?
        if "quote-walls" in self.rules and (voice or _unnamed_quote(text)) and i - 1 not in chosen:
            return "wait"  # a quotation naming nobody reads well only under its speaker's sentence
        if "opener" in self.rules and not reads_alone(text) and not any(j < i for j in chosen):
            return "wait"  # "But…", "He said…": fine later in a summary, never as its first sentence
        return "yes"

    def _repeats(self, i: int, word_sets: Sequence[frozenset[str]], chosen: list[int]) -> bool:
        """Say whether sentence i mostly repeats one already chosen."""
        return "repeats" in self.rules and any(
            _jaccard(word_sets[i], word_sets[j]) >= REDUNDANCY for j in chosen
        )

    def _pick(
        self,
        texts: Sequence[str],
        word_counts: Sequence[int],
        words: list[list[str]],
        scores: Sequence[float],
        count: int,
        inside: Sequence[bool],
    ) -> list[int]:
        """Take the best-scored sentences that read well and do not repeat one already taken."""
        order = sorted(range(len(texts)), key=lambda i: -scores[i])
        word_sets = [frozenset(s) for s in words]
        chosen: list[int] = []
        waiting: list[int] = []  # better-scored sentences that can come in once their context does
        for i in order:
            if len(chosen) == count:
                break
            if self._repeats(i, word_sets, chosen):
                continue
            status = self._status(i, texts, word_counts, chosen, inside)
            if status == "wait":
                waiting.append(i)
            if status != "yes":
                continue
            chosen.append(i)
            released = True
            while released and len(chosen) < count:
                ready = [j for j in waiting if self._status(j, texts, word_counts, chosen, inside) == "yes"]
                ready = [j for j in ready if not self._repeats(j, word_sets, chosen)]
                released = bool(ready)
                if ready:
                    chosen.append(ready[0])
                    waiting.remove(ready[0])
        for i in order:  # an article of short lines still gets the summary length it asked for...
            if len(chosen) == count:
                break
            # ...but never a quotation cut open, which would mislead a reader
            if i not in chosen and ("unclosed" not in self.rules or quote_balance(texts[i])[0]):
                chosen.append(i)
        return chosen


def _with_self_scores(words: Sequence[Sequence[str]]) -> list[float]:
    """Score by cosine with the whole article, the sentence included (the bench's ablation baseline)."""
    counts = [Counter(sentence) for sentence in words]
    total: Counter[str] = Counter()
    for count in counts:
        total.update(count)
    total_norm = math.sqrt(sum(n * n for n in total.values()))
    scores = []
    for count in counts:
        own = math.sqrt(sum(n * n for n in count.values()))
        dot = sum(n * total[word] for word, n in count.items())
        scores.append(dot / (own * total_norm) if own and total_norm else 0.0)
    return scores


def _with_stop_words(cls: type[AbstractSummarizer]) -> AbstractSummarizer:
    """Build a sumy-style summariser with our stemmer and stop words."""
    summariser = cls(_stemmer())
    summariser.stop_words = _stop_words()
    return summariser


def _edmundson() -> EdmundsonSummarizer:
    """Configure Edmundson, which refuses to run without bonus, stigma and null words."""
    summariser = EdmundsonSummarizer(_stemmer())
    summariser.bonus_words = _BONUS_WORDS
    summariser.stigma_words = _STIGMA_WORDS
    summariser.null_words = _stop_words()
    return summariser


ALGORITHMS: dict[str, type[AbstractSummarizer]] = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "edmundson": EdmundsonSummarizer,
    "news": NewsSummarizer,
}


@lru_cache(maxsize=len(ALGORITHMS))
def _summariser(algorithm: str) -> AbstractSummarizer:
    """Configure each summariser once; they keep no state between calls."""
    cls = ALGORITHMS[algorithm]
    return _edmundson() if cls is EdmundsonSummarizer else _with_stop_words(cls)


def build_document(sentences: Sequence[Sentence]) -> ObjectDocumentModel:
    """Wrap our sentences in a sumy document, paragraph by paragraph, so sumy ranks exactly our text."""
    tokenizer = OfflineTokenizer()
    paragraphs: list[list[SumySentence]] = []
    last_paragraph: int | None = None
    for sentence in sentences:
        if not paragraphs or sentence.paragraph != last_paragraph:
            paragraphs.append([])
            last_paragraph = sentence.paragraph
        paragraphs[-1].append(SumySentence(sentence.text, tokenizer))
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs])


def summarise(
    sentences: Sequence[Sentence], count: int, algorithm: str = DEFAULT_ALGORITHM
) -> tuple[int, ...]:
    """Pick at most `count` sentences with `algorithm`; return their indices in article order."""
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown summary algorithm {algorithm!r}; choose from {sorted(ALGORITHMS)}")
    if count <= 0 or not sentences:
        return ()
    if algorithm != "news":  # bound sumy's square-sized arrays; the news ranker is linear
        sentences = sentences[:MAX_RANKED_SENTENCES]
    document = build_document(sentences)
    try:
        # LSA warns about tiny vocabularies, sumy asserts in places and numpy's SVD can fail to
        # converge; degenerate input must still get a summary, so fall back to the lead.
        with warnings.catch_warnings(), numpy.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            picked = _summariser(algorithm)(document, count)
    except (ArithmeticError, ValueError, AssertionError, numpy.linalg.LinAlgError) as exc:
        log.warning(
            "%s summary failed (%s: %s); using the first sentences", algorithm, type(exc).__name__, exc
        )
        return tuple(range(min(count, len(sentences))))
    if not picked and algorithm != "news":  # LSA gives up when every word is a stop word
        return tuple(range(min(count, len(sentences))))
    index_of = {id(s): i for i, s in enumerate(document.sentences)}
    return tuple(sorted(index_of[id(s)] for s in picked))
