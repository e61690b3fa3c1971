"""Which date words of a sentence date a fact: not those of the report (a reporting verb's
"اليوم الاثنين", a statement's, the dateline's), and the ones inside the fact's own clause first
(«الهجوم الذي وقع مساء السبت» in a sentence the ministry said on Monday)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from agent.extract import dates
from agent.extract.event_clauses import DELIMITERS, Trigger
from agent.extract.event_triggers import is_trigger
from agent.extract.numbers import Word, words
from agent.extract.reporting import GIVING_VERBS, is_reporting_verb
from agent.text import lexicon
from agent.text.arabic import clitic_bases, norm
from agent.text.doc import Doc
from schemas import DatePrecision, EventType

_REPORTING = GIVING_VERBS | lexicon.words("release_verbs") | lexicon.words("report_date_words")
# Words that open the happening's own words between a reporting verb and a date: the date is
# then the happening's ("قال إن مسلحين هاجموا أمس القرية", "الهجوم الذي وقع السبت").
_HAPPENING_OPENERS = (lexicon.words("that_particles") | lexicon.words("event_relative_pronouns")
                      | lexicon.words("subordinators"))
_REACH = 8  # words back from a date to its reporting verb: the verb, a speaker's long name
_DATELINE = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]\s")  # "كالاماتا 16-6-2023 (أ ف ب) -"
_DATELINE_HEAD = 60  # characters from the line's start to a dateline's date, at most
NEWS_WINDOW_DAYS = 7  # a day this close to publication is news, not background
_SINCE = lexicon.words("since_words")
# Kinds that a declaration makes happen (a mourning, a curfew, a truce): declared on a day, they
# start that day; an attack claimed on a day did not happen then.
DECLARED = {EventType.other, EventType.meeting_agreement}


def of_the_report(doc: Doc, mention: dates.DateMention) -> bool:
    """The date belongs to the report, not to a happening: it follows a reporting or releasing
    verb or a statement noun with only the speaker's words between ("أعلن رئيس الوزراء عبد
    المالك سلال، اليوم الاثنين، أن"، "بحسب ما أعلنه اليوم الخميس"، "في بيان اليوم"), or it is
    the dateline's ("كالاماتا (اليونان) 16-6-2023 (أ ف ب) -")."""
    line_start = doc.text.rfind("\n", 0, mention.start) + 1
    if mention.start - line_start <= _DATELINE_HEAD and _DATELINE.match(doc.text, mention.end):
        return True
    before = [w for w in words(doc, max(0, mention.start - 120), mention.start)
              if w.is_letters][-_REACH:]
    for w in reversed(before):
        bases = set(clitic_bases(w.norm))
        if bases & _HAPPENING_OPENERS or (is_trigger(bases) and not _reports(w)):
            return False
        if _reports(w):
            return True
    return False


def _reports(w: Word) -> bool:
    return is_reporting_verb(w, _REPORTING) or bool(set(clitic_bases(w.norm)) & _REPORTING)


def event_date(doc: Doc, t: Trigger, event_type: EventType, start: int, end: int
               ) -> tuple[str | None, str | None, DatePrecision]:
    """(ISO date, date words, precision) of the happening a trigger tells, from raw
    [start, end): a date of the report never, one in the trigger's own clause (no comma or
    quote between them) before one outside it, then the nearest. A date after "منذ" makes
    the happening ongoing: no single day (tests/truth/GUIDE.md)."""
    mentions = [m for m in dates.find_dates(doc, start, end)
                if not of_the_report(doc, m) or (event_type in DECLARED and (
                    _announced(doc, t, m) or not _crosses(doc.text, t, m)))]
    own = [m for m in mentions if not _crosses(doc.text, t, m)]
    best = dates.nearest(own or mentions, anchor=t.start)
    return dates.fields(None if best is not None and span_edge(doc, best) else best)


def _announced(doc: Doc, t: Trigger, m: dates.DateMention) -> bool:
    """The trigger is what was declared on that day: "أعلنت الأربعاء الحداد الوطني",
    "أعلنت أمس حالة الطوارئ" (the date sits between the verb and its object); a date after
    it in its own clause is the declaration's too ("أعلنت الحكومة حالة الطوارئ في الإقليم
    يوم الجمعة")."""
    return m.end <= t.start and not doc.text[m.end : t.start].strip(" \u060c,")


def _crosses(raw: str, t: Trigger, m: dates.DateMention) -> bool:
    between = raw[t.end : m.start] if m.start >= t.end else raw[m.end : t.start]
    return any(ch in DELIMITERS for ch in between)


def span_edge(doc: Doc, m: dates.DateMention) -> bool:
    """"منذ أمس الاثنين", "حتى مساء أمس": where something that lasted began or ended, not
    the day it happened."""
    at = doc.norm.from_raw(m.start)
    before = doc.norm.text[max(0, at - 12) : at].split()[-1:]
    return bool(set(before + norm(m.text).split()[:1]) & _SINCE)


def in_news_window(doc: Doc, day: date | None, precision: DatePrecision) -> bool:
    """A day of the news (this week), not of the background ("في يوليو 2021", "عام 1960",
    "الحرب التي اندلعت في 15 ديسمبر 2013")."""
    if day is None or precision is not DatePrecision.day or doc.published is None:
        return False
    return abs((doc.published - day).days) <= NEWS_WINDOW_DAYS


def before_news(doc: Doc, iso: str | None, precision: DatePrecision) -> bool:
    """The whole day, week, month or year the words fix ended before the news window: a
    happening of the background ("انزلاقاً للتربة في نوفمبر 2019", "منذ جائحة كورونا" has no
    date and stays)."""
    if iso is None or doc.published is None or precision is DatePrecision.unknown:
        return False
    day = date.fromisoformat(iso)
    if precision is DatePrecision.year:
        last = date(day.year, 12, 31)
    elif precision is DatePrecision.month:
        last = date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)
    else:
        last = day + timedelta(days=6 if precision is DatePrecision.week else 0)
    return (doc.published - last).days > NEWS_WINDOW_DAYS
