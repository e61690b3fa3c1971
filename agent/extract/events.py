"""Events: what happened, where, when, who did it to whom, copied from the article's words.

Trigger words (event_triggers) find candidates and decide their type where Arabic is clear; the
model only chooses among the types a trigger leaves open (event_typing); each clause's triggers
make one event (event_assembly), and here the repeats of one happening become one event.
"""

from __future__ import annotations

import re
from datetime import date

from agent.extract import fact_dates, places
from agent.extract.event_assembly import Found, add_evidence, assemble, content_words
from agent.extract.event_clauses import DELIMITERS, QUOTE_PAIRS, Trigger
from agent.extract.event_typing import HAZARDS, a_cause, sentence_events, toll, unsettled
from agent.extract.numbers import casualty_word, words
from agent.model.llm import LLM
from agent.text import lexicon
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.doc import Doc, Sentence
from schemas import Event, EventSubtype, EventType, Modality

T = EventType
S = EventSubtype
# What a strike or an earthquake leaves behind is part of it, not an accident or wildfire of
# its own.
AFTERMATH = {T.air_drone_strike: {S.fire, S.collapse, S.explosion, S.wildfire},
             T.shelling_artillery: {S.fire, S.collapse, S.explosion, S.wildfire},
             T.explosion_bombing: {S.fire, S.collapse, S.wildfire},
             T.natural_disaster: {S.collapse, S.fire}}
# A storm's rain floods: one disaster (EM-DAT codes the flood as the storm's).
SAME_HAZARD = {frozenset({S.storm, S.flood})}
MAX_MODEL_CALLS = 4  # per article: each costs 2-3 s on two cores (far more under load)
TITLE_MAX = 150
# A quoted name between a happening and its date does not part them: "بخطف «بوكو حرام» 276
# تلميذة … عام 2014".
DISEASES = lexicon.table("disease_names", str)
PAUSES = "".join(ch for ch in DELIMITERS if not any(ch in pair for pair in QUOTE_PAIRS))


def find_events(doc: Doc, llm: LLM | None = None, *, consult: bool = False) -> list[Event]:
    """The events the article reports, one per happening, in reading order (ids empty).

    With `consult` and an `llm`, open triggers ("هجوم", a bare "قصف") that no nearby word
    settles go to the model (at most MAX_MODEL_CALLS per article); otherwise the rule's first
    option stands. Off by default: on the seeds the default 1.5B model chose the type of such
    triggers worse than the rule (4 of 7 right against 6 of 7), though it did spot a
    metaphorical "شنت هجوما قاسيا على زعماء" that the rule keeps."""
    budget = [MAX_MODEL_CALLS if llm is not None and consult else 0]
    headlines: list[Found] = []
    found: list[Found] = []
    told: list[EventType] = []  # the type of each event as it is told, headlines too
    for sentence in doc.sentences:
        headline = _is_headline(doc, sentence)
        for event_type, group in sentence_events(doc, sentence, llm, budget, told):
            if (event_type is T.displacement and not headline
                    and all(toll(doc, t) for t in group)):
                continue  # "مقتل 30 ونزوح أكثر من 400 ألف": a figure of the toll
            event = assemble(doc, event_type, group)
            if event.modality is Modality.negated:
                continue  # "لم تتفق الكتل", "نفت شن غارات": the statement, not an event
            if _background(doc, event):
                continue  # "انزلاقاً للتربة في نوفمبر 2019": background, not news
            if not headline and _in_general(doc, event, group):
                continue  # "تعرّض لهجمات دامية عدة": attacks in general, no happening
            if _aftermath(found + headlines, event):
                continue
            told.append(event.type)
            if headline:
                if all(unsettled(t) for t in group):
                    event.open_types = unsettled(group[0])  # the body will tell which
                headlines.append(event)
                continue
            same = _earlier(doc, found, event)
            caused = next((f for f in reversed(found) if f.type in HAZARDS), None)
            if same is None and caused is not None and event.type is T.natural_disaster and all(
                    a_cause(t) for t in group):
                add_evidence(doc.text, caused, event.evidence)  # the rain of the landslide
            elif same is None:
                found.append(event)
            else:
                add_evidence(doc.text, same, event.evidence)
                same.subtype = same.subtype or event.subtype
                if same.type is T.disease_outbreak and _country(event) and not _country(same):
                    same.location = event.location  # "أول إصابة بالكوليرا في لبنان"
                if same.date is None and same.date_text is None and fact_dates.in_news_window(
                        doc, _day(event.date), event.precision):
                    same.date, same.date_text, same.precision = (event.date, event.date_text,
                                                                 event.precision)
    # A headline tells again the happening that the lines after it report in full.
    for event in headlines:
        start = event.evidence[0].start
        same = next((f for f in found if f.evidence[0].start > start
                     and (f.type in event.open_types or _compatible(f, event))), None)
        if same is None:
            found.append(event)
        else:
            same.evidence = event.evidence + same.evidence
            if event.type is same.type:  # the kind the headline names ("انفجار ميناء")
                same.subtype = event.subtype or same.subtype
    found.sort(key=lambda f: min(s.start for s in f.evidence))
    main = places.main_place(doc)  # after merging: it would make every event look placed
    return [
        Event(id="", type=f.type, subtype=f.subtype, description=f.evidence[0].text, date=f.date,
              date_text=f.date_text, date_precision=f.precision, location=f.location or main,
              actors=f.actors, modality=f.modality, evidence=f.evidence)
        for f in found
    ]


