"""Cases of a disease: in an epidemic «إصابة» and «حالة» count the sick, not the wounded.

A figure read as injured becomes sick when no word of a wound governs it and the disease is
in its sentence, or in the article's lead while its sentence speaks of no violence.
"""

from __future__ import annotations

from agent.extract.event_triggers import WORDS, is_trigger
from agent.extract.numbers import words
from agent.text import lexicon
from agent.text.arabic import clitic_bases
from agent.text.doc import Doc, Sentence
from schemas import CasualtyCategory, CasualtyReport, EventType, Victims

_DISEASES = lexicon.words("disease_words") | {
    w for w, kind in lexicon.table("event_nouns", str).items() if kind == "disease_outbreak"}
_WOUNDS = lexicon.words("wound_words")
LEAD_SENTENCES = 3  # the title and the lead say what the article is about
WOUND_AFTER = 3


def as_cases(doc: Doc, sentence: Sentence, reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """The sentence's reports, with injured figures that count cases of a disease made sick."""
    if not any(r.category is CasualtyCategory.injured for r in reports):
        return reports
    here = _bases(doc, sentence)
    epidemic = bool(here & _DISEASES) or (_outbreak_lead(doc) and not is_trigger(here))
    if not epidemic:
        return reports
    return [r.model_copy(update={"category": CasualtyCategory.sick, "victims": _population(r)})
            if r.category is CasualtyCategory.injured and not _wounded(doc, sentence, r) else r
            for r in reports]


def _population(report: CasualtyReport) -> Victims:
    """Cases of a disease are of the population, civilians, unless the words said who."""
    return Victims.civilians if report.victims is Victims.unknown else report.victims


def _outbreak_lead(doc: Doc) -> bool:
    """Does the lead tell of a disease, and of no other kind of event: not "حريق مركز عزل
    مرضى كورونا", where the wounded of the fire are no cases?"""
    lead = [_bases(doc, s) for s in doc.sentences[:LEAD_SENTENCES]]
    return any(bases & _DISEASES for bases in lead) and not any(
        WORDS.get(b) not in (None, EventType.disease_outbreak) for bases in lead for b in bases)


def _bases(doc: Doc, sentence: Sentence) -> set[str]:
    return {b for w in words(doc, sentence.start, sentence.end) if w.is_letters
            for b in clitic_bases(w.norm)}


def _wounded(doc: Doc, sentence: Sentence, report: CasualtyReport) -> bool:
    """A word of a wound in the figure's words or the few after them ("أصيبوا بجروح")."""
    after = [w for w in words(doc, report.evidence[0].end, sentence.end)][:WOUND_AFTER]
    here = [w for s in report.evidence for w in words(doc, s.start, s.end)]
    return any(w.is_letters and set(clitic_bases(w.norm)) & _WOUNDS for w in here + after)
