"""Quotation marks and the gaps between words: a name runs on over spaces and the marks of short
quoted names («داعش»), and stops at any other punctuation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from agent.text.arabic import Token, tokens
from agent.text.doc import Doc
from agent.text.intervals import Ranges


@lru_cache(maxsize=8)  # the articles in use, not every one ever read
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Raw offsets (opening mark, closing mark) of the quotations of a text: «…» and “…” by
    nesting, straight "…" paired in order within a line."""
    out: list[tuple[int, int]] = []
    for opening, closing in (("«", "»"), ("“", "”")):
        stack: list[int] = []
        for i, ch in enumerate(text):
            if ch == opening:
                stack.append(i)
            elif ch == closing and stack:
                out.append((stack.pop(), i))
    for line in re.finditer(r"[^\n]+", text):
        marks = [line.start() + m.start() for m in re.finditer('"', line.group())]
        out += list(zip(marks[::2], marks[1::2], strict=False))
    return tuple(sorted(out))


@lru_cache(maxsize=8)  # the articles in use, not every one ever read
def _short_quote_marks(text: str) -> frozenset[int]:
    """Positions of the marks around short quoted names («داعش»، " حفظة الإسلام ")."""
    marks: set[int] = set()
    for a, b in quote_regions(text):
        if 0 < len(tokens(text, a + 1, b)) <= 3:
            marks |= {a, b}
    return frozenset(marks)


def gap(doc: Doc, a: Token, b: Token) -> str:
    """The characters between two neighbouring words."""
    return doc.text[a.end : b.start]


def passable(doc: Doc, a: Token, b: Token) -> bool:
    """Nothing but spaces and the marks of short quoted names between two words, or the point
    of an initial ('خ. مهيد الدين'، 'ك. ك. شايلاجا')."""
    marks = _short_quote_marks(doc.text)
    between = gap(doc, a, b)
    if between.startswith(".") and not between[1:].strip() and len(a.norm) == 1:
        return doc.sentence_at(a.start) == doc.sentence_at(b.start)  # not '2013 م. وقد
    return all(ch.isspace() or a.end + k in marks for k, ch in enumerate(between))


class Quotes:
    """The quotations of one text, indexed so that each question about them takes log time."""

    def __init__(self, text: str) -> None:
        self.regions = quote_regions(text)
        self._cover = Ranges(self.regions)
        self._starts = [a for a, _ in self.regions]
        self._by_end = sorted((b, a) for a, b in self.regions)
        self._opening: dict[int, list[int]] = {}
        for a, b in self.regions:
            self._opening.setdefault(a, []).append(b)

    def covers(self, start: int, end: int) -> bool:
        """Raw [start, end) lies between the marks of a quotation."""
        return self._cover.covers(start - 1, end)

    def opening_at(self, pos: int) -> list[tuple[int, int]]:
        """The quotations whose opening mark is at raw `pos`."""
        return [(pos, b) for b in self._opening.get(pos, [])]

    def is_region(self, a: int, b: int) -> bool:
        return b in self._opening.get(a, [])

    def last_closed_before(self, pos: int) -> tuple[int, int] | None:
        """The quotation whose closing mark is the last one before raw `pos`."""
        i = bisect_left(self._by_end, (pos, -1))
        return (self._by_end[i - 1][1], self._by_end[i - 1][0]) if i else None

    def opening_from(self, pos: int) -> Iterator[tuple[int, int]]:
        """The quotations that open at or after raw `pos`, in order (a caller stops early)."""
        for i in range(bisect_left(self._starts, pos), len(self.regions)):
            yield self.regions[i]


@lru_cache(maxsize=8)  # the articles in use, not every one ever read
def quotes(text: str) -> Quotes:
    return Quotes(text)


def is_quoted(doc: Doc, t: Token) -> bool:
    """Inside a quotation: its opening mark is before the word and its closing mark after."""
    return quotes(doc.text).covers(t.start, t.end)
