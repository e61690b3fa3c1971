"""The naive baseline `make bench` compares with: one JSON-schema call over the whole article,
as instructor + llama-cpp-python would make it, keeping the facts that validate."""

from __future__ import annotations

import jiter
from pydantic import BaseModel, ConfigDict, ValidationError

from agent.errors import ModelError
from agent.eval.match import Fact
from agent.model.llm import LLM
from agent.model.prompts import render
from schemas import Actor, CasualtyReport, Event, Statement

NAIVE_MAX_TOKENS = 2048  # room for a full extraction; the 4096 context holds ~1,100 article tokens


class NaiveFacts(BaseModel):
    """The ArticleExtraction schema without the bookkeeping the code fills (article info, model,
    warnings): given those, the 1.5B spent all its tokens repeating "-syria" inside article.id."""

    model_config = ConfigDict(extra="forbid")
    events: list[Event]
    actors: list[Actor]
    statements: list[Statement]
    casualties: list[CasualtyReport]


_FACT_MODELS: dict[str, type[BaseModel]] = {
    "events": Event, "actors": Actor, "statements": Statement, "casualties": CasualtyReport}


def naive_extract(llm: LLM, text: str, published: str | None) -> tuple[Fact, bool, str]:
    """One JSON-schema call over the whole article, as instructor + llama-cpp-python would
    make it (its first attempt; no re-ask).

    Returns (the facts that validate, whether the whole reply validated, the raw reply).
    """
    messages = render("naive_extract", article=text, published=published or "unknown")
    try:
        reply = llm.complete(messages, schema=NaiveFacts.model_json_schema(),
                             max_tokens=NAIVE_MAX_TOKENS)
    except ModelError as exc:  # e.g. the article does not fit the context: no facts at all
        return {}, False, f"error: {exc}"
    try:
        return NaiveFacts.model_validate_json(reply).model_dump(mode="json"), True, reply
    except ValidationError:
        return salvage(reply), False, reply


def salvage(reply: str) -> Fact:
    """The facts of an invalid reply that validate one by one.

    A reply cut off at max_tokens is read as far as it goes (jiter's partial mode, the parser
    instructor uses for partial streams), so the baseline keeps what it finished.
    """
    try:
        data = jiter.from_json(reply.encode("utf-8"), partial_mode="on")
    except ValueError:
        return {}
    out: Fact = {}
    for kind, model in _FACT_MODELS.items():
        items = data.get(kind) if isinstance(data, dict) else None
        out[kind] = []
        for item in items if isinstance(items, list) else []:
            try:
                out[kind].append(model.model_validate(item).model_dump(mode="json"))
            except ValidationError:
                continue
    return out
