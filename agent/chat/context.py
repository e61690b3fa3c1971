"""The few facts and article sentences that share the most words with a question, numbered
for the model to cite, or quoted as they are when no model phrases the answer."""

from __future__ import annotations

from dataclasses import dataclass

from agent.chat.answers import Answer, count_phrase, quoted
from agent.chat.facts import Fact, Facts
from agent.chat.question import Query, category_terms
from agent.chat.words import Words
from schemas import Span

# The small model answers well over a few relevant lines and loses its way in a long list of
# facts, so it gets the facts and sentences sharing the most words with the question.
# Each line costs prompt time on every question (~90 tokens/s): two of each keep the first
# token near 3 s on two cores.
MAX_FACTS, MAX_SENTENCES = 2, 2
_LINE_MAX = 220  # characters per fact line in the prompt


@dataclass(frozen=True)
class Item:
    """A numbered line the model may cite: a fact or an article sentence."""

    n: int
    fact_id: str
    kind: str
    quote: Span
    line: str


def _ranked(q: Query, fx: Facts, words: list[Words]) -> list[int]:
    """Indices of the texts sharing question words, most (rarest-weighted) first."""
    known = fx.known(q.terms) + category_terms(q)
    weights = [fx.weight(t) for t in known]
    scored = [(sum(wt for t, wt in zip(known, weights, strict=True) if w.has(t, min_key=2)), i)
              for i, w in enumerate(words)]
    return [i for _, i in sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], x[1]))]


def ranked_sentences(q: Query, fx: Facts) -> list[int]:
    """The article's sentences that share question words, best first."""
    return _ranked(q, fx, [w for _, w in fx.sentences])


def context(q: Query, fx: Facts) -> list[Item]:
    """The facts, then the sentences, that share the most question words, numbered from 1."""
    items: list[Item] = []
    for i in _ranked(q, fx, [f.context for f in fx.facts])[:MAX_FACTS]:
        f = fx.facts[i]
        items.append(Item(len(items) + 1, f.id, f.kind, f.quote, clip(_fact_line(f))))
    for k in ranked_sentences(q, fx)[:MAX_SENTENCES]:
        sent = fx.sentences[k][0]
        items.append(Item(len(items) + 1, f"sentence-{k + 1}", "sentence", sent,
                          f"«{clip(sent.text, 1.5)}»"))
    return items


def covers(q: Query, fx: Facts, quotes: list[Span]) -> bool:
    """The cited words stand in sentences that match the question at least as well as its best
    sentence does (a date or place fact from another sentence answers another question)."""
    known = fx.known(q.terms)

    def score(words: Words) -> float:
        return sum(fx.weight(t) for t in known if words.has(t))

    best = max((score(w) for _, w in fx.sentences), default=0.0)
    cited = [w for s, w in fx.sentences if any(s.start <= x.start < s.end for x in quotes)]
    return max((score(w) for w in cited), default=0.0) >= best - 1e-6


def clip(text: str, lines: float = 1) -> str:
    """The text cut to `lines` prompt lines, an ellipsis marking the cut."""
    limit = int(lines * _LINE_MAX)
    return text if len(text) <= limit else text[:limit] + "…"


def _fact_line(f: Fact) -> str:
    o = f.obj
    if f.kind == "casualty":
        parts = [f"{o.category}: {count_phrase(o, 'en')} {o.unit} ({o.victims})",
                 f"«{o.count_text}»"]
        parts += [f"in {o.location.name}"] if o.location else []
        parts += [f"on {o.date}"] if o.date else []
        parts += [f"reported by {o.reported_by}"] if o.reported_by else []
        parts += [f"caused by {o.perpetrator}"] if o.perpetrator else []
        return "casualties, " + " — ".join(parts)
    if f.kind == "statement":
        return f"statement by {o.speaker} ({o.kind}): «{o.text}»"
    if f.kind == "actor":
        about = " — ".join(x for x in (o.title, o.affiliation) if x)
        return f"actor ({o.type}): {o.name}" + (f" — {about}" if about else "")
    parts = [f"event ({o.type}): «{o.description}»"]
    parts += [f"in {o.location.name}"] if o.location else []
    parts += [f"on {o.date}"] if o.date else []
    return " — ".join(parts)


def quote_answer(q: Query, items: list[Item]) -> Answer:
    """The article's own words that best match the question: the top sentence, else fact."""
    item = next((i for i in items if i.kind == "sentence"), items[0])
    return quoted(q.lang, item.fact_id, item.kind, item.quote)
