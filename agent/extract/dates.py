"""Date words of an article (أمس، أول أمس الثلاثاء، 12 كانون الأول/ديسمبر 2016، 15 رمضان 1437 هـ)
resolved against the publication date, with the precision the words allow."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from agent.errors import InputError
from agent.text import lexicon
from agent.text.doc import Doc
from schemas import DatePrecision

MONTHS = lexicon.table("months", int)
_AMBIGUOUS_MONTHS = lexicon.words("ambiguous_months")
HIJRI_MONTHS = lexicon.table("hijri_months", int)
WEEKDAYS = lexicon.table("weekdays", int)  # date.weekday(): Monday is 0
ORDINAL_DAYS = lexicon.table("ordinal_days", int)
DAYS_BACK = lexicon.table("days_back", int)  # relative day words -> days before publication
_DIRECTION = lexicon.table("relative_words", int)  # -1 past, 1 next, 0 current


def _alternation(words: Iterable[str], longest_first: bool = True) -> str:
    # Longest first, so "كانون الثاني" wins over a shorter prefix; spaces match any run of them.
    ordered = sorted(words, key=len, reverse=True) if longest_first else list(words)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _relative_words(direction: int) -> str:
    return f"(?:{_alternation((w for w, d in _DIRECTION.items() if d == direction), False)})"


_PAST, _NEXT, _CURRENT = _relative_words(-1), _relative_words(1), _relative_words(0)


_B = r"(?<![\w])"  # a word starts here (normalized text has no diacritics to break \w)
_E = r"(?![\w])"
_MONTH = f"(?:{_alternation(list(MONTHS))})"
_MONTHS_PAIR = rf"(?P<month>{_MONTH})(?:\s*[/\\(-]\s*(?P<month2>{_MONTH})\)?)?"
_TIME_OF_DAY = (r"(?:(?:بعد|قبل)\s+)?(?:"
                + _alternation(lexicon.ordered("times_of_day"), False) + r")\s+")
# "اليوم التالي" (the next day), "اليوم العالمي" (a world day): not today.
_NOT_TODAY = r"(?!\s+(?:" + _alternation(lexicon.ordered("not_today_after"), False) + "))"
_NOT_TODAY_BEFORE = lexicon.words("not_today_before")  # "في ذلك اليوم": that day
_SPAN_WORD = f"(?:{_alternation(lexicon.ordered('date_span_words'), False)})"
_DAY_WORDS = "|".join(_alternation([w], False) + (_NOT_TODAY if back == 0 else "")
                      for w, back in DAYS_BACK.items())
# A number the next word says is a count is no year («حتى 17 أبريل 1855 حالة»).
_YEAR = (r"(?P<year>(?:1[3-9]|20)\d{2})(?!\s+(?:"
         + _alternation(lexicon.ordered("not_year_after"), False) + r")(?![\w]))")

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("numeric", re.compile(
        rf"{_B}(?P<day>[0-3]?\d)\s*[/.-]\s*(?P<mon>[01]?\d)\s*[/.-]\s*{_YEAR}{_E}")),
    ("iso", re.compile(rf"{_B}{_YEAR}-(?P<mon>[01]\d)-(?P<day>[0-3]\d){_E}")),
    ("hijri", re.compile(
        rf"{_B}(?P<day>[0-3]?\d)\s+(?:من\s+)?(?:شهر\s+)?(?P<hmonth>{_alternation(list(HIJRI_MONTHS))})"
        rf"(?:\s+(?:عام\s+|سنه\s+)?(?P<hyear>1[345]\d{{2}}))?(?:\s*(?:هجريه|هجري|ه){_E})?")),
    ("day_month", re.compile(
        rf"{_B}(?:(?:يوم\s+)?(?:{_alternation(list(WEEKDAYS))})\s+(?:الموافق\s+)?)?"
        rf"(?:(?P<day>[0-3]?\d)|(?P<ordinal>{_alternation(list(ORDINAL_DAYS))}))"
        rf"\s+(?:من\s+)?(?:شهر\s+)?{_MONTHS_PAIR}"
        rf"(?:\s*,?\s*(?:من\s+)?(?:عام\s+|سنه\s+|العام\s+)?{_YEAR}"
        rf"|\s+(?P<rel>{_PAST}|{_NEXT}|{_CURRENT}))?{_E}")),
    ("month", re.compile(
        rf"{_B}(?:{_SPAN_WORD}\s+)?(?P<shahr>شهر\s+)?"
        rf"{_MONTHS_PAIR}(?:\s+(?:(?:من\s+)?(?:عام\s+|سنه\s+|العام\s+)?{_YEAR}"
        rf"|(?P<rel>{_PAST}|{_NEXT}|{_CURRENT})))?{_E}")),
    ("relative_month", re.compile(rf"{_B}(?:ال)?شهر\s+(?P<rel>{_PAST}|{_NEXT}|{_CURRENT}){_E}")),
    ("week", re.compile(
        rf"{_B}(?:(?:ال)?اسبوع\s+(?P<rel>{_PAST}|{_NEXT}|{_CURRENT})|(?P<this>هذا\s+الاسبوع)){_E}")),
    ("relative_year", re.compile(
        rf"{_B}(?:(?:ال)?(?:عام|سنه)\s+(?P<rel>{_PAST}|{_NEXT}|{_CURRENT})"
        rf"|(?P<this>(?:هذا\s+العام|هذه\s+السنه))){_E}")),
    ("year", re.compile(
        rf"{_B}(?:{_SPAN_WORD}\s+(?:(?:عام|سنه|العام)\s+)?|(?:عام|سنه|العام)\s+){_YEAR}{_E}")),
    ("relative_day", re.compile(
        rf"{_B}(?:يوم\s+)?(?:{_TIME_OF_DAY})?(?:و|ف)?(?:ب)?(?:ال)?"
        rf"(?P<rel>{_DAY_WORDS})"
        rf"(?:\s+(?P<weekday>{_alternation(list(WEEKDAYS))}))?{_E}")),
    ("weekday", re.compile(  # not the market "سوق الجمعة"
        rf"{_B}(?<!سوق )(?:يوم\s+)?(?:{_TIME_OF_DAY})?(?:و|ف)?(?:يوم\s+)?"
        rf"(?P<weekday>{_alternation(list(WEEKDAYS))})"
        rf"(?:\s+(?P<rel>{_PAST}|{_NEXT}))?{_E}")),
]

_NEXT_DAY = re.compile(rf"{_B}(?:(?P<after>(?:في\s+)?(?:صباح\s+|مساء\s+)?اليوم\s+التالي)|غداه)"
                       rf"(?!\s+(?:{_alternation(list(WEEKDAYS))}|[0-3]?\d\s)){_E}")

_PRECISION_RANK = {DatePrecision.day: 0, DatePrecision.week: 1, DatePrecision.month: 2,
                   DatePrecision.year: 3, DatePrecision.unknown: 4}


@dataclass(frozen=True)
class DateMention:
    """One date expression: raw offsets, the words as written, and what they resolve to."""

    start: int
    end: int
    text: str
    date: date | None
    precision: DatePrecision


def parse_published(value: str) -> date:
    """A --published value (YYYY-MM-DD) as a date; InputError with the reason otherwise."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"--published {value!r}: expected a date as YYYY-MM-DD, "
                         "e.g. 2016-12-13") from exc


