"""A named model as a veto on a quoted sentence: asked under a JSON grammar whether the passage
states the answer to the question, it turns a quote it says does not into a refusal, with the
quote kept as related.

Only when a model is named (`naba chat --model`, `answer(..., llm=...)`): on the dev split the
default 1.5B model vetoed 16 of the 60 unanswerable questions that code had answered with a
quote and 6 of its 29 quoted wrong figures, but also 5 of 320 right quotes, at 2-6 s an answer
on two cores (README.md, "How extraction works, and what the model does"). Figure answers are not
put to it: it caught too few wrong ones there to be worth a right one."""

from __future__ import annotations

import json

from agent.chat.answers import Answer
from agent.chat.constraints import refusal
from agent.chat.question import Query
from agent.model.llm import LLM
from agent.model.prompts import render

_SCHEMA = {"type": "object", "properties": {"answers": {"type": "boolean"}},
           "required": ["answers"]}
_QUOTES = ("The article says:", "يقول المقال:")


def vetoed(llm: LLM | None, q: Query, ans: Answer) -> Answer:
    """The answer, or, when a model is named, the answer quotes the article and the model says
    the quote does not answer the question, the refusal with the quote as related."""
    if llm is None or ans.source == "none" or not ans.text.startswith(_QUOTES):
        return ans
    passage = "\n".join(c.quote.text for c in ans.citations)
    reply = llm.complete(render("veto", passage=passage, question=q.text), _SCHEMA,
                         max_tokens=20)
    try:
        states = json.loads(reply)["answers"]
    except (ValueError, KeyError, TypeError):
        return ans  # a reply that does not parse vetoes nothing
    return refusal(q, "counted", [], ans) if states is False else ans
