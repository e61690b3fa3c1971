"""The check that an answer's cited words meet what the question asks (agent/chat/asks.py),
and the refusal when they do not.

An answer counts only if one of its citations meets every constraint; otherwise the answer says
first what the article does not say, in the question's language, and the code's answer follows
as a related fact, marked as not the answer (DOMAIN.md, "Questions a reader asks").
"""

from __future__ import annotations

import re
from datetime import date

from agent.chat.answers import Answer, Citation, quoted
from agent.chat.asks import SITES, Attribute, Constraints, read
from agent.chat.attributes import Evidence, has_attribute
from agent.chat.claims import claims
from agent.chat.context import ranked_sentences
from agent.chat.counting import (
    category_before,
    counts,
    counts_people,
    has_number,
    present,
    qualified,
    rescued_counted,
)
from agent.chat.days import is_month, states_day
from agent.chat.facts import Fact, Facts
from agent.chat.names import is_name
from agent.chat.question import EVENT_NOUNS, Query
from agent.chat.question_names import COUNTRIES, placed
from agent.chat.question_names import names as name_runs
from agent.chat.source_check import from_source
from agent.chat.where import (
    alone_in,
    continues,
    in_place,
    lead_before,
    names_asked,
    names_kind,
    new_place,
    of_the_lead,
)
from agent.chat.words import Term, Words
from agent.extract.dates import find_dates
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import table, words
from schemas import ActorType, CasualtyCategory, CasualtyReport, Span

# The checks: each citation is read with the words that stand behind it.


def evidence(fx: Facts, cite: Citation) -> Evidence:
    fact = next((f for f in fx.facts if f.id == cite.fact_id), None)
    return _evidence(fx, fact, cite.quote)


def fact_evidence(fx: Facts, fact: Fact) -> Evidence:
    return _evidence(fx, fact, fact.quote)


def _evidence(fx: Facts, fact: Fact | None, quote: Span) -> Evidence:
    spans = fact.obj.evidence if fact is not None and hasattr(fact.obj, "evidence") else [quote]
    sents = " ".join(s.text for s, _ in fx.sentences
                     if any(e.start < s.end and s.start < e.end for e in spans))
    figure = sents
    if fact is not None and fact.kind == "casualty":
        c: CasualtyReport = fact.obj
        figure = " ".join([c.count_text, c.victim_detail or ""])
    return Evidence(fact, sents or quote.text, figure)


