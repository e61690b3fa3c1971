"""Which words of a question are names, and where a name stands: a place after 'in' or a
designator, a name of several Latin words taken as one, a name the article has or lacks."""

from __future__ import annotations

import re
from functools import cache

from agent.chat.facts import Facts
from agent.chat.question import GLOSSARY, Query
from agent.chat.words import Term, en_keys
from agent.ner import entities
from agent.text.arabic import clitic_bases, norm
from agent.text.lexicon import words

DESIGNATORS = words("place_designators")
PLACE_CUES = DESIGNATORS | words("question_place_cues_ar")  # «العاصمة أكرا»، «سكان بارغونا»
COUNTRIES = words("countries")
GAZETTEER = words("cities") | COUNTRIES
GAZETTEER_HEADS = {p.split()[0] for p in GAZETTEER}  # 'دير' of 'دير الزور'
_EN_IN = {"in", "at", "from", "near", "inside", "into"}
_PLACE_NOUNS_EN = {"city", "town", "village", "province", "governorate", "district", "region",
                   "state", "camp", "area", "county", "neighbourhood", "neighborhood"}
_AR_IN = {"في", "ب", "من", "علي"}
_ASKING = {"اي", "كم", "باي", "لاي", "فاي"}  # «أي مخيم», «كم مقاطعة»: the noun asked
_GENERIC_PLACES = words("generic_places")  # علي: «الضربات على كييف»


def found(q: Query, fx: Facts, name: list[Term]) -> bool:
    """The name's last word is in the article: by its Arabic forms, or, typed in Latin letters,
    by its consonants even when it is also an English word ('Bailey Road', بيلي رود), or the
    name's words written as one ('Hamar Weyne', حمروين)."""
    last = name[-1]
    if fx.words.has(last, min_key=2) or fx.knows(last):
        return True
    if not last.word.isascii():
        return False
    typed = [q.text[t.start:t.end] for t in name]
    keyed = [en_keys(w) for w in typed if en_keys(w)]  # 'Ouzou' has no consonant pair
    # 'Governor Sanwo-Olu': the last words written as one (سانوو-أولو), the title left out.
    if len(typed) > 1 and (any(fx.words.has(Term("", (), en_keys("".join(typed[-k:])), 0, 0),
                                            min_key=3) for k in range(2, len(typed) + 1))
                           or (keyed and all(fx.words.has(Term("", (), k, 0, 0), min_key=2)
                                             for k in keyed))):
        return True
    return fx.words.has(Term(last.word, (), en_keys(last.word), 0, 0), min_key=3)


def whole(q: Query, run: list[Term]) -> Term:
    """A place of several Latin words as one term: each word's consonants and the words written
    as one ('Hamar Weyne' finds حمروين, 'Khan Younis' خان يونس)."""
    named = [t for t in run if is_name(q, t) or (t.word.isascii() and t.word[:1].isupper())]
    if len(named) < 2 or not all(t.word.isascii() for t in named):
        # «مدينة راجكوت»: the place is راجكوت; مدينة would be met by any city.
        own = [t for t in run if is_name(q, t)]
        head = next((t for t in own if not set(t.forms) & DESIGNATORS), own[0])
        return _gazetteer_phrase(run, head) or head
    joined = en_keys("".join(q.text[t.start:t.end] for t in named))
    return Term(q.text[named[0].start:named[-1].end], tuple(f for t in named for f in t.forms),
                frozenset().union(*(t.keys for t in named), joined), named[0].start, named[-1].end)


def _gazetteer_phrase(run: list[Term], head: Term) -> Term | None:
    """«النيل الأزرق»: the Arabic name and the words after it that the gazetteer knows as one
    place (النيل alone would be met by «النيل الأبيض»)."""
    at = run.index(head)
    for end in range(len(run), at + 1, -1):
        words = run[at:end]
        phrase = " ".join(norm(t.word) for t in words)
        if phrase in GAZETTEER:
            return Term(phrase, (phrase,), frozenset(), words[0].start, words[-1].end)
    return None


_ARTICLE_WORD = re.compile(r"\s+(?:al|el)\s+", re.I)


