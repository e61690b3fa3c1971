"""Sentences and verified spans: every fact's evidence is built and checked here."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar, cast

from agent.text.arabic import Normalized, normalize
from schemas import Span

T = TypeVar("T")

# A sentence ends at . ! ? ؟ (not inside a number such as 3.5, not an ellipsis) or at a line
# break; a full stop inside an open «…» quote does not end the sentence. A full stop after a
# number ends one too ("عدد القتلى بـ63. وأفاد مرصد"), unless the number opens its line ("1. ").
_END = re.compile(r"(?:(?<![\d.])|(?<=\d)(?<!^\d)(?<!^\d\d))[.!?؟](?![.\d])(?:[»\"”')\]]*)"
                  r"|\n+", re.M)


# The word right before a point, with its diacritics: letters only ('بـ63.' ends a sentence).
_WORD_BEFORE = re.compile(r"(?<![\w\u0610-\u061a\u064b-\u065f\u0670])"
                          r"(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670])+$")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


# A run-on "sentence" (text with no full stops) is cut at clause breaks so that no prompt built
# from one sentence can outgrow the model's context.
MAX_SENTENCE = 600
_CLAUSE = re.compile(r"[،,؛;:]\s+|\s+(?=و)")


def sentences(article: str) -> list[Sentence]:
    """Split the article into sentences with raw offsets; whitespace trimmed, empties dropped."""
    out: list[Sentence] = []
    pos = 0
    for cut in [*_cuts(article), len(article)]:
        for s, e in _pieces(article, pos, cut):
            out.append(Sentence(len(out), s, e, article[s:e]))
        pos = cut
    return out


def _cuts(article: str) -> list[int]:
    """Where sentences end: at every line break, and at a full stop outside an open «…» that
    is no acronym's or initial's."""
    cuts = []
    opened = closed = counted = 0  # the « and » in article[:counted]
    for m in _END.finditer(article):
        if _acronym_dot(article, m.start()):
            continue
        opened += article.count("«", counted, m.end())
        closed += article.count("»", counted, m.end())
        counted = m.end()
        if "\n" in m.group(0) or opened <= closed:
            cuts.append(m.end())
    return cuts


def _acronym_dot(article: str, at: int) -> bool:
    """The full stop at `at` joins the letters of an acronym ('(أو.آر.تي.إم)'، 'U.N.': at most
    three letters before it and a letter right after it) or ends an initial ('ك. ك. شايلاجا':
    one letter alone)."""
    if article[at] != ".":
        return False
    word = _WORD_BEFORE.search(article, max(0, at - 60), at)
    if word is None:
        return False
    letters = sum(ch.isalpha() for ch in word.group(0))  # not its diacritics
    after_number = article[:word.start()].rstrip()[-1:].isdigit()  # '2012 م.' ends one
    return (letters == 1 and not after_number) or (
        letters <= 3 and article[at + 1:at + 2].isalpha())


def _pieces(article: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) trimmed, and cut at clause breaks into pieces of at most MAX_SENTENCE."""
    out: list[tuple[int, int]] = []
    while True:
        while start < end and article[start].isspace():
            start += 1
        while end > start and article[end - 1].isspace():
            end -= 1
        if end <= start:
            return out
        if end - start <= MAX_SENTENCE:
            return [*out, (start, end)]
        breaks = [m.end() for m in _CLAUSE.finditer(article, start + MAX_SENTENCE // 3,
                                                     start + MAX_SENTENCE)]
        cut = breaks[-1] if breaks else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut


def span(article: str, start: int, end: int) -> Span:
    """A Span of the article, trimmed of surrounding whitespace and punctuation that
    belongs to the sentence rather than the fact."""
    while start < end and (article[start].isspace() or article[start] in "،,؛;:"):
        start += 1
    while end > start and (article[end - 1].isspace() or article[end - 1] in "،,؛;:"):
        end -= 1
    return Span(text=article[start:end], start=start, end=end)


def verify(article: str, s: Span) -> bool:
    """The grounding check every span must pass: the article holds these exact words here."""
    return 0 <= s.start <= s.end <= len(article) and article[s.start : s.end] == s.text


def locate(article: str, text: str, near: int = 0) -> Span | None:
    """Find `text` in the article: exactly first, then modulo diacritics / alef / yeh forms.

    Searches from `near` onward first, then from the start; returns the raw span or None.
    """
    text = text.strip()
    if not text:
        return None
    for origin in (near, 0):
        pos = article.find(text, origin)
        if pos >= 0:
            return Span(text=text, start=pos, end=pos + len(text))
    normalized = normalize(article)
    needle = normalize(text).text
    for origin in (normalized.from_raw(near), 0):
        pos = normalized.text.find(needle, origin)
        if pos >= 0:
            start, end = normalized.to_raw(pos, pos + len(needle))
            return Span(text=article[start:end], start=start, end=end)
    return None


@dataclass(frozen=True)
class Doc:
    """One article ready for the rules: raw text, its normalized form, its sentences."""

    text: str
    norm: Normalized
    sentences: tuple[Sentence, ...]
    published: date | None
    warnings: list[str] = field(default_factory=list, compare=False)
    _memo: dict[Hashable, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, text: str, published: date | None = None) -> Doc:
        return cls(text, normalize(text), tuple(sentences(text)), published)

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence holding raw offset `pos` (the last one starting before it)."""
        starts = self.memo("sentence starts", lambda: [s.start for s in self.sentences])
        return self.sentences[max(0, bisect_right(starts, pos) - 1)]

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """What a rule derives from the whole article (an index of its words), built once."""
        if key not in self._memo:
            self._memo[key] = build()
        return cast(T, self._memo[key])
