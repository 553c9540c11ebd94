"""Extractive summaries: sumy's algorithms run on our own sentences, plus a news-tuned default."""

from __future__ import annotations

import logging
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
from bot.core.sentences import OfflineTokenizer, quote_intervals

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

# The "news" ranking. Weights were set on a coarse grid on the BBC dev set (bench/summaries.py) and
# kept where neighbouring values score alike, so they describe tendencies rather than fit articles.
LEDE_WEIGHT = 0.3  # lift for sharing content words with the lede, the sentence that frames a story
LUHN_WEIGHT = 0.2  # weight of Luhn's significant-word clusters next to TextRank centrality
QUOTE_LED_FACTOR = 0.85  # a sentence opening with a quotation is colour more often than the story
MIN_WORDS = 6  # shorter lines are datelines, captions or fragments
REDUNDANCY = 0.5  # share of content stems (Jaccard) that makes a sentence a repeat of a chosen one
_ZERO_DIVISION_PREVENTION = 1e-7  # as in sumy's TextRank, so our matrix equals its own
_SENTENCE_END = (".", "!", "?")
_CLOSING = "\"”’')]"
_BOILERPLATE = re.compile(
    r"(?i)\b(?:click here|sign up (?:for|to)|subscribe (?:to|now)|follow us|all rights reserved"
    r"|read more|share this (?:article|story|page)|our newsletter|image caption)\b|https?://|www\.|©"
)


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    """Share one memoised Snowball stemmer (no NLTK data needed): sumy stems each word many times."""
    return lru_cache(maxsize=65536)(Stemmer(LANGUAGE))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Load sumy's bundled English stop words once; they ship inside the sumy package."""
    return frozenset(get_stop_words(LANGUAGE))


def _is_quote_led(text: str) -> bool:
    """Say whether a sentence opens with a direct quotation."""
    return text[:1] in '"“'


def _is_quote_fragment(text: str) -> bool:
    """Spot pieces that make no sense alone: a lower-case start, or an unattributed quote left open."""
    if text[:1].islower():
        return True
    return _is_quote_led(text) and not any(start == 0 for start, _ in quote_intervals(text))


def _is_skippable(text: str, word_count: int) -> bool:
    """Reject lines a news summary should not show: short bits, headlines, page furniture, fragments."""
    return (
        word_count < MIN_WORDS
        or not text.rstrip(_CLOSING).endswith(_SENTENCE_END)
        or _BOILERPLATE.search(text) is not None
        or _is_quote_fragment(text)
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Measure word overlap between two sentences to catch repeats."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


class NewsSummarizer(AbstractSummarizer):
    """Rank by TextRank centrality, lifted by lede similarity and Luhn significance; skip junk and repeats."""

    damping = TextRankSummarizer.damping
    epsilon = TextRankSummarizer.epsilon
    _stop_words: frozenset[str] = frozenset()

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
        stems = [self._content_stems(s) for s in sentences]
        scores = self._score(sentences, stems)
        picked = self._pick(sentences, stems, scores, sentences_count)
        return tuple(sentences[i] for i in sorted(picked))

    def _content_stems(self, sentence: SumySentence) -> list[str]:
        """Stem a sentence's non-stop words exactly as sumy's TextRank does."""
        words = (self.normalize_word(w) for w in sentence.words)
        return [self.stem_word(w) for w in words if w not in self._stop_words]

    def _score(self, sentences: Sequence[SumySentence], stems: list[list[str]]) -> numpy.ndarray:
        """Combine centrality, lede similarity and Luhn significance into one score per sentence."""
        weights = _textrank_edges(stems)
        centrality = self._textrank(weights) * len(sentences)  # mean 1, so the lifts below are relative
        lede = weights[0].copy()
        lede[0] = 0.0
        if lede.max() > 0:
            lede /= lede.max()
        lede[0] = 1.0
        significant = frozenset(stem for stem, n in Counter(s for ss in stems for s in ss).items() if n > 1)
        luhn_ranker = LuhnSummarizer(self._stemmer)
        luhn = numpy.array([luhn_ranker.rate_sentence(s, significant) for s in sentences], dtype=float)
        if luhn.mean() > 0:
            luhn /= luhn.mean()
        scores = centrality * (1.0 + LEDE_WEIGHT * lede) + LUHN_WEIGHT * luhn
        quote_led = numpy.array([_is_quote_led(str(s)) for s in sentences])
        return numpy.where(quote_led, scores * QUOTE_LED_FACTOR, scores)

    def _textrank(self, weights: numpy.ndarray) -> numpy.ndarray:
        """Run sumy's TextRank (its damping and power method) on edge weights we computed in bulk."""
        count = len(weights)
        normalised = weights / (weights.sum(axis=1)[:, numpy.newaxis] + _ZERO_DIVISION_PREVENTION)
        matrix = numpy.full((count, count), (1.0 - self.damping) / count) + self.damping * normalised
        return numpy.asarray(TextRankSummarizer.power_method(matrix, self.epsilon), dtype=float)

    @staticmethod
    def _pick(
        sentences: Sequence[SumySentence], stems: list[list[str]], scores: numpy.ndarray, count: int
    ) -> list[int]:
        """Take the best-scored sentences that read well alone and do not repeat one already taken."""
        order = sorted(range(len(sentences)), key=lambda i: -scores[i])
        stem_sets = [frozenset(s) for s in stems]
        chosen: list[int] = []
        for i in order:
            if len(chosen) == count:
                break
            if _is_skippable(str(sentences[i]), len(sentences[i].words)):
                continue
            if any(_jaccard(stem_sets[i], stem_sets[j]) >= REDUNDANCY for j in chosen):
                continue
            chosen.append(i)
        for i in order:  # an article of short lines still gets the summary length it asked for
            if len(chosen) == count:
                break
            if i not in chosen:
                chosen.append(i)
        return chosen


def _textrank_edges(stems: list[list[str]]) -> numpy.ndarray:
    """Compute sumy TextRank's edge weights (shared words over summed log lengths) as one matrix product."""
    vocabulary: dict[str, int] = {}
    rows = [[vocabulary.setdefault(stem, len(vocabulary)) for stem in sentence] for sentence in stems]
    counts = numpy.zeros((len(stems), max(len(vocabulary), 1)))
    for row, columns in enumerate(rows):
        numpy.add.at(counts[row], columns, 1.0)
    overlap = counts @ counts.T
    with numpy.errstate(divide="ignore", invalid="ignore"):
        logs = numpy.log(counts.sum(axis=1))
        norm = logs[:, numpy.newaxis] + logs[numpy.newaxis, :]
        ratio = numpy.where(numpy.isclose(norm, 0.0), overlap, overlap / norm)
    return numpy.where(overlap > 0, ratio, 0.0)


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
    if not picked:  # LSA gives up when every word is a stop word
        return tuple(range(min(count, len(sentences))))
    index_of = {id(s): i for i, s in enumerate(document.sentences)}
    return tuple(sorted(index_of[id(s)] for s in picked))
