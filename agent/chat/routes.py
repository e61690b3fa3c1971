"""Where someone or something was going, or came from: 'Where was the minibus heading?',
'From which town had the bus set off?', «إلى أين كانت العبّارة متجهة؟». The answer is the place
the article writes after «إلى» or «من» in a sentence that says the trip («متجهة من مدينة فادا
نغورما … إلى بلدة كانتشاري»), copied as written and cited."""

from __future__ import annotations

import re

from agent.chat.answers import Answer, Draft
from agent.chat.facts import Facts
from agent.chat.question import Query
from agent.chat.words import Term
from agent.text.arabic import Token, clitic_bases, norm, tokens
from agent.text.lexicon import table, words

_ROUTE = table("route_words_ar", str)
_DESIGNATORS = words("place_designators")  # 'بلدة كانتشاري' is a place, 'بحاجز' is not
_TO_EN = re.compile(r"\b(?:heading|headed|bound|going|travell?ing|sailing|destination|"
                    r"en route|on (?:its|their|his|her) way)\b", re.I)
_FROM_EN = re.compile(r"\b(?:set (?:off|out)|depart(?:ed)?|left from|came from|come from|"
                      r"hails? from|originally from)\b|\bfrom\W*$", re.I)
_TO_AR = re.compile(r"متجه|متوجه|وجهه|طريقها|طريقه")  # on normalized text
_FROM_AR = re.compile(r"(?:^|\s)من اين|انطلق|قادم|المتحدر|ينحدر|تنحدر|غادر")
_TO, _FROM = "الي", "من"  # normalized إلى / من
_REACH = 20  # words between the trip word and its «إلى»
_FROM_REACH = 4  # «انطلق يوم الأحد من شاطئ الكراتن»
_STOPS = {"في", "علي", "حين", "عند", "بعد", "قبل", "الي", "من", "عن", "حيث", "اثر", "بسبب"}
_PLACE_WORDS = 4


def asked_way(q: Query) -> str | None:
    """'to' or 'from' when the question asks where a trip went or began (not how many were
    travelling)."""
    if q.count:
        return None
    text = q.text if q.lang == "en" else norm(q.text)
    to, from_ = (_TO_EN, _FROM_EN) if q.lang == "en" else (_TO_AR, _FROM_AR)
    if from_.search(text):
        return "from"
    if to.search(text):
        return "to"
    return None


def route_answer(q: Query, fx: Facts, known: list[Term]) -> Answer | None:
    """The place the article says the trip went to (or came from), from the sentence about the
    trip that shares most words with the question; None when no sentence says it."""
    way = asked_way(q)
    if way is None:
        return None
    found: list[tuple[int, int, tuple[int, int]]] = []
    for k, (s, w) in enumerate(fx.sentences):
        place = _place(fx, s.start, s.end, way)
        if place is not None:
            found.append((sum(w.has(t) for t in known), -k, place))
    if not found:
        return None
    _, k, (start, end) = max(found)
    k = -k
    d = Draft(q.lang)
    mark = d.cite(f"sentence-{k + 1}", "sentence", fx.sentences[k][0])  # the trip, cited whole
    label = fx.article[start:end]
    if q.lang == "en":
        d.parts.append(f"{'To' if way == 'to' else 'From'} {label} {mark}.")
    else:
        d.parts.append(f"{'إلى' if way == 'to' else 'من'} {label} {mark}.")
    return d.answer()


def _place(fx: Facts, start: int, end: int, way: str) -> tuple[int, int] | None:
    """The place after the trip word's «إلى» (way 'to') or «من» (way 'from') in the sentence."""
    toks = tokens(fx.article, start, end)
    for i, t in enumerate(toks):
        kind = next((_ROUTE[b] for b in clitic_bases(t.norm) if b in _ROUTE), None)
        if kind is None or kind not in (way, "both"):
            continue
        reach = _REACH if way == "to" else _FROM_REACH
        for j in range(i + 1, min(len(toks), i + 1 + reach)):
            if toks[j].norm in ".؛":
                break
            if toks[j].norm == (_TO if way == "to" else _FROM):
                return _where_in(toks, _phrase(toks, j + 1))
    return None


def _where_in(toks: list[Token], place: tuple[int, int] | None) -> tuple[int, int] | None:
    """The place and where it stands, after «في»: «نقطة المراقبة في ماكابا»."""
    if place is None:
        return None
    after = next((j for j, t in enumerate(toks) if t.start >= place[1]), None)
    if after is None or toks[after].norm != "في":
        return place
    inner = _phrase(toks, after + 1)
    return place if inner is None else (place[0], inner[1])


def _phrase(toks: list[Token], first: int) -> tuple[int, int] | None:
    """The place words from `first`: up to four, to a comma, a preposition, or a word with a
    preposition on it ('مكة المكرمة بحاجز')."""
    last = None
    for j in range(first, min(len(toks), first + _PLACE_WORDS)):
        t = toks[j]
        # «مدينة بور جنتي»: after a designator a ب or ل begins the name itself.
        glued = (j > first and t.norm[:1] in "بل" and t.norm not in _DESIGNATORS
                 and toks[j - 1].norm not in _DESIGNATORS)
        if not t.text.isalpha() or t.norm in _STOPS or glued:
            break
        last = j
    if last is None:
        return None
    return toks[first].start, toks[last].end
