"""The few facts and article sentences that share the most words with a question: the
candidates an answer quotes when code has no structured answer."""

from __future__ import annotations

from dataclasses import dataclass

from agent.chat.answers import Answer, quoted
from agent.chat.facts import Facts
from agent.chat.question import Query, category_terms
from agent.chat.words import Words
from schemas import Span

MAX_FACTS, MAX_SENTENCES = 2, 2  # the best few of each


@dataclass(frozen=True)
class Item:
    """A fact or an article sentence that may answer the question."""

    fact_id: str
    kind: str
    quote: Span


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
    """The facts, then the sentences, that share the most question words."""
    items = [Item(f.id, f.kind, f.quote) for f in (
        fx.facts[i] for i in _ranked(q, fx, [f.context for f in fx.facts])[:MAX_FACTS])]
    items += [Item(f"sentence-{k + 1}", "sentence", fx.sentences[k][0])
              for k in ranked_sentences(q, fx)[:MAX_SENTENCES]]
    return items


_WHEN_SHARE = 0.7  # of the best sentence's question words, a date's sentence may have


def covers(q: Query, fx: Facts, quotes: list[Span]) -> bool:
    """The cited words stand in sentences that match the question at least as well as its best
    sentence does (a date or place fact from another sentence answers another question)."""
    known = fx.known(q.terms)

    def score(words: Words) -> float:
        return sum(fx.weight(t) for t in known if words.has(t))

    best = max((score(w) for _, w in fx.sentences), default=0.0)
    cited = [w for s, w in fx.sentences if any(s.start <= x.start < s.end for x in quotes)]
    # A date is told once for the event; the sentence that tells it may share fewer words
    # with the question than one about its aftermath («وشيّع الأهالي قتلاهم … اليوم الثلاثاء»).
    share = _WHEN_SHARE if q.when and not q.where else 1.0
    return max((score(w) for w in cited), default=0.0) >= share * best - 1e-6


def quote_answer(q: Query, items: list[Item]) -> Answer:
    """The article's own words that best match the question: the top sentence, else fact."""
    item = next((i for i in items if i.kind == "sentence"), items[0])
    return quoted(q.lang, item.fact_id, item.kind, item.quote)