def _background(doc: Doc, f: Found) -> bool:
    """Its own clause dates it before the news window ("أعمال شغب شهدتها أربعة سجون في
    فبراير الماضي"); a date across a comma ("…، بينهم عشرة لقوا حتفهم الشهر الماضي") may
    be another happening's."""
    if f.date_text is None or not fact_dates.before_news(doc, f.date, f.precision):
        return False
    ev = f.evidence[0]
    # The mention nearest the evidence: "عام 2018" may also close the sentence before.
    near = [m.start() for m in re.finditer(re.escape(f.date_text), doc.text)
            if ev.start - 200 <= m.start() <= ev.end + 200]
    if not near:
        return False
    at = min(near, key=lambda a: max(ev.start - a, a - ev.end, 0))
    lo, hi = (ev.end, at) if at >= ev.end else (at + len(f.date_text), ev.start)
    return not any(ch in PAUSES for ch in doc.text[lo:hi])


_ATTACK = {T.armed_clash, T.attack_on_civilians}


def _in_general(doc: Doc, event: Found, group: list[Trigger]) -> bool:
    """An attack («هجوم»، «هجمات»، «كمين») that no place, day or toll of its own makes one
    happening ("تعرّض لهجمات دامية عدة"), unlike "قُتل جنديان في كمين استهدف دورية"; a
    bombardment («بقصف أسواق ومنازل») is told as one."""
    if event.placed or event.timed or not all(
            set(t.options) >= _ATTACK and not t.definite and not t.verb for t in group):
        return False
    sentence = group[0].sentence
    return not any(casualty_word(w) for w in words(doc, sentence.start, sentence.end))


def _is_headline(doc: Doc, sentence: Sentence) -> bool:
    """A line standing alone, short, without a closing stop or a dateline: a headline."""
    before = doc.text[max(0, sentence.start - 1) : sentence.start]
    after = doc.text[sentence.end : sentence.end + 2]
    return (len(sentence.text) <= TITLE_MAX and before in ("", "\n") and ("\n" in after
            or not after) and not sentence.text.endswith((".", "؟", "!", ":"))
            and not re.search(r"\s[-–—]\s", sentence.text))


def _compatible(told: Found, headline: Found) -> bool:
    """A headline's type fits the full report: "مواجهات" over a riot, "مظاهرات" over one,
    "حرائق" over the wildfires, "هجوم" over an attack on civilians or on soldiers."""
    if told.type is T.riot:
        return headline.type in (T.riot, T.protest, T.armed_clash)
    attacks = {T.attack_on_civilians, T.armed_clash}
    if told.type in attacks:  # "هجوم على قافلة" in a headline, on villagers or soldiers below
        return headline.type in attacks
    if told.subtype is S.wildfire:
        return headline.type is T.natural_disaster or headline.subtype is S.fire
    return told.type is headline.type


