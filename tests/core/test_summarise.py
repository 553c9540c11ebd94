"""Summaries from every algorithm on hand-written news text: valid, verbatim, ordered, never crashing."""

from __future__ import annotations

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.models import Sentence
from bot.core.sentences import split_sentences
from bot.core.summarise import ALGORITHMS, NewsSummarizer, build_document, quote_balance, summarise

BODY = "\n\n".join(
    [
        "Hospitals in England will receive an extra £1.2bn this winter to cut waiting lists, the Department"
        " of Health has announced. The money will fund 5,000 extra beds and longer opening hours for"
        " diagnostic centres.",
        "Health Secretary Jane Green said the funding would help hospitals treat patients more quickly."
        ' "This is the biggest winter package we have ever provided. It will make a real difference,"'
        " she said.",
        "NHS Providers said hospitals had been warning about winter pressures for months. Its chief"
        " executive, Dr. Amir Khan, said the extra money was welcome but came late. Waiting lists reached"
        " a record 7.6 million in September.",
        "Labour said the government had left hospitals without enough staff to open the new beds. The funding"
        " will be shared between all 42 integrated care boards in England.",
        "Click here to subscribe to our newsletter.",
    ]
)


@pytest.fixture(scope="module")
def sentences() -> list[Sentence]:
    return split_sentences(BODY)


@pytest.mark.parametrize("algorithm", sorted(ALGORITHMS))
@pytest.mark.parametrize("count", [1, 3, 5, 20])
def test_every_algorithm_returns_valid_ordered_indices(
    sentences: list[Sentence], algorithm: str, count: int
) -> None:
    picked = summarise(sentences, count, algorithm)
    assert len(picked) == min(count, len(sentences))
    assert list(picked) == sorted(set(picked))
    assert all(0 <= i < len(sentences) for i in picked)


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_news_summary_is_verbatim_body_text_in_order(sentences: list[Sentence], count: int) -> None:
    picked = summarise(sentences, count)
    assert len(picked) == count
    positions = [BODY.index(sentences[i].text) for i in picked]
    assert positions == sorted(positions)
    for i in picked:
        assert BODY[sentences[i].start : sentences[i].end] == sentences[i].text


def test_news_leaves_out_page_furniture_and_quotes_when_it_can(sentences: list[Sentence]) -> None:
    chosen = [sentences[i].text for i in summarise(sentences, 3)]
    assert chosen[0].startswith("Hospitals in England will receive")
    assert not any("subscribe" in text for text in chosen)
    assert not any(text.startswith('"') for text in chosen)


@pytest.mark.parametrize(
    "junk",
    [
        "Click here to read more about NHS hospital waiting lists and winter beds funding.",
        "NHS hospital waiting lists and winter beds funding explained",
        '"Hospital waiting lists and winter beds funding are the real NHS issue.',
        "and NHS hospital waiting lists fell as winter beds funding arrived.",
        "NHS beds funding.",
    ],
    ids=["boilerplate", "headline", "open-quote-fragment", "lowercase-fragment", "too-short"],
)
def test_news_skips_lines_that_do_not_read_alone(junk: str) -> None:
    body = "\n\n".join(
        [
            junk,
            "NHS hospitals will get £500m of winter funding for extra beds, ministers said on Monday.",
            "The funding is meant to cut hospital waiting lists, which reached 7.6 million.",
            "Hospital leaders said winter beds would help but waiting lists needed more NHS staff.",
            "The Treasury said the money came from existing NHS budgets.",
        ]
    )
    sentences = split_sentences(body)
    assert sentences[0].text == junk
    assert 0 not in summarise(sentences, 3)


def test_news_does_not_repeat_itself() -> None:
    body = (
        "Ministers have approved a new hospital for Hull, costing £400m. "
        "Ministers have approved a new hospital for Hull, costing £400m, officials said. "
        "Construction will begin next spring and take three years. "
        "The hospital will have 600 beds and a new cancer centre. "
        "Local MPs have campaigned for the hospital for a decade."
    )
    sentences = split_sentences(body)
    chosen = [sentences[i].text for i in summarise(sentences, 3)]
    assert sum(text.startswith("Ministers have approved") for text in chosen) == 1