def unmet(c: Constraints, fx: Facts, ev: Evidence) -> str | None:
    """The first constraint the evidence does not meet ('counted', 'place', 'source', or an
    attribute), or None when it meets them all."""
    if c.counted and not counts(fx, ev, c.counted):
        return "counted"
    # '1227 حالة إسهال مائي حاد يُشتبه بأنها كوليرا': the status may close a long noun phrase.
    # «أُنقذ اثنان» answers «كم شخصاً نجا», and so does a quoted «من إنقاذ 13 راكباً».
    rescued = getattr(ev.fact.obj, "category", None) == CasualtyCategory.rescued if (
        ev.fact is not None) else rescued_counted(ev.sentence, c.counted)
    if c.status and not (c.alive and rescued) and not qualified(fx, ev, c.status):
        return "counted"
    if c.unconfirmed and qualified(fx, ev, c.unconfirmed):
        return "counted"  # 'how many laboratory-confirmed' is not answered by suspected cases
    reported = ev.fact is not None and ev.fact.kind == "casualty"
    if c.unchecked and not reported:
        return "counted"  # a quoted figure for a noun the chat cannot read is a guess
    if c.category and not reported and not counts(fx, ev, c.category, category=True):
        return "counted"  # a sentence quoted for a toll must hold a figure of that category
    if any(not in_place(fx, ev, t) or (c.alone and not alone_in(ev, t)) for t in c.places):
        return "place"
    if c.sources and not from_source(fx, ev, c.sources):
        return "source"
    if c.named and not _with_names(fx, ev, c.named):
        return "named"
    if c.topic and not _of_event(fx, ev, c.topic):
        return "topic"
    if c.released and not _freed(fx, ev):
        return "counted"  # 'how many were freed' is not answered by how many were held
    if c.sites and not all(Words(ev.sentence).has(t) for t in c.sites):
        return "place"
    if c.totals and (ev.fact.obj.count_best in c.totals if reported and ev.fact is not None
                     else set(map(int, re.findall(r"\d+", norm(ev.sentence)))) <= c.totals):
        return "counted"  # 'how many of the 570 children': the 570 is the whole, not the part
    if c.present and not present(fx, ev):
        return "counted"  # 'how many were on board' is not answered by a toll
    if c.another and not any(b in _ADDITIONAL for t in tokens(ev.figure)
                             for b in clitic_bases(t.norm)):
        return "counted"  # 'how many other people were infected': a figure given as more
    when = " ".join([_then(fx, ev.sentence), getattr(ev.fact.obj, "date_text", None) or ""]
                    if ev.fact is not None else [_then(fx, ev.sentence)])
    dated = getattr(ev.fact.obj, "date", None) if ev.fact is not None else None
    if c.date_day is not None and not states_day(ev.sentence, dated, c.date_day):
        return "time"  # 'on December 12': «و1553 في الثاني عشر», not the five days' 7621
    # The day in a why-question ('why did thousands march on Saturday') sets the scene; the
    # cause may be given in a sentence that names no day of its own.
    if c.times and not (c.attribute == Attribute.reason and not _dated(fx, ev)) and not all(
            (_of_year(fx, ev, t.word) if t.word.isdigit() else Words(when).has(t))
            or _on_weekday(fx, ev, t) or (c.date_day is not None and is_month(t))
            for t in c.times):
        return "time"
    if c.attribute is not None and not has_attribute(fx, ev, c):
        return str(c.attribute)
    if c.claim and not claims(ev.sentence):
        return "agent"  # «ولم تعلن أي جهة مسؤوليتها» names no one who claimed it
    # The head noun names the kind: 'group' of 'which jihadist group' (an Arabic question has
    # one word after «أي»).
    if c.place_kind and _country_kind(c):  # 'which country mediated': a country named
        if not _new_country(ev.sentence, c.given):
            return "place_kind"
    elif c.place_kind and not (names_kind(c.place_kind[-1:], c.given, ev.sentence)
                             or (c.settled and new_place(fx, ev.sentence, c.given))
                             or (not c.settled and not _site(c)
                                 and _group_named(fx, ev.sentence, c.given))):
        return "place_kind"  # 'In which town ...', 'أي مدينة': only a named place answers
    if c.count and not reported and not has_number(fx, ev.sentence):
        return "counted"  # 'how many ...' is not answered by a sentence without a figure
    if c.count and c.attribute is None and not c.counted and not reported \
            and not counts_people(fx, ev.sentence):
        return "counted"  # 'how many people were vaccinated' is not answered by the doses
    return None


_GROUP_TYPES = {ActorType.armed_group, ActorType.organization}


_COUNTRY_NOUNS = {"دوله", "دول", "بلد", "بلدان"}


def _country_kind(c: Constraints) -> bool:
    return any(b in _COUNTRY_NOUNS for t in c.place_kind for f in t.forms for b in clitic_bases(f))


def _new_country(sentence: str, given: list[Term]) -> bool:
    """The sentence names a country that the question does not («اللبناني» names none)."""
    return any(b in COUNTRIES and not any(Words(t.text).has(g, min_key=2) for g in given)
               for t in tokens(sentence) for b in clitic_bases(t.norm))


def _site(c: Constraints) -> bool:
    """'Which hospital', 'which camp': a site, named after its noun («مستشفى الصدر العام»),
    not by a group or a «quoted» title the sentence holds."""
    return any(b in SITES for t in c.place_kind for f in t.forms for b in clitic_bases(f))


def _group_named(fx: Facts, sentence: str, given: list[Term]) -> bool:
    """'Which group claimed the attack': the sentence names a group or body the question does
    not («وتبنّى «جيش تحرير بلوشستان» الهجوم», «من مخلفات تنظيم «داعش»»)."""
    said = Words(sentence)
    quoted = re.findall(r"«([^»]+)»", sentence)
    names = [*quoted, *(a.name for a in fx.extraction.actors if a.type in _GROUP_TYPES
                        and Words(a.name).norm in said.norm)]
    return any(not any(Words(n).has(t, min_key=2) for t in given) for n in names)


