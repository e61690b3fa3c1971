"""The chat on the dev split of tests/corpus: every question answered right (not a refusal, and
holding one of its accepted answers) or, when the article does not answer it, refused. Scored
by agent/eval/qa.py, the scorer `naba eval --qa` runs. The test split is never read here.

The questions code cannot answer yet are xfail, each with why; they count in `naba eval --qa`."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from agent.chat import Answer, answer
from agent.eval.qa import Question, judge, load_questions
from agent.extract import extract
from schemas import ArticleExtraction

_EXTRACTION = "the extraction misses or misplaces the figure"
KNOWN_FAILURES = {
    "r_mali_ogossagou_massacre#1": _EXTRACTION + " (134 civilians per Guterres)",
    "r_saudi_asir_bus_crash#2": "the sentence with the cause is not the best match",
    "r_saudi_asir_bus_crash#3": _EXTRACTION + " (the place is cut to محافظة خميس)",
    "r_sudan_fasher_shelter_drone#3": "who-said in English: the quote's words are not matched "
                                      "to the Arabic statement",
    "r_syria_cholera_outbreak#1": "confirmed cases in Aleppo: the figure's sentence is not the "
                                  "one quoted (no model to phrase it)",
    "r_syria_cholera_outbreak#3": "the first case's date is not on an extracted event",
    "r_tunisia_ugtt_freedoms_march#1": "the union's sentence is not the best match ('backed' "
                                       "has no Arabic form known)",
    "r_tunisia_ugtt_freedoms_march#7": "the year of a past event: a date fact of today answers",
    "r_tunisia_ugtt_freedoms_march#8": "who killed him: no perpetrator check yet",
    "r_yemen_sanaa_stampede#3": "the merchants' sentence is not the one quoted",
    "w_brazil_protests#4": "the cause sentence is not the best match",
    "w_brazil_protests#7": "a date for a proposed referendum: the proposal's date answers",
    "w_darfur_msf_ocampo#1": "'accused' and 'false information' have no Arabic form known",
    "w_darfur_msf_ocampo#2": _EXTRACTION + " (5 for «5 آلاف»)",
    "w_darfur_msf_ocampo#3": "'see things' has no Arabic form known",
    "w_darfur_msf_ocampo#4": "the speaker is not extracted for that statement",
    "w_egypt_swine_flu_death#8": "'another' (آخر) is not a constraint yet; H1N1's digits pass "
                                 "for a figure",
    "w_israel_cyberattack#7": "the reason sentence is not the best match",
    "w_uk_swine_flu_death#5": "the son's birth date sentence is not the best match",
}


@cache
def _extracted(article: str, text: str, published: str | None) -> ArticleExtraction:
    return extract(text, published)


def _cases() -> list[Any]:
    out = []
    for q, text, published in load_questions("dev"):
        marks = ([pytest.mark.xfail(reason=KNOWN_FAILURES[q.id], strict=False)]
                 if q.id in KNOWN_FAILURES else [])
        out.append(pytest.param(q, text, published, id=q.id, marks=marks))
    return out


@pytest.mark.parametrize(("q", "text", "published"), _cases())
def test_dev_question(q: Question, text: str, published: str | None) -> None:
    ans = answer(q.question, _extracted(q.article, text, published), text)
    right, wrong_figure = judge(q, ans)
    assert right, f"{q.question}\n  want: {q.accept or 'a refusal'}\n  said: {ans.text}"
    assert not wrong_figure


def test_known_failures_are_dev_questions() -> None:
    ids = {q.id for q, _, _ in load_questions("dev")}
    assert set(KNOWN_FAILURES) <= ids


def _q(answerable: bool, accept: tuple[str, ...] = (), kind: str = "how_many") -> Question:
    return Question("x#1", "en", kind, "?", answerable, accept, "x")


def _a(text: str, source: str = "facts") -> Answer:
    return Answer(text=text, language="en", source=source)  # type: ignore[arg-type]


def test_judge_right_answer_holds_an_accepted_string_normalized() -> None:
    assert judge(_q(True, ("1227",)), _a("1,227 cases [1].")) == (True, False)
    assert judge(_q(True, ("الأحد",)), _a("On Sunday («الْأَحَدِ») [1].")) == (True, False)


def test_judge_a_refusal_is_wrong_for_an_answerable_question_right_for_the_other() -> None:
    refusal = _a("The article does not say how many children were killed.\nRelated, not the "
                 "answer: 27 people were killed [1].", "none")
    assert judge(_q(True, ("27",)), refusal) == (False, False)
    assert judge(_q(False), refusal) == (True, False)


def test_judge_a_figure_for_an_unanswerable_question_is_a_wrong_figure() -> None:
    assert judge(_q(False), _a("27 people were killed [1].")) == (False, True)
    assert judge(_q(True, ("6",)), _a("27 people were killed [1].")) == (False, True)
