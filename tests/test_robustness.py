"""Inputs that once crashed extraction or made it slow, each kept as a named regression test.

`assert_sound` is the contract every input must meet (tests/test_properties.py checks it over
generated text): extract() returns, every span verifies, the JSON validates against the schema
and the same input gives the same bytes.
"""

from __future__ import annotations

import time
from pathlib import Path

from agent.extract import extract, to_json
from agent.text.doc import MAX_SENTENCE, sentences
from schemas import ArticleExtraction

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4c6aceeda1af29a0.txt"


def assert_sound(text: str, published: str | None = None) -> ArticleExtraction:
    result = extract(text, published)
    spans = [s for kind in (result.events, result.actors, result.statements, result.casualties)
             for fact in kind for s in fact.evidence]
    spans += [f.location.evidence[0] for kind in (result.events, result.casualties)
              for f in kind if f.location]
    bad = [s for s in spans if text[s.start : s.end] != s.text]
    assert not bad, f"spans that do not verify: {bad[:3]}"
    serialized = to_json(result)
    assert ArticleExtraction.model_validate_json(serialized) == result
    assert to_json(extract(text, published)) == serialized, "same input, different bytes"
    return result


def test_a_number_before_a_lone_preposition_is_not_a_crash():
    # IndexError in counts._can_be_noun: "ب" without the word it governs left an empty word.
    result = assert_sound("قتل 3 أشخاص في الهجوم على 5 ب من المباني.")
    assert [c.count_best for c in result.casualties] == [3]


def test_a_long_article_without_punctuation_splits_without_recursion():
    # doc._pieces cut a run-on sentence recursively: about 1 MB without a full stop raised
    # RecursionError.
    text = "كلمة " * 200_000
    pieces = sentences(text)
    assert len(pieces) > 1000
    assert all(len(p.text) <= MAX_SENTENCE for p in pieces)
    assert "".join(p.text for p in pieces).replace(" ", "") == text.replace(" ", "")


def test_many_open_quotes_split_in_linear_time():
    # doc.sentences counted the « before every full stop from the start of the article.
    text = "قال «نعم. " * 30_000
    started = time.process_time()
    assert len(sentences(text)) == 500  # full stops inside an open «…» do not end a sentence
    assert time.process_time() - started < 2


def test_an_article_repeated_many_times_keeps_every_fact_per_copy():
    """The founding article 8 times: each copy's casualty figures, statements and sources come
    back (actor merging, anaphora look-back and quotation lookups now index the article)."""
    seed = SEED.read_text(encoding="utf-8")
    once = assert_sound(seed)
    eight = assert_sound("\n\n".join([seed] * 8))
    assert len(eight.statements) == 8 * len(once.statements)
    assert {a.name for a in eight.actors} == {a.name for a in once.actors}
    assert {(c.category, c.count_best, c.reported_by) for c in eight.casualties} == \
        {(c.category, c.count_best, c.reported_by) for c in once.casualties}
