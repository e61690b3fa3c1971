"""Answers questions about one article from its extracted facts, every claim cited.

Structured questions (how many, who said what, who is, where, when) are answered by code from
the facts; the rest by the article's own sentence that meets what the question asks. Every
answer is checked against the question's constraints (agent/chat/constraints.py).
"""

from __future__ import annotations

import time
from typing import Any

from agent.chat.acronyms import expand
from agent.chat.answers import Answer, quoted, unanswerable
from agent.chat.asks import Constraints, read
from agent.chat.constraints import answering_sentence, group_sentence, refusal, vet
from agent.chat.context import context, covers, quote_answer, ranked_sentences
from agent.chat.facts import Facts
from agent.chat.question import parse
from agent.chat.routes import asked_way
from agent.chat.structured import code_answer, out_of_article
from agent.chat.veto import vetoed
from agent.chat.words import Words
from agent.model.llm import LLM
from schemas import ArticleExtraction, Span


def answer(question: str, extraction: ArticleExtraction, article: str,
           llm: LLM | None = None) -> Answer:
    """Answer one question about the article, in the question's language, with citations.

    Structured questions (how many, who said what, who is, where, when) are answered by code
    from the facts; the rest by quoting the article's sentence that meets what the question
    asks. A named model only vetoes a quote it says does not answer (agent/chat/veto.py).
    """
    q = parse(question)
    fx = Facts.build(extraction, article)
    expand(q, fx)  # 'KNCHR' finds اللجنة الوطنية الكينية لحقوق الإنسان
    asks = read(q, fx)
    coded = code_answer(q, fx, asks)
    items = context(q, fx)
    # A where/when answer stands when its cited words cover the question; a trip's place
    # ('where was it heading') comes from the one sentence that says the trip.
    if coded is not None and (q.count or not (q.when or q.where) or not items or asked_way(q)
                              or covers(q, fx, [c.quote for c in coded.citations])):
        checked = vet(q, fx, coded, asks)
        # A figure of a source no extracted figure is tied to may stand in the source's own
        # sentence: «قالت مديرة الاتصالات في الأونروا … إن عدد القتلى … يتراوح بين 35 و45»;
        # a claim in its own sentence, not in what someone said of the attack.
        if checked.source == "none" and (asks.claim or (q.count and asks.sources)) and items:
            found = answering_sentence(q, fx, asks, ranked_sentences(q, fx))
            if found is not None and (asks.claim or _names_source(asks, found)):
                checked = vet(q, fx, found, asks)
        return vetoed(llm, q, checked)
    if out_of_article(q, fx) or not items:
        return vet(q, fx, unanswerable(q.lang), asks)
    # The sentence that counts what is asked ('how many merchants'), else the first of the
    # best few sentences that meets what the question asks (its cause, date, source), else the
    # best one, which vet() turns into a refusal. Measured on dev English questions: the 1.5B
    # model phrasing an answer from these lines lost 22 of 51 right answers and added 6 wrong
    # figures against these quotes (BENCHMARKS.md), so no model phrases answers.
    found = ((group_sentence(q, fx, asks) if asks.counted else None)
             or answering_sentence(q, fx, asks, ranked_sentences(q, fx))
             or quote_answer(q, items))
    # A headline sums the story up: who did it, why, where exactly are told below it, if at all.
    # A place of the kind asked ('which neighbourhood') it names is named.
    if not (q.count or q.where or (asks.place_kind and asks.settled)) and fx.headline and all(
            c.fact_id == "sentence-1" for c in found.citations):
        return refusal(q, "counted", [], found)
    return vetoed(llm, q, vet(q, fx, found, asks))


def _names_source(asks: Constraints, found: Answer) -> bool:
    """Every word of the asked source that the glossary knows, and every name, stands in the
    quoted sentence (a sentence's own check lets a source be named its own way)."""
    said = Words(" ".join(c.quote.text for c in found.citations))
    return all(said.has(t, min_key=2) for t in asks.sources
               if t.forms or (t.keys and t.word[:1].isupper()))


def render_terminal(ans: Answer) -> str:
    """The answer and, under it, each citation's quoted words and where they stand."""
    lines = [ans.text]
    if ans.citations:
        lines.append("")
    for c in ans.citations:
        lines.append(f"[{c.n}] {c.fact_id} ({c.kind}), chars {c.quote.start}-{c.quote.end}: "
                     f"«{c.quote.text}»")
    return "\n".join(lines)


def warm(llm: LLM) -> None:
    """Have the model read the fixed start of the veto prompt once, so that the first quoted
    answer only costs its own passage (llama.cpp reuses the longest shared prompt prefix)."""
    vetoed(llm, parse("?"), quoted("en", "sentence-1", "sentence", Span(start=0, end=1, text="?")))


def answer_seconds(extraction: ArticleExtraction, article: str, llm: LLM) -> dict[str, Any]:
    """Seconds to quoted answers that the named model vets, after warm(): the slowest kind of
    answer a user waits for (each question new to the model), and to an answer from the facts
    by code, for agent.eval.bench."""
    warm(llm)
    times, final = [], None
    for question in VETTED_QUESTIONS:
        started = time.perf_counter()
        final = answer(question, extraction, article, llm=llm)
        times.append(time.perf_counter() - started)
    assert final is not None
    started = time.perf_counter()
    answer("How many civilians were killed in Hama?", extraction, article, llm=llm)
    return {"seconds": sorted(times)[len(times) // 2], "slowest": max(times),
            "first": times[0], "source": final.source, "question": VETTED_QUESTIONS[-1],
            "answer": final.text, "facts_seconds": time.perf_counter() - started}


# Questions about the founding article that code answers with a quote the model then vets.
VETTED_QUESTIONS = ("What did the Islamic State broadcast from Palmyra?",
                    "How many air strikes did Moscow launch on Palmyra?",
                    "Who controls Palmyra?")