def _of_year(fx: Facts, ev: Evidence, year: str) -> bool:
    """The figure is of that year: its date, its date words or its own sentence say so (not the
    next sentence its evidence runs into: 'وكانت البلاد قد سجلت طوال عام 2018')."""
    if ev.fact is None:
        return year in norm(ev.sentence)
    obj = ev.fact.obj
    at = obj.evidence[0].start if getattr(obj, "evidence", None) else -1
    k = fx.sentence_at(at)
    own = fx.sentences[k][0].text if k is not None else ev.sentence
    said = " ".join([getattr(obj, "date", None) or "", getattr(obj, "date_text", None) or "", own])
    return year in norm(said)


_WEEKDAYS = table("weekdays", str)
_ADDITIONAL = words("additional_words_ar")
_RELEASED = words("release_words_ar")


def _dated(fx: Facts, ev: Evidence) -> bool:
    start = fx.article.find(ev.sentence)
    return start < 0 or bool(find_dates(fx.doc, start, start + len(ev.sentence)))


def _on_weekday(fx: Facts, ev: Evidence, t: Term) -> bool:
    """A weekday asked ('Wednesday') is the day a date of the evidence resolves to ('صباح
    اليوم' in an article of a Wednesday), or the day the extraction dated the fact."""
    days = {int(_WEEKDAYS[b]) for f in t.forms for b in clitic_bases(f) if b in _WEEKDAYS}
    start = fx.article.find(ev.sentence)
    if not days:
        return False
    found = [d.date for d in find_dates(fx.doc, start, start + len(ev.sentence))
             if d.date is not None] if start >= 0 else []
    dated = getattr(ev.fact.obj, "date", None) if ev.fact is not None else None
    found += [date.fromisoformat(dated)] if dated else []
    published = fx.doc.published
    return published is not None and any(  # a weekday names a day of the article's week
        0 <= (published - d).days < 7 and d.weekday() in days for d in found)


def _with_names(fx: Facts, ev: Evidence, named: list[Term]) -> bool:
    """Every name the question gives stands with the figure: in its sentence, place (or one
    the article puts it in) or source."""
    o = ev.fact.obj if ev.fact is not None else None
    where = getattr(getattr(o, "location", None), "name", None) or ""
    said = Words(" ".join([ev.sentence, where, getattr(o, "reported_by", None) or ""]))
    # 'after the Arbaat dam burst': a sentence that names no place of its own («انهيار السد»)
    # is about what the lead before it names.
    lead = not new_place(fx, ev.sentence, [])
    return all(said.has(t, min_key=2) or in_place(fx, ev, t)
               or (lead and lead_before(fx, ev.sentence, t)) or of_the_lead(fx, ev, t)
               for t in named)


_THEN = {"حينها", "انذاك", "حينذاك", "وقتها", "انئذ"}


def _then(fx: Facts, sentence: str) -> str:
    """The sentence, and the one before it when it says «حينها» (then): the time it was told
    ('بحلول 31 أكتوبر … وتركزت الإصابات حينها في الشمال')."""
    k = next((i for i, (s, _) in enumerate(fx.sentences) if s.text == sentence), 0)
    if k and any(t.norm in _THEN for t in tokens(sentence)):
        return f"{fx.sentences[k - 1][0].text} {sentence}"
    return sentence


def _freed(fx: Facts, ev: Evidence) -> bool:
    """The figure is given as people freed: a release word in its own words or the four
    before them ('أُفرج اليوم عن 120 محتجزاً'; not 'بعد أن اعتُقل نحو 900')."""
    if ev.fact is None:
        spans = [(0, len(ev.sentence), ev.sentence)]
    else:
        spans = [(e.start, e.end, fx.article) for e in ev.fact.obj.evidence]
    for start, end, text in spans:
        before = tokens(text, max(0, start - 60), start)[-4:]
        words = [*before, *tokens(text, start, end)]
        if any(b in _RELEASED for t in words for b in clitic_bases(t.norm)):
            return True
    return False


