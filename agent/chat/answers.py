"""An answer and its citations, the draft code writes one in, and how a figure is phrased."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from agent.chat.question import Lang
from schemas import CasualtyReport, Span

UNANSWERABLE = {"en": "The article does not say.", "ar": "لا يذكر المقال ذلك."}


class Citation(BaseModel):
    n: int = Field(description="The [n] marker in the answer text.")
    fact_id: str = Field(description="Id of the fact (c1, s2, a3, e4) or 'sentence-<k>'.")
    kind: str = Field(description="casualty, statement, actor, event or sentence.")
    quote: Span = Field(description="The article's words behind the claim.")


class Answer(BaseModel):
    text: str = Field(description="The answer, in the language of the question, with [n] marks.")
    citations: list[Citation] = Field(default_factory=list)
    language: Lang
    source: Literal["facts", "model", "none"] = Field(
        description="Who wrote the text: code from the facts, the model (checked), or nobody."
    )


def unanswerable(lang: Lang) -> Answer:
    return Answer(text=UNANSWERABLE[lang], language=lang, source="none")


@dataclass
class Draft:
    """An answer being written: text parts and the facts they cite, numbered in order."""

    lang: Lang
    parts: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def cite(self, fact_id: str, kind: str, quote: Span) -> str:
        for c in self.citations:
            if c.fact_id == fact_id and c.quote == quote:
                return f"[{c.n}]"
        n = len(self.citations) + 1
        self.citations.append(Citation(n=n, fact_id=fact_id, kind=kind, quote=quote))
        return f"[{n}]"

    def answer(self, joiner: str = " ") -> Answer:
        parts = [p[:1].upper() + p[1:] for p in self.parts]  # 'the Syrian Observatory said'
        return Answer(text=joiner.join(parts), citations=self.citations,
                      language=self.lang, source="facts")


def quoted(lang: Lang, fact_id: str, kind: str, quote: Span) -> Answer:
    """The article's own words as the answer: 'The article says: «…» [1]'."""
    d = Draft(lang)
    mark = d.cite(fact_id, kind, quote)
    d.parts.append(f"The article says: «{quote.text}» {mark}" if lang == "en"
                   else f"يقول المقال: «{quote.text}» {mark}")
    return d.answer()


def _fmt(n: int, lang: Lang) -> str:
    return f"{n:,}" if lang == "en" else str(n)


def count_phrase(c: CasualtyReport, lang: Lang) -> str:
    """How sure the figure is, in words: 'at least 50', 'about 80', 'between 30 and 35'."""
    low, best, high = c.count_low, c.count_best, c.count_high
    if best is None:
        return f"«{c.count_text}»"
    n = _fmt(best, lang)
    if low is not None and high is not None and low != high:
        return (f"between {_fmt(low, lang)} and {_fmt(high, lang)}" if lang == "en"
                else f"بين {low} و{high}")
    if low is not None and high is not None:
        return n
    if low is not None:
        return f"at least {n}" if lang == "en" else f"{n} على الأقل"
    if high is not None:
        return f"up to {n}" if lang == "en" else f"ما يصل إلى {n}"
    return f"about {n}" if lang == "en" else f"حوالي {n}"
