"""The checker: a quotation's spans looked up in order in its source's text, nearest passages for misses."""

from blog.rendering.pipeline import render_post
from capture.checking import MAX_NEAREST, check_quote, normalise, spans_of

# A newspaper's text as a snapshot keeps it: paragraphs, curly quotes, em dashes, a name with an accent.
ARTICLE = """DIABALY, Mali—The militants came at dawn, in pickup trucks mounted with heavy machine guns.

“We were outgunned from the first hour,” said Capt. Moussa Traoré, who commanded the town’s garrison \
of 40 men. “By noon we had no ammunition left, and by nightfall we had no town.”

Residents said the fighters—many of them foreigners—went door to door looking for soldiers' families.
The army, which had promised reinforcements for a week, sent none."""


def found(results):
    return [result.found for result in results]


def test_a_faithful_quotation_with_an_omission_an_aside_and_an_interpolation_is_found():
    """As the dialect writes it: straight quotes for curly, ``--`` for an em dash, an aside, paragraphs."""
    body = (
        '> "We were outgunned from the first hour," said Capt. Moussa Traoré ... "By noon we had no '
        'ammunition left, and by nightfall we had no town." [Comment: the garrison had 40 men.]\n>\n'
        "> Residents said the fighters -- many of them foreigners -- went door to door looking for "
        "[the] soldiers' families.\n>\n> — [@wsj]"
    )
    [excerpt] = render_post(body, {}).excerpts
    results = check_quote(excerpt.text, ARTICLE)
    assert [result.text[:20] for result in results] == [
        "We were outgunned fr",
        "By noon we had no am",
        "soldiers' families",
    ]
    assert found(results) == [True, True, True]
    offsets = [result.offset for result in results]
    assert offsets == sorted(offsets)


def test_one_altered_word_is_flagged_with_the_nearest_passage_and_the_word():
    """“fled” for “went”: the span is not found; the passage that holds the rest is shown, the word named."""
    quote = (
        "Residents said the fighters—many of them foreigners—fled door to door looking for soldiers’ families"
    )
    [result] = check_quote(quote, ARTICLE)
    assert not result.found
    assert "many of them foreigners - went door to door looking for soldiers' families" in result.nearest
    assert result.differences == ["fled"]
    assert result.shared >= 0.9


def test_the_first_letter_of_a_span_may_change_case_but_no_other_may():
    """“The militants” set mid-sentence as “the militants” is fine (CMOS 13.18); “capt. moussa” is not."""
    assert found(check_quote("the militants came at dawn", ARTICLE)) == [True]
    assert found(check_quote("said capt. Moussa Traoré", ARTICLE)) == [False]


def test_spans_must_come_in_the_source_s_order():
    """The quote's second span is in the source, but before its first: not found where the quote says."""
    results = check_quote("The army, which had promised reinforcements … the militants came at dawn", ARTICLE)
    assert found(results) == [True, False]
    assert "The militants came at dawn" in results[1].nearest


def test_the_quote_is_cut_at_omissions_and_brackets_and_its_edges_trimmed():
    """Three dots or an ellipsis, spaced or bracketed, and an interpolation each end a span."""
    assert spans_of("“[T]he militants came . . . in pickup trucks [...] heavy machine guns.”") == [
        "he militants came",
        "in pickup trucks",
        "heavy machine guns",
    ]
    assert normalise("a\u00a0 b\u2014c \u2013 d\u2019s\ufb01") == "a b - c - d'sfi"


def test_a_span_like_nothing_in_the_source_has_no_nearest_passage():
    """Words the source never uses: not found, nothing shown as nearest."""
    [result] = check_quote("Quantum chromodynamics explains everything", ARTICLE)
    assert (result.found, result.nearest, result.shared) == (False, "", 0)


def test_nearest_passages_are_looked_for_a_bounded_number_of_times():
    """Past MAX_NEAREST misses in one quote, a miss is reported without a passage."""
    quote = " … ".join(f"militants came at noon {number}" for number in range(MAX_NEAREST + 2))
    results = check_quote(quote, ARTICLE)
    assert not any(found(results))
    assert all(result.nearest for result in results[:MAX_NEAREST])
    assert not any(result.nearest for result in results[MAX_NEAREST:])


def test_a_long_source_is_searched_in_linear_time():
    """A miss against a source of 200,000 words takes one pass, not one per word."""
    import time

    source = ARTICLE + " ordinary words" * 100_000
    started = time.perf_counter()
    [result] = check_quote("the militants came at noon in trucks", source)
    assert not result.found and "came at dawn" in result.nearest
    assert time.perf_counter() - started < 5
