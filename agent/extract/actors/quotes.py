"""Quotation marks and the gaps between words: a name runs on over spaces and the marks of short
quoted names («داعش»), and stops at any other punctuation.
"""

from __future__ import annotations

import re
from functools import cache

from agent.text.arabic import Token, tokens
from agent.text.doc import Doc


@cache
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


@cache
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
    """Nothing but spaces and the marks of short quoted names between two words."""
    marks = _short_quote_marks(doc.text)
    return all(ch.isspace() or a.end + k in marks for k, ch in enumerate(gap(doc, a, b)))


def is_quoted(doc: Doc, t: Token) -> bool:
    return any(a < t.start and t.end <= b for a, b in quote_regions(doc.text))
