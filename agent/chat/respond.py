"""Answers questions about one article from its extracted facts, every claim cited.

Structured questions (how many, who said what, who is, where, when) are answered by code from
the facts; the model phrases the rest from a numbered list of facts and article sentences, and
its reply is kept only when every number, name and citation in it checks out.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from agent.chat.acronyms import expand
from agent.chat.answers import Answer, unanswerable
from agent.chat.asks import read
from agent.chat.constraints import answering_sentence, group_sentence, vet
from agent.chat.context import context, covers, quote_answer, ranked_sentences
from agent.chat.facts import Facts
from agent.chat.question import parse
from agent.chat.reply import check, model_reply, prompt
from agent.chat.routes import asked_way
from agent.chat.structured import code_answer, out_of_article
from agent.chat.veto import vetoed
from agent.model.llm import LLM
from schemas import ArticleExtraction


def answer_stream(question: str, extraction: ArticleExtraction, article: str,
                  history: list[tuple[str, str]] | None = None,
                  llm: LLM | None = None) -> Iterator[str | Answer]:
    """Yield the answer's text as it grows (model answers only), then the final Answer.

    Structured questions are answered by code; the rest by the model over the few most
    relevant lines (English) or by quoting the best of those lines (Arabic, or no model).
    The final Answer may differ from the streamed text: a model reply that fails the checks
    is replaced by 'the article does not say'.
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
        yield vetoed(llm, q, vet(q, fx, coded, asks))
        return
    if out_of_article(q, fx) or not items:
        yield vet(q, fx, unanswerable(q.lang), asks)
        return
    if q.lang == "ar" or llm is None:
        # Measured: the 1.5B model's Arabic garbles the meaning even when every word is the
        # article's, so an Arabic question gets the article's own words instead: the sentence
        # that counts what is asked ('how many merchants'), else the best matching one.
        # Else the first of the best few sentences that meets what the question asks (its cause,
        # date, source), else the best one, which vet() turns into a refusal.
        found = ((group_sentence(q, fx, asks) if asks.counted else None)
                 or answering_sentence(q, fx, asks, ranked_sentences(q, fx)))
        yield vetoed(llm, q, vet(q, fx, found or quote_answer(q, items), asks))
        return
    reply = ""
    for piece in model_reply(llm, prompt(q, items, history)):
        reply += piece
        yield reply
    yield vet(q, fx, check(reply, q, items, fx.words) or unanswerable(q.lang), asks)


def answer(question: str, extraction: ArticleExtraction, article: str,
           history: list[tuple[str, str]] | None = None, llm: LLM | None = None) -> Answer:
    """Answer one question about the article, in the question's language, with citations."""
    *_, final = answer_stream(question, extraction, article, history, llm)
    assert isinstance(final, Answer)
    return final


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
    """Have the model read the fixed start of every answer prompt once, so that the first
    question only costs its own lines (llama.cpp reuses the longest shared prompt prefix)."""
    llm.complete(prompt(parse("?"), [], None), max_tokens=1)


def time_to_first_token(extraction: ArticleExtraction, article: str, llm: LLM,
                        question: str = "How many air strikes did Moscow launch on Palmyra?",
                        ) -> dict[str, Any]:
    """Seconds to the first streamed piece of a model-phrased answer (after warm()) and to the
    whole checked answer, for agent.eval.bench; a code answer's time is in `facts_seconds`."""
    warm(llm)
    started = time.perf_counter()
    first = None
    final: Answer | None = None
    for item in answer_stream(question, extraction, article, llm=llm):
        if first is None:
            first = time.perf_counter() - started
        if isinstance(item, Answer):
            final = item
    seconds = time.perf_counter() - started
    assert final is not None
    started = time.perf_counter()
    answer("How many civilians were killed in Hama?", extraction, article, llm=llm)
    return {"ttft": first, "seconds": seconds, "source": final.source, "question": question,
            "answer": final.text, "facts_seconds": time.perf_counter() - started}
