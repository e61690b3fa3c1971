"""Acronyms a question types that the glossary does not know (KNCHR, ECESR, ORTM): found in
the article as the name whose words, put into English by the glossary, begin with its letters
('اللجنة الوطنية الكينية لحقوق الإنسان' -> commission, national, kenyan, rights, human). An
Arabic question's name for a body («بعثة يوناما») takes the other Arabic forms the glossary
gives that body."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from itertools import product

from agent.chat.facts import Facts
from agent.chat.question import BODY_NOUNS, GLOSSARY, Query
from agent.chat.words import ar_keys
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import entries

_ACRONYM = re.compile(r"[A-Z]{3,7}")
_FUNCTION_WORDS = {"في", "من", "الي", "علي", "عن", "و"}
# A consonant class of agent/chat/words.py -> the Latin letters a name's initial is typed with.
_LATIN_OF = {"b": "bp", "t": "t", "d": "d", "j": "jg", "h": "h", "k": "kqc", "l": "l", "m": "m",
             "n": "n", "r": "r", "s": "sc", "z": "z", "f": "fv", "S": "sc"}


def _english() -> dict[str, set[str]]:
    """Arabic form -> the first letters of the English words the glossary gives it."""
    out: dict[str, set[str]] = defaultdict(set)
    for key, gloss in GLOSSARY.items():
        for form in gloss.forms:
            for word in form.split():  # 'حقوق الانسان' gives both words h and r
                out[word] |= {w[0] for w in key.split()}
    return out


_INITIALS = _english()
# The Arabic forms of one named body or place (a glossary line with an English name): «يونيسف»
# and «منظمة الأمم المتحدة للطفولة» name one body.
_AR_NAMES = {f: g.forms for g in GLOSSARY.values() if g.display is not None
             and any(b in BODY_NOUNS for x in g.forms if " " in x
                     for b in clitic_bases(x.split()[0]))
             for f in g.forms}


def _forms(base: str) -> tuple[str, ...]:
    """A word and its masculine or country form: 'الكينيه' -> كيني، كينيا; 'الوطنيه' -> وطني."""
    bare = base.removeprefix("ال")
    stem = bare.removesuffix("ه")
    return (base, bare, stem, stem.removesuffix("ي") + "يا")


def _initials(word: str) -> set[str]:
    """The English initials of a word: its glossary words', else, for a name the glossary does
    not know ('غيانا' of GDF, «قوة دفاع غيانا»), the Latin letters its first consonant is
    typed with."""
    bases = clitic_bases(word)
    found = {i for b in bases for f in _forms(b) for i in _INITIALS.get(f, ())}
    if found or any(b in _FUNCTION_WORDS for b in bases):
        return found
    return {ch for k in ar_keys(bases[-1]) for ch in _LATIN_OF.get(k[:1], "")}


def spells(acronym: str, name: str) -> bool:
    """Each letter of the acronym is the English initial of a different word of the name,
    and the name has few other words (a headline spells any short acronym)."""
    words = [_initials(t.norm) for t in tokens(name)]
    given = sum(bool(w) for w in words)
    if len(acronym) > len(words) or not len(acronym) <= given <= len(acronym) + 1:
        return False
    free = list(range(len(words)))
    for letter in sorted(acronym.lower(), key=lambda ch: sum(ch in w for w in words)):
        hit = next((i for i in free if letter in words[i]), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def expand(q: Query, fx: Facts) -> None:
    """Give each unknown acronym of the question the article's names it spells."""
    ex = fx.extraction
    names = {n for a in ex.actors for n in (a.name, *a.aliases)}
    names |= {c.reported_by for c in ex.casualties if c.reported_by}
    names |= {s.speaker for s in ex.statements}
    for k, t in enumerate(q.terms):
        if q.lang == "ar":  # «بعثة يوناما» where the article writes the name out
            named = next((_AR_NAMES[f] for f in t.forms if f in _AR_NAMES), ())
            if named:
                q.terms[k] = replace(t, forms=tuple(dict.fromkeys((*t.forms, *named))))
            continue
        if t.forms or not _ACRONYM.fullmatch(t.word) or fx.knows(t):
            continue
        spelled = tuple(norm(n) for n in sorted(names) if spells(t.word, n))
        spelled += tuple(p for p in _letter_names(t.word) if fx.words.has_form(p))
        if spelled:
            q.terms[k] = replace(t, forms=spelled)


def _letter_names(acronym: str) -> list[str]:
    """The acronym written out in Arabic letter names: ORTM «او ار تي ام»."""
    return [" ".join(p) for p in product(*(_LETTER_NAMES[ch] for ch in acronym.lower()))]


def _letter_table() -> dict[str, list[str]]:
    """Latin letter -> its Arabic names, normalized."""
    out: dict[str, list[str]] = defaultdict(list)
    for entry in entries("latin_letter_names_ar"):
        out[entry.value or ""].append(norm(entry.text))
    return out


_LETTER_NAMES = _letter_table()
