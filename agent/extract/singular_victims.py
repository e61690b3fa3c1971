"""One or two people counted without a number, right after the word that says what happened to
them: "مقتل امرأة", "وأصيب آخر", "أصيب ضابط ومجند", and one named person: "اعتُقل الصحافي خالد
داود", "وفاة الشابة الكردية مهسا أميني" (tests/truth/GUIDE.md: one singular victim = 1)."""

from __future__ import annotations

from agent.extract.counts import Count
from agent.extract.governing import category_of, is_person_noun
from agent.extract.numbers import Word, casualty_word
from agent.text import lexicon
from agent.text.arabic import clitic_bases
from agent.text.doc import Doc

_SINGULAR = lexicon.words("single_persons")
_NAME_STOPS = lexicon.words("name_stop_words")
_BODIES = lexicon.words("body_nouns")
_NAME_WORDS = 3  # "خميس أبكر", "أوكولي نكيم", "عمر خالد خراساني"
_ADJECTIVES = 2  # "الشابة الكردية", "الجندي الإسرائيلي الأسبق"


def singulars(doc: Doc, ws: list[Word], spans: list[tuple[int, int]]) -> list[Count]:
    """The counts of one (or two joined by و) person after a casualty word, outside `spans`
    (the words of the sentence's numbered counts)."""
    in_count = {i for a, b in spans for i in range(a, b + 1)}
    found = []
    for i in range(len(ws) - 1):
        one = i + 1
        if one in in_count or category_of(ws, i) is None \
                or is_person_noun(ws[i]):  # "بين القتلى طفلا": a part of a figure, not one
            continue
        if ws[one].norm in _SINGULAR:
            last, value = one, 1
            nxt = ws[one + 1].norm if one + 1 < len(ws) else ""
            if nxt.startswith("و") and nxt[1:] in _SINGULAR and one + 1 not in in_count:
                last, value = one + 1, 2
        elif not set(clitic_bases(ws[i].norm)) & _BODIES and (named := _named(ws, one)):
            last, value = named, 1
        else:
            continue
        text = doc.text[ws[one].start:ws[last].end]
        found.append(Count(value, value, value, "people", ws[one].start, ws[last].end, text,
                           ws[one].raw, vague=False))
    return found


def _named(ws: list[Word], one: int) -> int | None:
    """"الصحافي خالد داود": a definite person noun, its adjectives, then a name; the index of
    the name's last word. Without a name the noun may be someone counted before."""
    if not (ws[one].norm.startswith("ال") and ws[one].norm[2:] in _SINGULAR):
        return None
    j = one + 1
    while j < len(ws) and j - one <= _ADJECTIVES and ws[j].norm.startswith("ال") \
            and _name_word(ws[j]):
        j += 1
    name = j  # its first word has no article: "خالد داود", "محمد الأحمد", "عبد الله"
    if j >= len(ws) or ws[j].norm.startswith("ال"):
        return None
    while j < len(ws) and j - name < _NAME_WORDS and _name_word(ws[j]):
        j += 1
    return j - 1 if j > name else None


def _name_word(w: Word) -> bool:
    """Can the word be part of a name (or an adjective before it): letters, no word that ends
    names, no casualty word ("بجروح", "متأثرا")?"""
    return w.is_letters and len(w.norm) > 1 and casualty_word(w) is None \
        and not any(b in _NAME_STOPS for b in clitic_bases(w.norm))