def names(q: Query) -> list[list[Term]]:
    """The question's names, a name's words together ('Kenya Airways', 'Health Protection
    Agency', 'Sidi Bishr')."""
    runs: list[list[Term]] = []
    for t in q.terms:
        # 'Ras Al Khaimah': the Arabic article as a word of its own is inside the name.
        gap = q.text[runs[-1][-1].end:t.start] if runs else None
        joined = gap is not None and (gap.strip() in ("", "-")
                                      or bool(_ARTICLE_WORD.fullmatch(gap)))
        if joined and (q.lang == "ar" or q.text[t.start].isupper()):
            runs[-1].append(t)
        else:
            runs.append([t])
    return [run for run in runs if any(is_name(q, t) for t in run)]


def is_name(q: Query, t: Term) -> bool:
    """A proper name: capitalized inside an English question (or a glossary name); in Arabic,
    a known place, a word after a place designator ('محافظة الرقة') or a word the name
    labeller marks ('محمود يعقوبو')."""
    if q.lang == "en":
        gloss = GLOSSARY.get(t.word.lower())
        if gloss is not None:
            return gloss.display is not None
        return bool(t.keys) and t.word[:1].isupper() and t.start > 0
    before = q.text[:t.start].split()
    if before == ["من"]:  # «من شبّه الأمطار بـ…»: after the first «من», who did what
        return False
    prev = norm(before[-1]) if before else ""
    # «في أي مخيم بدأ الحريق», «كم مقاطعة طالها الوباء»: the verb after the noun asked; «قبالة
    # الساحل», «سكان العاصمة»: a common place word, not a name.
    asked = len(before) > 1 and norm(before[-2]) in _ASKING
    common = any(b in _GENERIC_PLACES for b in clitic_bases(norm(t.word)))
    return not common and (any(b in GAZETTEER_HEADS for b in t.forms)  # 'ساحل' of ساحل العاج
                           or (prev in PLACE_CUES and not asked)
                           or any(a <= t.start and t.end <= b for a, b in _labelled(q.text)))


@cache
def _labelled(question: str) -> tuple[tuple[int, int], ...]:
    """Where the name labeller finds persons, places and organizations in an Arabic question."""
    return tuple((a, b) for a, b, _ in entities(question))


def placed(q: Query, t: Term) -> bool:
    """The name stands after 'in', 'at', 'from' (في، ب، من) or a place designator, or before
    one in English ('had Nkhotakota district reported')."""
    before = q.text[:t.start].split()
    prev = before[-1].lower() if before else ""
    if q.lang == "en":  # 'in Aleppo', 'in the city of Afrin'
        after = q.text[t.end:].split()[:1]
        return (prev in _EN_IN or (len(before) > 1 and before[-2].lower() in _EN_IN)
                or (prev == "of" and len(before) > 1 and before[-2].lower() in _PLACE_NOUNS_EN)
                or (bool(after) and after[0].lower().strip(",.?") in _PLACE_NOUNS_EN))
    word = q.text[t.start:t.end]
    return (norm(prev) in _AR_IN | PLACE_CUES or (word[:1] in ("ب", "ف") and len(word) > 3)
            or any(b in DESIGNATORS for b in clitic_bases(norm(word))))  # 'مخيم أبو شوك'


# 'What did X say about ...', 'ماذا قال X عن ...': X is the speaker asked about.
_SPEAKER_EN = re.compile(r"^\s*what (?:did|does|has|have) (.+?) (?:say|said|tell|told)\b", re.I)
_SPEAKER_AR = re.compile(r"^\s*(?:ماذا|ما الذي) (?:قال|قالت|قاله|قالته|صرح|صرحت)\s+(.+?)"
                         r"(?:\s+(?:عن|حول|بشان|بخصوص|في)\s|[؟?]|$)")


def unknown_speaker(q: Query, fx: Facts) -> list[Term]:
    """The words naming the speaker of 'what did X say' that the article never has («ماذا قال
    رئيس الوزراء بنيامين نتنياهو عن الهجوم» when no Netanyahu is in it)."""
    m = (_SPEAKER_EN if q.lang == "en" else _SPEAKER_AR).search(
        q.text if q.lang == "en" else norm(q.text))
    if m is None:
        return []
    if q.lang == "en":
        inside = [t for t in q.terms if m.start(1) <= t.start and t.end <= m.end(1)]
    else:
        said = {b for w in m.group(1).split() for b in clitic_bases(w)}
        inside = [t for t in q.terms if set(t.forms) & said]
    return [t for t in inside if not fx.knows(t)]
