"""The span a name covers in the article: its words without the proclitic of the sentence
('والجيش' -> 'الجيش'), with both marks of a quoted name it holds."""

from __future__ import annotations

import re

from agent.extract.actors.words import lexicon_word
from agent.text.arabic import Token
from agent.text.doc import Doc, span
from schemas import Span

# ك + ال needs three letters after it: "وكالات" is one word, not و+ك+ال+ات.
_BEFORE_ARTICLE = re.compile(r"^([وف]?(?:ب|ك(?=ال...))?)ال(?=..)")
_VISIBLE = re.compile(r"\S")


def clean(doc: Doc, first: Token, last: Token) -> Span:
    """Span from first to last word, without the proclitic glued to the first one ('والجيش'،
    'لموسكو'), and with both marks of a quoted name it holds ('باسم «الكرملين»')."""
    start = first.start + _proclitic_length(doc, first)
    end = last.end
    inside = doc.text[start:end]
    for opening, closing in (("«", "»"), ("“", "”"), ('"', '"')):
        if opening == closing:
            unbalanced = inside.count(opening) % 2 == 1
        else:
            unbalanced = inside.count(opening) > inside.count(closing)
        after = _next_visible(doc.text, end)
        if unbalanced and doc.text.startswith(closing, after):
            end = after + 1
    return span(doc.text, start, end)


def _next_visible(text: str, pos: int) -> int:
    """The first character from `pos` on that is not a space (searched, not sliced: a copy of
    the rest of the article for every name would make long articles slow)."""
    found = _VISIBLE.search(text, pos)
    return found.start() if found else len(text)


def _proclitic_length(doc: Doc, t: Token) -> int:
    """Raw characters of و/ف/ب/ك/ل in front of the name proper of a word (0 when none)."""
    w = t.norm
    m = _BEFORE_ARTICLE.match(w)
    if m:
        n = len(m.group(1))
    elif not lexicon_word(w) and len(w) > 3 and w[0] in "وفبكل" and lexicon_word(w[1:]):
        n = 1
    else:
        n = 0
    if not n:
        return 0
    return doc.norm.offsets[doc.norm.from_raw(t.start) + n] - t.start
