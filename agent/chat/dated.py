"""How an answer writes the date of a fact: a day as people write it, then its ISO date and
the article's own words («8 July 2025 (2025-07-08, «الثلاثاء»)»)."""

from __future__ import annotations

from datetime import date

from agent.chat.facts import Fact, Facts
from agent.extract.dates import find_dates
from agent.text.doc import Doc
from schemas import CasualtyReport, DatePrecision, Event


def date_sentence(fx: Facts, f: Fact) -> int | None:
    """The sentence before the fact's own that holds its date words, when its own does not
    («بدأت الأحداث فجر الخميس» for «واعتقلت القوات 18 مسلحاً» after it)."""
    said = getattr(f.obj, "date_text", None)
    own = fx.sentence_at(f.quote.start)
    if not said or own is None or said in fx.sentences[own][0].text:
        return None
    at = fx.article.rfind(said, 0, f.quote.start)
    return fx.sentence_at(at) if at >= 0 else None


def date_label(fx: Facts, item: Event | CasualtyReport, lang: str) -> str:
    """A day as people write it, then its ISO date and the article's words ('8 July 2025
    (2025-07-08, «الثلاثاء»)'); any other date as stored, with its words."""
    if item.date and _to_the_day(fx, item):
        comma = ", " if lang == "en" else "، "
        words = f"{comma}«{item.date_text}»" if item.date_text else ""
        return f"{_written_day(item.date, lang)} ({item.date}{words})"
    words = f" («{item.date_text}»)" if item.date_text else ""
    return f"{item.date}{words}"


# Month names written out, not the locale's (calendar.month_name follows LC_TIME).
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_AR_MONTHS = ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
              "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
              "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر")


def _to_the_day(fx: Facts, item: Event | CasualtyReport) -> bool:
    """The date is told to the day (a casualty report keeps no precision: its words say)."""
    if isinstance(item, Event):
        return item.date_precision == DatePrecision.day
    told = find_dates(Doc.build(item.date_text, fx.doc.published)) if item.date_text else []
    return bool(told) and told[0].precision == DatePrecision.day


def _written_day(iso: str, lang: str) -> str:
    """'8 July 2025', «8 تموز/يوليو 2025»."""
    day = date.fromisoformat(iso)
    month = (_EN_MONTHS if lang == "en" else _AR_MONTHS)[day.month - 1]
    return f"{day.day} {month} {day.year}"