def _of_event(fx: Facts, ev: Evidence, topic: list[Term]) -> bool:
    """The figure is of the event asked ('the floods'): its sentence or cause names it, or the
    article is about one and the figure's sentence names no other kind of event ('603 deaths
    from cholera' is not a flood toll)."""
    cause = getattr(ev.fact.obj, "cause", None) if ev.fact is not None else None
    said = Words(" ".join([ev.sentence, cause or ""]))
    if any(said.has(t) for t in topic):
        return True
    asked = {EVENT_NOUNS[b] for t in topic for f in t.forms for b in clitic_bases(f)
             if b in EVENT_NOUNS}
    # The article is about such an event: its lead names it or the extraction found one.
    lead = any(w.has(t) for _, w in fx.lead for t in topic) or bool(
        asked & {str(e.type) for e in fx.extraction.events})
    named = {EVENT_NOUNS[b] for t in tokens(ev.sentence) for b in clitic_bases(t.norm)
             if b in EVENT_NOUNS}
    if asked & named:  # «محاولة اغتيال بسيارة مفخخة» answers for «التفجير»: the same kind
        return True
    # Another kind of event in the figure's sentence (displacement is what events cause).
    return lead and not named - asked - {"displacement", "meeting_agreement", "other"}


def group_sentence(q: Query, fx: Facts, c: Constraints) -> Answer | None:
    """The article's sentence that counts the asked group in the asked category, quoted, when
    no extracted figure does ('وقال مصدر طبي إن بين القتلى 6 أطفال'); of several, the one the
    question's other words match best."""
    best = ranked_sentences(q, fx)
    for k in [*best, *(k for k in range(len(fx.sentences)) if k not in best)]:
        s = fx.sentences[k][0]
        ev = Evidence(None, s.text, s.text)
        if counts(fx, ev, c.counted) and category_before(s.text, c) and unmet(
                c, fx, ev) is None:
            return quoted(q.lang, f"sentence-{k + 1}", "sentence", s)
    return None


ANSWERING_DEPTH = 3  # how far down the best-matching sentences an answer is looked for


def answering_sentence(q: Query, fx: Facts, c: Constraints, ranked: list[int]) -> Answer | None:
    """Of the few sentences that match the question best, the first whose words meet every
    constraint, quoted: the sentence that gives the cause or the date, not merely the one
    that shares the most words ('why did the bus crash' -> '... بسبب عطل في المكابح')."""
    # An English word the glossary carries ('rails': «سكته») is a common word, not a name.
    names = [t for t in fx.known(q.terms) if is_name(t) or (
        fx.names.has(t, min_key=2) and not (t.word.isascii() and t.forms))]
    if c.attribute == Attribute.age:  # 'the man killed in Smara': where, not who is asked of,
        last = fx.sentences[-1][0].text  # when the lead says it happened there
        names = [t for t in names if not (placed(q, t) and lead_before(fx, last, t))]

    # 'Thulani Maseko' is one name: «قُتل ماسيكو، البالغ من العمر 52 عاماً» holds it.
    grouped = [[t for t in run if t in names] for run in name_runs(q)]
    runs = [run for run in grouped if run] + [[t] for t in names
                                              if not any(t in run for run in grouped)]

    def held(k: int) -> int:  # a sentence naming no place of its own continues the last
        before = [fx.sentences[k - 1][1]] if k and continues(fx, k) else []
        # «واندلعت الاحتجاجات … رفضاً لتعديلات دستورية»: a cause told of the lead's place
        # (Karakalpakstan) in a sentence that names none.
        text = fx.sentences[k][0].text
        lead = c.attribute == Attribute.reason and not new_place(fx, text, [])
        return sum(any(w.has(t, min_key=2) for w in [fx.sentences[k][1], *before] for t in run)
                   or (lead and any(lead_before(fx, text, t) for t in run)) for run in runs)

    # A lower sentence must name what the best one names ('Qatar' in 'when did Qatar record
    # ...'): a dated sentence about someone else does not answer.
    def meets(k: int) -> bool:
        s = fx.sentences[k][0].text
        return held(k) >= held(ranked[0]) and unmet(c, fx, Evidence(None, s, s)) is None

    # 'Which airport ...': a sentence that names one ('مطار جومو كينياتا'), looked for a little
    # deeper, before one that only holds the noun or names the one asked about ('مطار نيروبي').
    naming = [k for k in ranked[:2 * ANSWERING_DEPTH] if q.asked
              and names_asked(q, fx.sentences[k][0].text) and meets(k)]
    # An age is read beside the name of the person asked, and an hour is told once: either may
    # stand lower down.
    depth = 2 * ANSWERING_DEPTH if c.attribute == Attribute.age or c.clock else ANSWERING_DEPTH
    meeting = [k for k in ranked[:depth] if meets(k)]
    if not (naming or meeting):
        return None
    k = (naming or meeting)[0]
    return quoted(q.lang, f"sentence-{k + 1}", "sentence", fx.sentences[k][0])


