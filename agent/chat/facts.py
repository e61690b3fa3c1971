"""An article's facts indexed for answering: each fact with the words around it, the
article's sentences, and every name the extraction knows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from agent.chat.words import Term, Words
from agent.text.doc import Doc, locate, sentences
from schemas import Actor, ArticleExtraction, Span

LEAD_SENTENCES = 2  # a headline line and the first sentence under it


@dataclass
class Fact:
    """One extracted fact, seen the way questions look for it."""

    id: str
    kind: str  # casualty, statement, actor, event
    obj: Any
    quote: Span
    context: Words  # its sentences and named fields


@dataclass
class Facts:
    """An article and its extraction, indexed for answering."""

    article: str
    extraction: ArticleExtraction
    facts: list[Fact]
    sentences: list[tuple[Span, Words]]
    names: Words  # every name the extraction knows: actors, places, sources, speakers
    words: Words  # the whole article

    @classmethod
    def build(cls, extraction: ArticleExtraction, article: str) -> Facts:
        sents = [(Span(text=s.text, start=s.start, end=s.end), Words(s.text))
                 for s in sentences(article)]

        def context(evidence: list[Span], *fields: str | None) -> Words:
            around = [s.text for s, _ in sents
                      if any(e.start < s.end and s.start < e.end for e in evidence)]
            return Words(" ".join([*around, *(f for f in fields if f)]))

        facts: list[Fact] = []
        for c in extraction.casualties:
            where = c.location.name if c.location else None
            facts.append(Fact(c.id, "casualty", c, c.evidence[0],
                              context(c.evidence, where, c.reported_by, c.perpetrator)))
        for e in extraction.events:
            where = e.location.name if e.location else None
            facts.append(Fact(e.id, "event", e, e.evidence[0],
                              context(e.evidence, where, *(a.name for a in e.actors))))
        for s in extraction.statements:
            facts.append(Fact(s.id, "statement", s, s.evidence[0], context(s.evidence)))
        for a in extraction.actors:
            facts.append(Fact(a.id, "actor", a, _actor_quote(article, a),
                              Words(" ".join([a.name, *a.aliases, a.title or "",
                                              a.affiliation or ""]))))
        names = [a.name for a in extraction.actors] + [x for a in extraction.actors
                                                       for x in a.aliases]
        names += [s.speaker for s in extraction.statements]
        names += [c.reported_by or "" for c in extraction.casualties]
        names += [e.location.name for e in extraction.events if e.location]
        names += [c.location.name for c in extraction.casualties if c.location]
        return cls(article, extraction, facts, sents, Words(" ".join(names)), Words(article))

    @cached_property
    def doc(self) -> Doc:
        """The article as the extraction rules read it (numbers and dates in answers)."""
        published = self.extraction.article.published
        return Doc.build(self.article, date.fromisoformat(published) if published else None)

    def weight(self, term: Term) -> float:
        """How much finding the term says: 1 / the number of sentences holding it (a word in
        few sentences points at the answer more than a word in most)."""
        return 1 / max(1, sum(w.has(term, min_key=2) for _, w in self.sentences))

    @property
    def lead(self) -> list[tuple[Span, Words]]:
        """The title and first sentence: what the article is about, and whose report it is."""
        return self.sentences[:LEAD_SENTENCES]

    @property
    def headline(self) -> bool:
        """The first sentence is a headline: a line of its own, with no full stop."""
        if not self.sentences:
            return False
        s = self.sentences[0][0]
        return self.article[s.end:s.end + 2].strip(" ").startswith("\n") and not (
            s.text.rstrip().endswith((".", "،", ":")))

    def sentence_at(self, pos: int) -> int | None:
        """The index of the sentence holding the article's character `pos`."""
        return next((k for k, (s, _) in enumerate(self.sentences) if s.start <= pos < s.end),
                    None)

    def of_kind(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    def knows(self, term: Term) -> bool:
        """The term names something in the article (short keys only count against names)."""
        return self.words.has(term) or self.names.has(term, min_key=2)

    def known(self, terms: list[Term]) -> list[Term]:
        """The terms that name something in the article."""
        return [t for t in terms if self.knows(t)]


def _actor_quote(article: str, actor: Actor) -> Span:
    """The actor's title as the article words it, else the first mention of the name."""
    first = actor.evidence[0]
    if actor.title:
        found = locate(article, actor.title, near=max(0, first.start - 200))
        if found is not None:
            return found
    return first


def best_matching(facts: list[Fact], terms: list[Term], fx: Facts | None = None) -> list[Fact]:
    """The facts whose context holds the most question terms (all of them when no terms); with
    `fx`, each term weighs by how rare it is in the article (Facts.weight)."""
    if not terms:
        return facts
    weight = {id(t): fx.weight(t) if fx else 1.0 for t in terms}
    scored = [(round(sum(weight[id(t)] for t in terms if f.context.has(t)), 6), f)
              for f in facts]
    top = max((s for s, _ in scored), default=0)
    return [f for s, f in scored if s == top and s > 0]
