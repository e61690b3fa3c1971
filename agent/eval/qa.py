"""`naba eval --qa`: the chat scored on tests/corpus's questions. An answerable question is
right when the answer is not a refusal and holds one of its `accept` strings before any related
facts it adds (those are marked as not the answer); an unanswerable one when the answer refuses.
A figure in an answer that is neither refused nor right is a wrong figure, the worst error the
chat can make (it cites a number for something not asked).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from agent.chat import Answer, answer
from agent.chat.constraints import RELATED
from agent.errors import InputError
from agent.eval import ROOT
from agent.extract import extract
from agent.model.llm import LLM
from agent.text.arabic import norm

CORPUS = ROOT / "tests" / "corpus"
SPLITS = ("dev", "test")
Answerer = Callable[[str, Any, str], Answer]  # question, extraction, article


@dataclass(frozen=True)
class Question:
    id: str
    lang: str
    kind: str
    question: str
    answerable: bool
    accept: tuple[str, ...]
    article: str  # the article's id


@dataclass
class Outcome:
    question: Question
    answer: Answer
    right: bool
    wrong_figure: bool
    seconds: float


@dataclass
class Tally:
    """Right out of asked, per language and answerability, and the wrong figures."""

    cells: dict[str, list[int]] = field(default_factory=dict)
    wrong_figures: int = 0

    def add(self, o: Outcome) -> None:
        cell = self.cells.setdefault(_cell(o.question), [0, 0])
        cell[0] += o.right
        cell[1] += 1
        self.wrong_figures += o.wrong_figure

    def total(self, answerable: bool, lang: str | None = None) -> tuple[int, int]:
        kind = "answerable" if answerable else "unanswerable"
        keys = [k for k in self.cells
                if k.split()[1] == kind and (lang is None or k.split()[0] == lang)]
        return sum(self.cells[k][0] for k in keys), sum(self.cells[k][1] for k in keys)


def _cell(q: Question) -> str:
    return f"{q.lang} {'answerable' if q.answerable else 'unanswerable'}"


def load_questions(split: str) -> list[tuple[Question, str, str | None]]:
    """Every question of a split with its article's text and publication date."""
    folder = CORPUS / split
    if not folder.is_dir():
        raise InputError(f"no QA split {split!r}: {folder} is missing")
    out = []
    for path in sorted(folder.glob("*.qa.json")):
        stem = path.name.removesuffix(".qa.json")
        text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
        meta_path = folder / f"{stem}.meta.json"
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
        for raw in json.loads(path.read_text(encoding="utf-8"))["questions"]:
            q = Question(raw["id"], raw["lang"], raw["kind"], raw["question"],
                         raw["answerable"], tuple(raw.get("accept", ())), stem)
            out.append((q, text, meta.get("published")))
    return out


def _plain(text: str) -> str:
    """Normalized for matching: Arabic forms, case, and digit group commas ('1,227')."""
    return re.sub(r"(?<=\d),(?=\d{3})", "", norm(text).lower())


def judge(q: Question, ans: Answer) -> tuple[bool, bool]:
    """(right, wrong figure) for one answer."""
    refused = ans.source == "none"
    if not q.answerable:
        return refused, not refused and bool(re.search(r"\d", _strip_marks(ans.text)))
    said = _plain(_answer_part(ans.text))
    right = not refused and any(_holds(said, _plain(a)) for a in q.accept)
    return right, (not refused and not right and q.kind == "how_many"
                   and bool(re.search(r"\d", _strip_marks(ans.text))))


def _answer_part(text: str) -> str:
    """The answer without the related facts that follow it: a figure there is not the answer."""
    return min((text.split(mark)[0] for mark in RELATED.values()), key=len)


def _holds(said: str, accepted: str) -> bool:
    """The accepted string is in the answer, a number as a whole number ('5' is not in '15')."""
    if not re.fullmatch(r"[\d.]+", accepted):
        return accepted in said
    return re.search(rf"(?<![\d.]){re.escape(accepted)}(?![\d]|\.\d)", said) is not None


def _strip_marks(text: str) -> str:
    return re.sub(r"\[\d+\]", "", text)


def run(split: str, ask: Answerer, only: Sequence[str] = ()) -> list[Outcome]:
    """Answer and judge every question of a split (articles extracted once each)."""
    outcomes = []
    extracted: dict[str, Any] = {}
    for q, text, published in load_questions(split):
        if only and q.article not in only:
            continue
        if q.article not in extracted:
            extracted[q.article] = extract(text, published)
        started = time.perf_counter()
        ans = ask(q.question, extracted[q.article], text)
        seconds = time.perf_counter() - started
        right, wrong = judge(q, ans)
        outcomes.append(Outcome(q, ans, right, wrong, seconds))
    return outcomes


def table(outcomes: Sequence[Outcome], split: str) -> str:
    tally = Tally()
    for o in outcomes:
        tally.add(o)
    lines = [f"QA, {split} split ({len(outcomes)} questions)", "",
             "| | answerable right | unanswerable refused |", "| --- | --- | --- |"]
    for lang in (None, "ar", "en"):
        a, n = tally.total(True, lang)
        u, m = tally.total(False, lang)
        lines.append(f"| {lang or 'all'} | {_pct(a, n)} | {_pct(u, m)} |")
    lines.append(f"\nwrong figures: {tally.wrong_figures}")
    slowest = max((o.seconds for o in outcomes), default=0.0)
    lines.append(f"seconds per answer: median {_median([o.seconds for o in outcomes]):.3f}, "
                 f"slowest {slowest:.3f}")
    return "\n".join(lines)


def _pct(k: int, n: int) -> str:
    return f"{k}/{n} ({100 * k / n:.0f}%)" if n else "-"


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else 0.0


def failures(outcomes: Sequence[Outcome]) -> str:
    """Each wrong answer: the question, what was expected, what was said."""
    lines = []
    for o in outcomes:
        if o.right:
            continue
        want = "|".join(o.question.accept) if o.question.answerable else "a refusal"
        said = o.answer.text.replace("\n", " ")[:200]
        lines.append(f"{o.question.id} [{o.question.kind}] {o.question.question}\n"
                     f"    want {want}\n    said {said}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="naba eval --qa", description="Score the chat on tests/corpus's questions.")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--model", metavar="PATH", help="a GGUF instead of the default model")
    parser.add_argument("--with-model", action="store_true",
                        help="let the default model veto quoted answers (default: code only)")
    parser.add_argument("--failures", action="store_true", help="list the wrong answers")
    parser.add_argument("--only", action="append", default=[], metavar="ID",
                        help="score only this article (repeatable)")
    args = parser.parse_args(argv)
    llm: LLM | None = None
    if args.with_model or args.model:
        from agent.model.llama import get_llm

        llm = get_llm(args.model)

    def ask(question: str, extraction: Any, article: str) -> Answer:
        return answer(question, extraction, article, llm=llm)

    for split in SPLITS if args.split == "all" else (args.split,):
        outcomes = run(split, ask, args.only)
        print(table(outcomes, split))
        if args.failures:
            print(failures(outcomes))
        print()
    return 0