# The refusal.

_NOT_SAID = {
    "counted": ("The article does not say {q}.", "لا يذكر المقال {q}."),
    "place": ("The article does not say this for {what}.", "لا يذكر المقال ذلك عن {what}."),
    "time": ("The article does not say this for {what}.", "لا يذكر المقال ذلك عن {what}."),
    "named": ("The article does not say this for {what}.", "لا يذكر المقال ذلك عن {what}."),
    "topic": ("The article does not say this for {what}.", "لا يذكر المقال ذلك عن {what}."),
    "source": ("The article gives nothing from {what} on this.", "لا ينسب المقال ذلك إلى {what}."),
    "name": ("The article does not give the name of {what}.", "لا يذكر المقال اسم {what}."),
    "age": ("The article does not give the age of {what}.", "لا يذكر المقال عمر {what}."),
    "nationality": ("The article does not give the nationality of {what}.",
                    "لا يذكر المقال جنسية {what}."),
    "date": ("The article does not say when: {q}.", "لا يذكر المقال متى: {q}."),
    "reason": ("The article does not give the reason: {q}.", "لا يذكر المقال السبب: {q}."),
    "agent": ("The article does not say who: {q}.", "لا يذكر المقال من: {q}."),
    "person": ("The article does not name the person: {q}.", "لا يسمي المقال الشخص: {q}."),
    "unknown": ("The article does not mention {what}.", "لا يذكر المقال {what}."),
    "place_kind": ("The article does not name the {what}: {q}.", "لا يسمي المقال {what}: {q}."),
}
RELATED = {"en": "Related, not the answer:", "ar": "معلومة ذات صلة وليست الجواب:"}


def refusal(q: Query, why: str, terms: list[Term], related: Answer | None) -> Answer:
    """'The article does not say how many children were killed.', then the related fact."""
    what = _words(q, terms) or ("this" if q.lang == "en" else "ذلك")
    asked = q.text.strip().rstrip("?؟ ").strip()
    asked = asked[:1].lower() + asked[1:] if q.lang == "en" else asked
    en, ar = _NOT_SAID[why]
    text = (en if q.lang == "en" else ar).format(q=asked, what=what)
    citations: list[Citation] = []
    if related is not None and related.citations:
        text += f"\n{RELATED[q.lang]} {related.text}"
        citations = related.citations
    return Answer(text=text, citations=citations, language=q.lang, source="none")


def _words(q: Query, terms: list[Term]) -> str:
    terms = [t for t in terms if t.end > t.start]  # a category's words stand nowhere in it
    if not terms:
        return ""
    return q.text[min(t.start for t in terms):max(t.end for t in terms)]


def vet(q: Query, fx: Facts, ans: Answer, c: Constraints | None = None) -> Answer:
    """The answer when one of its citations meets every constraint, else the refusal."""
    if ans.source == "none":
        return ans
    c = c or read(q, fx)
    if c.unknown:
        return refusal(q, "unknown", c.unknown, None)
    if not ans.citations:
        return ans
    misses = [unmet(c, fx, evidence(fx, cite)) for cite in ans.citations]
    if any(m is None for m in misses):
        return ans
    why = misses[0] or ""
    terms = {"place": c.places, "source": c.sources, "time": c.times,
             "named": c.named, "place_kind": c.place_kind, "topic": c.topic}.get(why, c.subject)
    return refusal(q, why, terms, ans)
