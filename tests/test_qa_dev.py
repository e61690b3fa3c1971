"""The chat on the dev split of tests/corpus: every question answered right (not a refusal, and
holding one of its accepted answers) or, when the article does not answer it, refused. Scored
by agent/eval/qa.py, the scorer `naba eval --qa` runs. The test split is never read here.

The questions code cannot answer yet are xfail, each with why; they count in `naba eval --qa`."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from agent.chat import Answer, answer
from agent.eval.qa import Question, judge, load_questions
from agent.extract import extract
from schemas import ArticleExtraction

# The dev questions the chat does not answer right yet, each with what it does instead:
# xfail here, counted in `naba eval --qa`. Written from a run's failures, each reason read and
# edited by a person; a question that starts passing is taken off the list.
KNOWN_FAILURES: dict[str, str] = json.loads(
    (Path(__file__).parent / "corpus" / "dev_known_failures.json").read_text(encoding="utf-8"))


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


def test_judge_an_accepted_figure_among_the_related_facts_is_not_the_answer() -> None:
    said = _a("79 people were killed [1]. Related, not the answer: At least 116 people were "
              "killed in مدينة غواياكيل [2].")
    assert judge(_q(True, ("116",)), said) == (False, True)
    said = _a("قُتل 11 جثة [1]. معلومة ذات صلة وليست الجواب: قُتل 9 جثث [2].")
    assert judge(_q(True, ("9",)), said) == (False, True)
    assert judge(_q(True, ("11",)), said) == (True, False)


def test_judge_a_figure_for_an_unanswerable_question_is_a_wrong_figure() -> None:
    assert judge(_q(False), _a("27 people were killed [1].")) == (False, True)
    assert judge(_q(True, ("6",)), _a("27 people were killed [1].")) == (False, True)


def test_judge_an_accepted_number_is_a_whole_number_of_the_answer() -> None:
    assert judge(_q(True, ("5",)), _a("aged 14 and 15 [1].")) == (False, True)
    assert judge(_q(True, ("370",)), _a("370,000 were displaced [1].")) == (False, True)
    assert judge(_q(True, ("6.3",)), _a("6.3 million dollars [1].")) == (True, False)
    assert judge(_q(True, ("5",)), _a("5 children [1].")) == (True, False)