def test_news_tops_up_with_short_lines_rather_than_returning_less() -> None:
    sentences = split_sentences("Beds cut. Staff quit.\n\nWards shut.")  # all too short to prefer
    assert len(summarise(sentences, 2)) == 2
    assert summarise(sentences, 5) == (0, 1, 2)


def test_news_centroid_scores_equal_the_dense_leave_one_out_cosine(sentences: list[Sentence]) -> None:
    from bot.core.summarise import _stemmer, _stop_words, centroid_scores

    news = NewsSummarizer(_stemmer())
    news.stop_words = _stop_words()
    stems = [news._content_words(s) for s in build_document(sentences).sentences]
    vocabulary = sorted({stem for sentence in stems for stem in sentence})
    counts = numpy.array([[sentence.count(stem) for stem in vocabulary] for sentence in stems], dtype=float)
    rest = counts.sum(axis=0) - counts
    norms = numpy.linalg.norm(counts, axis=1) * numpy.linalg.norm(rest, axis=1)
    dense = numpy.where(norms > 0, (counts * rest).sum(axis=1) / numpy.where(norms > 0, norms, 1), 0.0)
    assert numpy.allclose(centroid_scores(stems), dense)


@pytest.mark.filterwarnings("error")  # LSA's "fewer words than sentences" warning must not escape
@pytest.mark.parametrize("algorithm", sorted(ALGORITHMS))
def test_degenerate_input_never_crashes(algorithm: str) -> None:
    assert summarise([], 3, algorithm) == ()
    one = split_sentences("Only one sentence here.")
    assert summarise(one, 3, algorithm) == (0,)
    assert summarise(one, 0, algorithm) == ()
    wordless = split_sentences("...\n\n!!!\n\n?")
    assert len(set(summarise(wordless, 2, algorithm))) == 2
    stop_words_only = split_sentences("It is. It was. And so it is.")
    assert len(summarise(stop_words_only, 2, algorithm)) == 2
    tiny_vocabulary = split_sentences("Wards shut. Wards shut again. Wards shut today. Wards shut now.")
    assert len(summarise(tiny_vocabulary, 2, algorithm)) == 2


def test_unknown_algorithm_is_refused(sentences: list[Sentence]) -> None:
    with pytest.raises(ValueError, match="unknown summary algorithm"):
        summarise(sentences, 3, "gpt")


def test_duplicate_sentences_map_back_to_their_own_indices() -> None:
    body = "The ward closed.\n\nThe ward closed.\n\nPatients were moved to Leeds General Infirmary overnight."
    sentences = split_sentences(body)
    for algorithm in ALGORITHMS:
        picked = summarise(sentences, 3, algorithm)
        assert picked == (0, 1, 2)


_WORDS = st.sampled_from(
    [
        "The",
        "NHS",
        "said",
        "care",
        "beds",
        "£2.5bn",
        "Mr.",
        "Dr.",
        '"',
        "“",
        "”",
        ".",
        "!",
        "?",
        "\n\n",
        " ",
        " ",
        "it",
        "is",
        "and",
        "hospital",
        "hospital",
        "staff",
        "e.g.",
        "No.",
        "10",
        "Click",
        "here",
        "—",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    body=st.one_of(st.lists(_WORDS, max_size=80).map(" ".join), st.text(max_size=120)),
    count=st.integers(min_value=0, max_value=6),
    algorithm=st.sampled_from(sorted(ALGORITHMS)),
)
def test_summarise_never_crashes_and_stays_verbatim(body: str, count: int, algorithm: str) -> None:
    sentences = split_sentences(body)
    picked = summarise(sentences, count, algorithm)
    if algorithm == "news":  # it would rather return less than a quotation cut open
        assert len(picked) <= min(count, len(sentences))
        assert all(quote_balance(sentences[i].text)[0] for i in picked)
    else:
        assert len(picked) == min(count, len(sentences))
    assert list(picked) == sorted(set(picked))
    for i in picked:
        assert body[sentences[i].start : sentences[i].end] == sentences[i].text


def test_news_compares_words_as_written_not_stemmed() -> None:
    from bot.core.summarise import _stop_words

    # a stemmer folds "universities" and "universal" into one "univers"; the story's own words stay apart
    document = build_document(split_sentences("Universities and the universal news of general rules."))
    news = NewsSummarizer()
    news.stop_words = _stop_words()
    assert news._content_words(document.sentences[0]) == ["universities", "universal", "news", "general", "rules"]