def _earlier(doc: Doc, found: list[Found], event: Found) -> Found | None:
    """An event already found that this one tells again, if any."""
    # "دعت إلى التحقيق في الهجوم": a definite noun points back to a happening as it was told.
    same_kind = [f for f in found if f.type is event.type
                 and (event.anaphoric or _told(f.modality) == _told(event.modality))]
    if not same_kind:
        return None
    if event.type is T.disease_outbreak:  # one event per disease and country
        fits = [f for f in same_kind if _same_outbreak(f, event)]
        here = [f for f in fits if _country(event) and _country(f) == _country(event)]
        return next(iter(here or fits[::-1]), None)
    if event.type in HAZARDS:
        return next((f for f in reversed(same_kind) if _same_hazard(f, event)), None)
    if event.type is T.other:  # closures, cancellations, curfews: one per measure and actor
        names = {norm(a.name) for a in event.actors}
        return next((f for f in reversed(same_kind)
                     if (event.anaphoric or f.measures & event.measures)
                     and (not names or names & {norm(a.name) for a in f.actors})), None)
    last = same_kind[-1]
    if event.anaphoric and (not event.placed or _same_place(last, event)):
        return last  # "الهجوم", "إطلاق الصاروخين", "المعارك تواصلت": the happening just told
    if not event.placed and last is found[-1] and "\n" not in doc.text[
            last.evidence[-1].end : event.evidence[0].start].strip():
        return last  # the same paragraph goes on about it, naming no other place
    if not event.timed and event.location is None:
        # No time or place of its own: "طائراته أغارت على أهداف" is the main strike again.
        first = next((f for f in same_kind if f.modality is event.modality), None)
        if first is not None:
            return first
    return next((f for f in same_kind if _same_happening(f, event)), None)


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _aftermath(found: list[Found], event: Found) -> bool:
    """A fire or collapse that a strike or a disaster told before caused: "احترق كثيرون
    منهم" after the drone strike, "انهارت منازل" after the earthquake."""
    return event.type in (T.accident, T.natural_disaster) and any(
        event.subtype in AFTERMATH.get(f.type, ()) for f in found)


def _same_outbreak(a: Found, b: Found) -> bool:
    """One outbreak told again: not in another country, not of another disease ("أول وفاة
    بالكوليرا" then "أول إصابة بالكوليرا في لبنان"; not "الإصابات بحمى الضنك في السودان"
    after the cholera)."""
    countries, diseases = (_country(a), _country(b)), (_diseases(a), _diseases(b))
    return ((not all(countries) or countries[0] == countries[1])
            and (not all(diseases) or bool(diseases[0] & diseases[1])))


def _diseases(f: Found) -> set[str]:
    """The diseases its first words name: "حمى الضنك" names ضنك."""
    return {DISEASES[b] for tok in tokens(f.evidence[0].text) for b in clitic_bases(tok.norm)
            if b in DISEASES}


def _same_hazard(a: Found, b: Found) -> bool:
    """One disaster or accident told again: a disaster of the same kind (a storm and its
    floods are one), any accident."""
    if a.type is T.accident:
        return True  # one crash told as a collision, a rollover and a fire
    kinds = {a.subtype, b.subtype}
    return a.subtype == b.subtype or None in kinds or frozenset(kinds) in SAME_HAZARD


def _country(f: Found) -> set[str]:
    """The countries its place names, as written ("الكويت" with its article)."""
    if f.location is None:
        return set()
    return {b for tok in tokens(f.location.name) for b in clitic_bases(tok.norm)} & places.COUNTRIES


def _told(modality: Modality) -> bool:
    """Asserted and claimed both tell that it happened; negated and hypothetical do not."""
    return modality in (Modality.asserted, Modality.claimed)


def _same_place(a: Found, b: Found) -> bool:
    """Both name the same place: "مدينة تدمر" and "تدمر", "جبال يام وفرضة نهم" and
    "مديرية نهم"."""
    if not (a.location and b.location):
        return False
    return bool(content_words(a.location.name) & content_words(b.location.name))


def _same_happening(a: Found, b: Found) -> bool:
    """The same place, or the same day and the same actors (a quote repeating the
    withdrawal: "مقاتلو المعارضة" … "مقاتلو الفصائل")."""
    if _same_place(a, b):
        return True
    if a.date is None or a.date != b.date:
        return False
    return bool(a.words & b.words)
