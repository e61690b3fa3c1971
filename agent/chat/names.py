"""Names in answers: Arabic names as an English reader knows them, and the places an article
sentence enumerates ('أحياء بستان القصر والكلاسة وكرم الدعدع')."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from agent.chat.question import GLOSSARY, Query
from agent.chat.words import Term
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.doc import span
from agent.text.lexicon import table
from schemas import Span

_DISPLAY = {form: g.display for g in GLOSSARY.values() if g.display for form in g.forms}


def english_name(name: str) -> str:
    """An Arabic name as an English reader knows it, when the glossary does; else as written."""
    display = _DISPLAY.get(norm(name))
    return f"{display} ({name})" if display else name


def display_name(name: str, q: Query, matched: list[Term]) -> str:
    """A name for the answer: in English, the user's own spelling next to the Arabic."""
    if q.lang == "ar":
        return name
    typed = [t for t in matched if t.word.isascii()]
    if typed and not _DISPLAY.get(norm(name)):
        return f"{q.text[min(t.start for t in typed):max(t.end for t in typed)]} ({name})"
    return english_name(name)


def is_name(term: Term) -> bool:
    """The term is a name: the glossary gives it an English name, or it was typed in Latin
    letters and is looked up by its consonants."""
    gloss = GLOSSARY.get(term.word.lower())
    return bool(gloss and gloss.display) or bool(term.keys)


class _Role(StrEnum):
    """What a word does in a place enumeration (agent/lexicons/place_list_words_ar.txt)."""

    noun = "noun"
    skip = "skip"
    stop = "stop"
    conjunction = "and"


_LIST_WORDS = table("place_list_words_ar", _Role)
_PLACE_NOUN = {w for w, role in _LIST_WORDS.items() if role == _Role.noun}
_LIST_SKIP = {w for w, role in _LIST_WORDS.items() if role == _Role.skip}
_LIST_STOP = {w for w, role in _LIST_WORDS.items() if role == _Role.stop}
_AND = next(w for w, role in _LIST_WORDS.items() if role == _Role.conjunction)


def place_lists(article: str, sent: Span) -> list[tuple[list[str], Span]]:
    """Enumerations of two or more place names in a sentence, each with its span."""
    found = []
    toks = tokens(article, sent.start, sent.end)
    for i, tok in enumerate(toks):
        if clitic_bases(tok.norm)[-1] not in _PLACE_NOUN and tok.norm not in _PLACE_NOUN:
            continue
        j = i + 1
        while j < len(toks) and toks[j].norm in _LIST_SKIP:
            j += 1
        items: list[list[Any]] = []
        while j < len(toks) and toks[j].norm not in _LIST_STOP:
            gap = article[toks[j - 1].end:toks[j].start]
            if items and re.search(r"[.؟?!«»:\n]", gap):
                break
            word = toks[j]
            starts_item = not items or "،" in gap or "," in gap or (
                word.text.startswith(_AND) and len(word.norm) > 3)
            if starts_item:
                text = word.text[1:] if items and word.text.startswith(_AND) and "،" not in gap \
                    else word.text
                items.append([text, word.start, word.end])
            elif len(items[-1][0].split()) < 3:
                items[-1][0] += " " + word.text
                items[-1][2] = word.end
            else:
                break
            j += 1
        if len(items) >= 2:
            found.append(([str(x[0]) for x in items], span(article, items[0][1], items[-1][2])))
    return found
