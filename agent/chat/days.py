"""A day of the month a question names ('on December 12', «يوم 14 كانون الأول», «في الثامن من
ديسمبر») and whether a sentence or a fact states that day («و1553 في الثاني عشر»)."""

from __future__ import annotations

import re

from agent.chat.words import Term
from agent.extract.dates import ORDINAL_DAYS
from agent.text.arabic import clitic_bases, norm
from agent.text.lexicon import table

_EN_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november"
              "|december")
_MONTHS = table("months", int)
_AR_MONTHS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORDINALS = "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True))
_EN_DAY = re.compile(rf"\b(?:(?:{_EN_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
                     rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_EN_MONTHS})\b)")
_AR_DAY = re.compile(rf"(?<![\d\w])(?:(\d{{1,2}})|({_ORDINALS}))\s+(?:من\s+)?(?:شهر\s+)?"
                     rf"(?:{_AR_MONTHS})(?!\w)")
# A day in digits before its month or after «يوم» («يوم 14»، «14 حزيران», not «إصابة 14
# عنصراً»), or an ordinal day («في الثاني عشر», not the second of «كانون الثاني»).
_TOLD = re.compile(rf"(?<![\w\d])(\d{{1,2}})(?=\s*(?:/|من\s+)?(?:{_AR_MONTHS})(?!\w))"
                   rf"|(?<=يوم )(\d{{1,2}})(?!\w|\d)"
                   rf"|(?<!كانون )(?<!تشرين )(?<!\w)({_ORDINALS})(?!\w)")


def asked_day(text: str) -> int | None:
    """The day of the month the question names, if it names one with its month."""
    m = _EN_DAY.search(text.lower()) or _AR_DAY.search(norm(text))
    if m is None:
        return None
    digits = next((g for g in m.groups() if g and g.isdigit()), None)
    day = int(digits) if digits else ORDINAL_DAYS[next(g for g in m.groups() if g)]
    return day if 1 <= day <= 31 else None


def states_day(sentence: str, iso: str | None, day: int) -> bool:
    """The fact is dated that day, or the sentence writes the day («الثاني عشر», «12»)."""
    if iso and int(iso[8:10] or 0) == day:
        return True
    return any(int(d or on) == day if (d or on) else ORDINAL_DAYS[o] == day
               for d, on, o in _TOLD.findall(norm(sentence)))


def is_month(t: Term) -> bool:
    """A month's name: met by a sentence that writes the asked day («و1553 في الثاني عشر» of the
    month the article is telling)."""
    return any(b in _MONTHS for f in t.forms for b in clitic_bases(f))
