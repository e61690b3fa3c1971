"""Where and when a casualty figure happened: the place and date words of its own sentence, or,
where it names none, those of the incident it belongs to (tests/truth/GUIDE.md: a figure tied to a
dated incident takes that incident's day; a sentence that names no place continues the last one).
"""

from __future__ import annotations

from agent.extract import dates, fact_dates, places, sources
from agent.extract.event_triggers import is_trigger
from agent.extract.numbers import words
from agent.text import lexicon
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.doc import Doc, Sentence
from schemas import CasualtyReport, DatePrecision, Location, Span

_TOLL = lexicon.table("toll_words", str)  # "حصيلة" noun, "إلى" link
# "مصدر طبي في مستشفى الثورة بالحديدة" is where the figure was counted; "وزارة الصحة في رام
# الله", "حاكم إقليم جنوب كيفو" are where a body sits or what it governs.
_ON_THE_SPOT = lexicon.words("source_posts") | lexicon.words("source_nouns")


def place_and_date(doc: Doc, reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """The reports with their location and date filled where the article gives them."""
    told = _incident_dates(doc)
    return [_fill(doc, r, _incident(told, r.evidence[0].start)) for r in reports]


def _incident(told: list[dates.DateMention], pos: int) -> dates.DateMention | None:
    """The incident a figure belongs to: the last one told before it (a roundup tells several),
    else the article's first."""
    before = [m for m in told if m.start < pos]
    return before[-1] if before else (told[0] if told else None)


def _fill(doc: Doc, report: CasualtyReport, incident: dates.DateMention | None
          ) -> CasualtyReport:
    sentences = _evidence_sentences(doc, report)
    update: dict[str, object] = {}
    if report.location is None:
        update["location"] = next(
            (found for s in sentences
             if (found := _place_in(doc, s, _anchor(doc, report, s))) is not None),
            None) or _place_before(doc, sentences[0])
    if report.date is None and report.date_text is None:
        own = [m for s in sentences for m in dates.find_dates(doc, s.start, s.end)
               if not fact_dates.of_the_report(doc, m)]
        # "أوقفت X الأحد …، كما اعتُقل Y مساء الثلاثاء": the date nearest the figure's words
        # in their own paragraph (a headline's have no date of their own)
        mention = min(own, key=lambda m: min(_gap(doc.text, m, at) for at in report.evidence)
                      ) if own else incident
        if mention is not None:
            update.update(date=mention.date.isoformat() if mention.date else None,
                          date_text=mention.text)
    return report.model_copy(update=update)


def _gap(raw: str, m: dates.DateMention, at: Span) -> int:
    """Characters between a date and a figure's words; a line break between them puts the
    date past every date of the figure's own paragraph."""
    lo, hi = (at.end, m.start) if m.start >= at.end else (m.end, at.start)
    return max(hi - lo, 0) + (len(raw) if "\n" in raw[lo:hi] else 0)


def _place_in(doc: Doc, sentence: Sentence, anchor: tuple[int, int] | None = None
              ) -> Location | None:
    """The sentence's place (nearest `anchor`), a source's seat only when it names no other:
    "قالت وزارة الصحة الفلسطينية في رام الله إن ثمانية قُتلوا … لمدينة جنين" is Jenin."""
    seats = [at for _, at in sources.sources_in(doc, sentence.start, sentence.end)
             if not _ON_THE_SPOT & set(clitic_bases(norm(at.text.split()[0])))]
    return places.find_location(doc, sentence.start, sentence.end, anchor, seats=seats)


def _anchor(doc: Doc, report: CasualtyReport, sentence: Sentence) -> tuple[int, int]:
    """Where the figure's words are in this sentence (a headline's figure told again in the
    body is placed by the body's words), from the toll it completes when it names one."""
    at = next((e.start for e in report.evidence if sentence.start <= e.start < sentence.end),
              report.evidence[0].start)
    return (_toll_start(doc, sentence, at) or at, at)


def _toll_start(doc: Doc, sentence: Sentence, at: int) -> int | None:
    """"ارتفعت حصيلة الضربة … بمدينة دنيبرو، مركز مقاطعة دنيبروبيتروفسك، إلى 40 قتيلاً": the
    figure completes a toll named before it, whose words say where; the toll noun's start."""
    before = tokens(doc.text, sentence.start, at)
    if not before or _TOLL.get(before[-1].norm) != "link":
        return None
    return next((tok.start for tok in reversed(before[:-1])
                 if any(_TOLL.get(b) == "noun" for b in clitic_bases(tok.norm))), None)


def _evidence_sentences(doc: Doc, report: CasualtyReport) -> list[Sentence]:
    """The sentences of the report's evidence, the body's before the headline's."""
    found = list(dict.fromkeys(doc.sentence_at(e.start) for e in report.evidence))
    return sorted(found, key=lambda s: s.index == 0)


def _place_before(doc: Doc, sentence: Sentence) -> Location | None:
    """The place of the nearest sentence before, within the same paragraph."""
    for s in reversed(doc.sentences[:sentence.index]):
        if "\n" in doc.text[s.end:sentence.start]:
            return None
        found = _place_in(doc, s)
        if found is not None:
            return found
    return None


def _incident_dates(doc: Doc) -> list[dates.DateMention]:
    """The days of the article's incidents: day-precise dates in sentences that tell an event
    (else every day-precise date), never the day a figure was put out."""
    found = [(s, m) for s in doc.sentences for m in dates.find_dates(doc, s.start, s.end)
             if m.precision is DatePrecision.day and m.date is not None
             and not fact_dates.of_the_report(doc, m)]
    told = [m for s, m in found if is_trigger(
        b for w in words(doc, s.start, s.end) if w.is_letters for b in clitic_bases(w.norm))]
    return told or [m for _, m in found]
