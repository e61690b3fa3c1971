"""One event from the triggers of one clause: its evidence, date, place and actors (who did it
and to whom, names copied as written), taken from the trigger's own clause."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from agent.extract import dates, fact_dates, places
from agent.extract.event_clauses import (
    Trigger,
    boundary_after,
    clause_scope,
    clause_span,
    joined,
    object_place,
)
from agent.extract.event_triggers import DEMONSTRATIVES, is_trigger
from agent.extract.event_typing import HAZARDS, modality
from agent.text import lexicon
from agent.text.arabic import Token, clitic_bases, norm, tokens
from agent.text.doc import Doc, Sentence, span
from schemas import (
    ActorRole,
    DatePrecision,
    EventActor,
    EventSubtype,
    EventType,
    Location,
    Modality,
    Span,
)

T = EventType
GOVERNED = lexicon.words("governed_prepositions")
RELATIVES = lexicon.words("event_relative_pronouns")
REPORTING = lexicon.words("event_reporting_verbs")
SUBJECT_VERBS = lexicon.words("subject_verbs")
TARGET_WORDS = lexicon.words("target_words")
EVENT_VERBS = lexicon.words("event_verbs_after")
_FRONTED_PLACE = re.compile(r"\s*و?في\s+[^،,.]+[،,]")  # "وفي باريس، قال …"
# Kinds whose genitive suffered the event ("نزوح مدنيين", "اعتقال ناشطين", "إغلاق الطريق").
PATIENT_TYPES = {T.displacement, T.arrest, T.attack_on_civilians, T.other}
ACTOR_HEADS = lexicon.words("actor_heads")
NOT_ACTORS = (places.DESIGNATORS | places.PLURAL_DESIGNATORS | places.DIRECTIONS
              | lexicon.words("not_actor_heads"))
TITLES = lexicon.words("titles")
WAW_WORDS = lexicon.words("event_waw_words")
TIME_WORDS = lexicon.words("time_words") | set(dates.WEEKDAYS)
NAME_STOP = (places.STOP | DEMONSTRATIVES | RELATIVES | REPORTING | SUBJECT_VERBS | TARGET_WORDS
             | EVENT_VERBS | TIME_WORDS | lexicon.words("event_name_stop_words"))
ADJECTIVES = lexicon.words("event_adjectives")
NISBA = re.compile(r"^ال\w+(?:ي|يه|يين|يون|يان|ين)$|^(?:"
                   + "|".join(lexicon.ordered("definite_adjectives")) + ")$")
NISBA_INDEFINITE = re.compile(r"^\w{2,}(?:ي|يه|يا)$")
ACTOR_WORDS = 6


@dataclass
class Found:
    """An event being assembled from one or more triggers."""

    type: EventType
    evidence: list[Span]
    date: str | None
    date_text: str | None
    precision: DatePrecision
    location: Location | None
    actors: list[EventActor]
    modality: Modality
    anaphoric: bool  # a definite noun ("الانفجار"): may point back to a told happening
    placed: bool = False  # its own words name the place (not a scene set before)
    timed: bool = False  # its clause has date words, the report's too: a fresh piece of news
    words: set[str] = field(default_factory=set)  # actor words, for merging repeats
    subtype: EventSubtype | None = None
    open_types: tuple[EventType, ...] = ()  # a headline's types that no word settled
    measures: set[str] = field(default_factory=set)  # the trigger words of an `other` event


def assemble(doc: Doc, event_type: EventType, group: list[Trigger]) -> Found:
    """One event from the triggers of one clause: evidence, date, place, actors, modality."""
    t = group[0]
    found = Found(event_type, [], None, None, DatePrecision.unknown, None, [],
                  modality(doc.text, t), anaphoric=False)
    add_evidence(doc.text, found, [clause_span(doc.text, trig) for trig in group])
    start, end = clause_scope(doc.text, t)
    date_start = _relative_clause_start(doc.text, t) or start
    found.date, found.date_text, found.precision = fact_dates.event_date(
        doc, t, event_type, date_start, end)
    found.timed = bool(dates.find_dates(doc, date_start, end))
    own = _location(doc, t, event_type, start, end)
    found.placed = own is not None
    found.location = own or _scene(doc, t.sentence)
    # Nobody does a disaster: the subject of "تحطمت طائرة ركاب" is the aircraft, not an actor.
    found.actors = [] if event_type in HAZARDS else _actors(doc.text, t, event_type)
    found.words = {w for a in found.actors for w in content_words(a.name)}
    if event_type is T.other:  # "حداداً" and "الحداد": one measure; "حالة الطوارئ" another
        found.measures = {_measure(trig.toks[trig.first].norm) for trig in group}
    if event_type in HAZARDS:  # the others have no sub-type
        found.subtype = next((trig.subtype for trig in group if trig.subtype), None)
    # "دفعت … إلى النزوح": a verbal noun after its verb's preposition names the act, it does
    # not point back to one.
    found.anaphoric = t.definite and (t.first == 0 or t.toks[t.first - 1].norm not in GOVERNED)
    return found


def _measure(word: str) -> str:
    """The word without its clitics and the alif of its tanwin."""
    base = clitic_bases(word)[-1]
    return base[:-1] if len(base) > 4 and base.endswith("ا") else base


def add_evidence(raw: str, event: Found, spans: list[Span]) -> None:
    """Add spans; one that overlaps a span already there widens it instead."""
    for s in spans:
        for k, old in enumerate(event.evidence):
            if s.start < old.end and old.start < s.end:
                event.evidence[k] = span(raw, min(s.start, old.start), max(s.end, old.end))
                break
        else:
            event.evidence.append(s)


def content_words(name: str, keep: Iterable[str] = ()) -> set[str]:
    """Content words of a name, clitic-stripped; designators, directions and particles
    dropped unless kept."""
    drop = (NOT_ACTORS | places.STOP) - set(keep)
    out: set[str] = set()
    for tok in tokens(name):
        bases = clitic_bases(tok.norm)
        if not set(bases) & drop:
            out.add(bases[-1])
    return out


def _relative_clause_start(raw: str, t: Trigger) -> int | None:
    """Start of a relative clause holding the trigger ("مدينة تدمر التي سيطر عليها"): its
    happening does not take the date of the main clause."""
    for k in range(t.first - 1, max(-1, t.first - 6), -1):
        if boundary_after(raw, t.toks, k):
            break
        if t.toks[k].norm in RELATIVES:
            return t.toks[k].start
    return None


def _location(doc: Doc, t: Trigger, event_type: EventType, start: int, end: int
              ) -> Location | None:
    """The place taken ("استعادة تدمر"), else the place nearest the trigger in its clause."""
    if event_type is T.territory_change:
        taken = object_place(doc, t)
        if taken is not None:
            return taken
    if t.definite:  # "بعد ساعات من المواجهات، توصل الطرفان …": only its own clause
        start, end = clause_span(doc.text, t).start, clause_span(doc.text, t).end
    found = places.find_location(doc, start, end, anchor=t.start)
    if found is None and event_type is T.disease_outbreak:
        return _announcing_country(doc, t, clause_scope(doc.text, t)[0])
    return found


def _announcing_country(doc: Doc, t: Trigger, start: int) -> Location | None:
    """The country that reports its own cases: "أعلنت الكويت عن رصد حالتي إصابة",
    "قطر أعلنت عن حالة وفاة" (an outbreak is one event per country)."""
    for tok in reversed(t.toks[: t.first]):
        if tok.start < start:
            break
        if set(clitic_bases(tok.norm)) & places.COUNTRIES:
            return places.find_location(doc, tok.start, tok.end, bare=True)
    return None


def _scene(doc: Doc, sentence: Sentence) -> Location | None:
    """A fronted place that sets the scene: "وفي باريس، قال …" in this or the last sentence."""
    for s in doc.sentences[max(0, sentence.index - 1) : sentence.index + 1][::-1]:
        start = doc.norm.from_raw(s.start)
        m = _FRONTED_PLACE.match(doc.norm.text, start)
        if m:
            return places.find_location(doc, s.start, doc.norm.to_raw(start, m.end())[1])
    return None


def _actors(raw: str, t: Trigger, event_type: EventType) -> list[EventActor]:
    """Who did it and to whom, names copied as written."""
    toks = t.toks
    out: list[EventActor] = []

    def add(first: int | None, role: ActorRole, strict: bool = False) -> None:
        name = _name(raw, toks, first, strict) if first is not None else None
        if name and all(a.name != name for a in out):
            out.append(EventActor(actor_id=None, name=name, role=role))

    # Who launched it: "شنت طائرات غارات", "موسكو التي شنت", "غارات شنتها طائرات".
    for k in range(max(0, t.first - 5), min(len(toks), t.last + 2)):
        if toks[k].norm in SUBJECT_VERBS and k != t.first:
            if k > 0 and toks[k - 1].norm in RELATIVES:
                add(_antecedent(raw, toks, k - 1), ActorRole.initiator)
            elif k + 1 < len(toks) and k + 1 != t.first:
                add(k + 1, ActorRole.initiator)
    if event_type is T.meeting_agreement:
        for k in range(max(0, t.first - 6), t.first):  # "قال حجاب بعد الاجتماع مع هولاند"
            if set(clitic_bases(toks[k].norm)) & REPORTING:
                add(k + 1, ActorRole.initiator)
        partner = next((k for k in range(t.last + 1, min(t.last + 3, len(toks)))
                        if toks[k].norm == "مع"), None)
        add(partner + 1 if partner is not None else None, ActorRole.other)
    after = t.last + 1 if joined(raw, toks, t.last) else None
    if after is not None and toks[after].norm == "بين":  # "اشتباكات بين X و Y"
        add(after + 1, ActorRole.initiator)
        add(_next_conjunct(raw, toks, after + 1), ActorRole.target)
    elif after is not None and (t.verb or not t.definite):
        # The subject of a verb, or the genitive of a noun ("سيطرة قوات النظام").
        patient = (event_type in PATIENT_TYPES and not t.verb) or event_type is T.displacement
        add(after, ActorRole.target if patient else ActorRole.initiator,
            strict=not t.verb or event_type is T.other)
    for k in range(t.first, min(len(toks) - 1, t.last + 10)):  # "استهدفت مواقع للجيش"
        if set(clitic_bases(toks[k].norm)) & TARGET_WORDS:
            add(k + 1, ActorRole.target, strict=True)
    return out


def _antecedent(raw: str, toks: list[Token], relative: int) -> int | None:
    """The word a relative pronoun refers to ("موسكو" of "لموسكو التي")."""
    k = relative - 1
    return k if k >= 0 and joined(raw, toks, k) else None


def _next_conjunct(raw: str, toks: list[Token], first: int) -> int | None:
    """The token starting with و that begins the second member of "بين X و Y"."""
    k = first
    while k + 1 < len(toks) and k - first < ACTOR_WORDS and joined(raw, toks, k):
        k += 1
        if toks[k].norm.startswith("و") and toks[k].norm not in WAW_WORDS:
            return k
    return None


def _name(raw: str, toks: list[Token], first: int, strict: bool) -> str | None:
    """An actor's name starting at token `first`, as written, or None when the words there
    are not a name. `strict` asks for a known kind of actor ("قوات", "التحالف", "موسكو")."""
    tok = toks[first]
    start = places.unglued_start(tok)
    head = tok.norm
    if start == tok.start and head.startswith("و") and head not in WAW_WORDS:
        head, start = head[1:], start + 1
    elif start != tok.start:
        head = norm(tok.text[start - tok.start :])
    bases = set(clitic_bases(head))
    if (not head.isalpha() or bases & (NAME_STOP | NOT_ACTORS) or is_trigger(bases)
            or (head[:1] in "بلك" and start == tok.start and not head.startswith("ال"))):
        return None  # a particle, an amount, an instrument ("بطائرات")
    if not head.startswith("ال") and (head in ADJECTIVES or NISBA_INDEFINITE.match(head)):
        return None  # "قصف كثيف", "غارات روسية": an adjective
    if strict and not bases & (ACTOR_HEADS | TITLES | places.COUNTRIES
                               | places.WORLD_CAPITALS):
        return None  # "معارك الفاشر" names a place, "مظاهرات مطالبة" a quality
    if bases & places.PLACES - places.COUNTRIES - places.WORLD_CAPITALS:
        return None
    last = first
    titled = bool(bases & TITLES)
    while last - first < ACTOR_WORDS - 1 and _joined_name(raw, toks, last):
        cur, nxt = toks[last].norm, toks[last + 1].norm
        nxt_bases = set(clitic_bases(nxt))
        if (not nxt.isalpha() or nxt_bases & NAME_STOP or is_trigger(nxt_bases)
                or (nxt.startswith("و") and nxt not in WAW_WORDS)
                or (nxt[:1] in "بل" and not nxt.startswith("ال"))):
            break
        # Construct chain ("قوات نظام الرئيس") or adjectives after a definite noun
        # ("المعارضة السورية"); a name may follow a title ("الرئيس الفرنسي فرانسوا هولاند").
        if cur.startswith("ال") and not NISBA.match(nxt) and not titled:
            break
        titled = titled or nxt in TITLES
        last += 1
    end = toks[last].end
    if raw[end : end + 1] in "»\"”" and "«" in raw[start - 1 : end]:
        end += 1  # close the quote of "تنظيم «داعش»"
    return span(raw, start, end).text or None


def _joined_name(raw: str, toks: list[Token], i: int) -> bool:
    """Tokens i and i+1 belong to one name: only spaces, or an opening quote, between them
    ("تنظيم «داعش»")."""
    return i + 1 < len(toks) and raw[toks[i].end : toks[i + 1].start].strip() in ("", "«")