def find_dates(doc: Doc, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression inside raw [start, end), in reading order, none overlapping."""
    stop = len(doc.text) if end is None else end
    taken: list[DateMention] = []
    for kind, pattern in PATTERNS:  # earlier patterns are the more specific ones
        for m, s, e in doc.norm.finditer(pattern, start, stop):
            if any(s < t.end and t.start < e for t in taken) or _that_day(doc, kind, m):
                continue
            resolved = _resolve(kind, m, doc.published, ahead=_until(doc, kind, m))
            if resolved is not None:
                day, precision = resolved
                taken.append(DateMention(s, e, doc.text[s:e], day, precision))
    taken += _next_days(doc, start, stop, taken)
    return sorted(taken, key=lambda t: t.start)


def _next_days(doc: Doc, start: int, stop: int, taken: list[DateMention]) -> list[DateMention]:
    """"في اليوم التالي" is the day after the day told before it in its sentence; "غداة" (the
    morrow of) puts what follows it on the day before that day, or before publication."""
    out: list[DateMention] = []
    for m, s, e in doc.norm.finditer(_NEXT_DAY, start, stop):
        if any(s < t.end and t.start < e for t in taken):
            continue
        line = max(doc.text.rfind(".", 0, s), doc.text.rfind("\n", 0, s)) + 1
        told = [t for t in find_dates(doc, line, s) if t.precision is DatePrecision.day
                and t.date is not None]
        if m["after"] and not told:
            continue
        base = told[-1].date if told else doc.published
        if base is not None:
            step = 1 if m["after"] else -1
            out.append(DateMention(s, e, doc.text[s:e], base + timedelta(days=step),
                                   DatePrecision.day))
    return out


def nearest(mentions: list[DateMention], anchor: int | None = None) -> DateMention | None:
    """The mention that dates a fact: with `anchor` (the position of the fact's own words)
    the nearest to it; otherwise the most precise, then the first."""
    if anchor is not None:
        return min(mentions, key=lambda t: (distance(t, anchor), t.start), default=None)
    return min(mentions, key=lambda t: (_PRECISION_RANK[t.precision], t.start), default=None)


def fields(mention: DateMention | None) -> tuple[str | None, str | None, DatePrecision]:
    """(ISO date, date words as written, precision); unresolvable words keep their text."""
    if mention is None:
        return None, None, DatePrecision.unknown
    if mention.date is None:
        return None, mention.text, DatePrecision.unknown
    return mention.date.isoformat(), mention.text, mention.precision


def _that_day(doc: Doc, kind: str, m: re.Match[str]) -> bool:
    """"في ذلك اليوم": a day told before, not the day of publication."""
    if kind != "relative_day" or DAYS_BACK[_spaced(m["rel"])] != 0:
        return False
    before = doc.norm.text[max(0, m.start() - 12) : m.start()].split()
    return bool(before) and before[-1] in _NOT_TODAY_BEFORE


def _until(doc: Doc, kind: str, m: re.Match[str]) -> bool:
    """"حتى الثلاثاء": a weekday something lasts until is ahead, not in the past week."""
    before = doc.norm.text[max(0, m.start() - 6) : m.start()].split()
    return kind == "weekday" and not m["rel"] and bool(before) and before[-1] == "حتي"


def distance(mention: DateMention, pos: int) -> int:
    if mention.start <= pos < mention.end:
        return 0
    return mention.start - pos if mention.start > pos else pos - mention.end + 1


def _resolve(kind: str, m: re.Match[str], published: date | None, ahead: bool = False
             ) -> tuple[date | None, DatePrecision] | None:
    """What a match means; None when the words turn out not to be a date after all. A weekday
    `ahead` is the next such day after publication."""
    g = m.groupdict()
    if kind in ("numeric", "iso"):
        return _safe_date(int(g["year"]), int(g["mon"]), int(g["day"]))
    if kind == "hijri":
        return _hijri(int(g["day"]), HIJRI_MONTHS[_spaced(g["hmonth"])], g["hyear"], published)
    if kind == "day_month":
        month = _month(g)
        day = int(g["day"]) if g["day"] else ORDINAL_DAYS[_spaced(g["ordinal"] or "")]
        if g["year"]:
            return _safe_date(int(g["year"]), month, day)
        if published is None:
            return None, DatePrecision.unknown
        return _nearest_year(month, day, published, _direction(g["rel"]))
    if kind == "month":
        trusted = g["shahr"] or g["month2"] or g["year"]
        if _spaced(g["month"] or "") in _AMBIGUOUS_MONTHS and not trusted:
            return None
        month = _month(g)
        if g["year"]:
            return date(int(g["year"]), month, 1), DatePrecision.month
        year = _year_of_recent(month, published, _direction(g["rel"]))
        if year is None:
            return None, DatePrecision.unknown
        return date(year, month, 1), DatePrecision.month
    if kind == "year":
        return date(int(g["year"]), 1, 1), DatePrecision.year
    if published is None:
        return None, DatePrecision.unknown
    return _relative(kind, g, published, ahead)


def _relative(kind: str, g: dict[str, str | None], published: date, ahead: bool = False
              ) -> tuple[date, DatePrecision]:
    """Words counted from the publication day. A week is dated by the day a week before
    (or after) publication, with precision "week"."""
    step = _direction(g.get("rel")) or int(ahead)
    if kind == "relative_day":
        return published - timedelta(days=DAYS_BACK[_spaced(g["rel"] or "")]), DatePrecision.day
    if kind == "weekday":
        return _weekday(WEEKDAYS[g["weekday"] or ""], published, step), DatePrecision.day
    if kind == "week":
        return published + timedelta(weeks=step), DatePrecision.week
    if kind == "relative_month":
        index = published.year * 12 + published.month - 1 + step
        return date(index // 12, index % 12 + 1, 1), DatePrecision.month
    return date(published.year + step, 1, 1), DatePrecision.year  # "العام الماضي"


def _direction(rel: str | None) -> int:
    """-1 for الماضي and its synonyms, +1 for المقبل, 0 for الحالي or nothing."""
    return _DIRECTION.get(rel or "", 0)


def _weekday(weekday: int, published: date, step: int) -> date:
    """The named weekday nearest the publication date in the direction the words give.

    A bare weekday is the most recent such day up to publication (news reports the past week);
    with الماضي it is strictly before, with المقبل strictly after.
    """
    if step > 0:
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    back = (published.weekday() - weekday) % 7
    if step < 0 and back == 0:
        back = 7
    return published - timedelta(days=back)


def _month(g: dict[str, str | None]) -> int:
    # In "كانون الأول/ديسمبر" both names agree; the first one decides when they do not.
    return MONTHS[_spaced(g["month"] or "")]


def _nearest_year(month: int, day: int, published: date, step: int
                  ) -> tuple[date, DatePrecision] | None:
    """A day and month without a year: this year's, or the year before (after, for المقبل)
    when this year's would fall on the wrong side of publication."""
    found = _safe_date(published.year, month, day)
    if found is None:
        return None
    if step > 0 and found[0] <= published:
        return _safe_date(published.year + 1, month, day)
    if step <= 0 and found[0] > published:
        return _safe_date(published.year - 1, month, day)
    return found


def _year_of_recent(month: int, published: date | None, step: int = 0) -> int | None:
    """The year of a month named without one: this year's, unless the words or the calendar
    say it must be last year's (a month after publication) or next year's."""
    if published is None:
        return None
    if step < 0:
        return published.year if month < published.month else published.year - 1
    if step > 0:
        return published.year if month > published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _hijri(day: int, month: int, year_text: str | None, published: date | None
           ) -> tuple[date | None, DatePrecision] | None:
    if year_text:
        years = [int(year_text)]
    elif published is not None:
        # No year written: the most recent such day up to publication.
        this = Gregorian.fromdate(published).to_hijri().year
        years = [this, this - 1]
    else:
        return None, DatePrecision.unknown
    for year in years:
        try:
            greg = Hijri(year, month, day).to_gregorian()
        except (ValueError, OverflowError):
            return None  # "35 رمضان" or a year outside the supported range: not a date
        day_date = date(greg.year, greg.month, greg.day)
        if year_text or published is None or day_date <= published:
            return day_date, DatePrecision.day
    return None, DatePrecision.unknown


def _safe_date(year: int, month: int, day: int) -> tuple[date, DatePrecision] | None:
    try:
        return date(year, month, day), DatePrecision.day
    except ValueError:
        return None


def _spaced(words: str) -> str:
    return " ".join(words.split())
