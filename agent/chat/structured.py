"""Structured questions answered by code from the facts: how many, who did it, who someone is,
where and when (who said what, in agent/chat/said.py); and whether a question is about the
article at all."""

from __future__ import annotations

import re

from agent.chat.answers import Answer, Draft, count_phrase, quoted, unanswerable
from agent.chat.asks import Attribute, Constraints
from agent.chat.attributes import deputy
from agent.chat.constraints import RELATED, fact_evidence, group_sentence, unmet
from agent.chat.dated import date_label, date_sentence
from agent.chat.facts import Fact, Facts, best_matching
from agent.chat.names import display_name, english_name, is_name, place_lists
from agent.chat.question import PERSON_NOUNS_EN, Query
from agent.chat.question_names import is_name as qn_is_name
from agent.chat.question_names import names as name_runs
from agent.chat.question_names import placed
from agent.chat.routes import asked_way, route_answer
from agent.chat.said import answer_said_when, answer_statements
from agent.chat.where import kind_named, only_named
from agent.chat.words import Term, Words
from agent.extract.places import DESIGNATORS
from agent.text.arabic import norm, tokens
from agent.text.doc import locate
from agent.text.lexicon import ordered, table
from agent.text.lexicon import words as lexicon_words
from schemas import (
    Actor,
    ActorType,
    CasualtyCategory,
    CasualtyReport,
    CountUnit,
    Span,
    Victims,
)

# 'What did X say ...', 'ماذا قال X': a question about someone's words, not about a fact.
_WHAT_SAID = re.compile(r"^\s*what (?:did|does|has|have) .*\b(?:say|said|tell|told)\b"
                        r"|^\s*(?:ماذا|ما الذي) (?:قال|قالت|قاله|قالته|صرح|صرحت)", re.I)

_EN_VERB = {CasualtyCategory.killed: "were killed", CasualtyCategory.injured: "were injured",
            CasualtyCategory.displaced: "were displaced", CasualtyCategory.missing: "are missing",
            CasualtyCategory.detained: "were detained",
            CasualtyCategory.affected: "were affected", CasualtyCategory.sick: "were recorded",
            CasualtyCategory.rescued: "were rescued", CasualtyCategory.evacuated: "were evacuated"}
_AR_VERB = {CasualtyCategory(k): v
            for k, v in table("answer_casualty_verbs_ar", str, normalize=False).items()}
_EN_VICTIMS = {Victims.civilians: "civilians", Victims.combatants: "fighters",
               Victims.security_forces: "members of the security forces"}
_OPENERS = "|".join(map(re.escape, ordered("apposition_openers_ar", normalize=False)))
_APPOSITION = re.compile(rf"\s*،\s*(?:{_OPENERS})\s+([^،.\n]{{3,160}})")


_EARLIER = re.compile(r"^\W*(?:و|ف)?كان(?:ت|وا)?\s+(?:\S+\s+){0,4}?قد\s")


_ASKS_EARLIER = lexicon_words("question_earlier_words")


def _earlier(fx: Facts, f: Fact) -> bool:
    """The figure is told as background: 'وكانت الوزارة قد أعلنت في العاشر من سبتمبر …'."""
    return bool(_EARLIER.match(norm(fact_evidence(fx, f).sentence)))


# «إصابة» is a wound or a case of a disease: the extraction tells which (agent/extract/sickness.py),
# so a question asking for one also takes the other when the article has only that.
_CASES = {CasualtyCategory.injured: CasualtyCategory.sick,
          CasualtyCategory.sick: CasualtyCategory.injured}


def _asked(q: Query, fx: Facts) -> set[CasualtyCategory]:
    have = {f.obj.category for f in fx.of_kind("casualty")}
    return set(q.categories) | {_CASES[c] for c in q.categories
                                if c in _CASES and c not in have}


def _casualty_line(d: Draft, f: Fact) -> str:
    c: CasualtyReport = f.obj
    mark = d.cite(f.id, f.kind, f.quote)
    away = c.category in (CasualtyCategory.displaced, CasualtyCategory.evacuated)
    vague = not re.search(r"\d", norm(c.count_text))
    if d.lang == "en":
        who = "families" if c.unit == CountUnit.families else _EN_VICTIMS.get(c.victims, "people")
        if c.category == CasualtyCategory.sick:  # cases of a disease, not people fallen ill
            who = "cases"
        text = f"{count_phrase(c, 'en')} {who} {_EN_VERB[c.category]}"
        if vague:
            text += f" («{c.count_text}»)"
        if c.victim_detail:
            text += f" (including «{c.victim_detail}»)"
        if c.location:
            text += f" {'from' if away else 'in'} {english_name(c.location.name)}"
        if c.reported_by:
            text += f", according to {english_name(c.reported_by)}"
        return f"{text} {mark}."
    text = f"{_AR_VERB[c.category]} {c.count_text}"
    if c.victim_detail and c.victim_detail not in c.count_text:
        text += f"، {c.victim_detail}،"
    if c.location:
        text += f" {'من' if away else 'في'} {c.location.name}"
    text = text.rstrip("،")
    if c.reported_by:
        text += f"، وفق {c.reported_by}"
    return f"{text} {mark}."


def _answer_count(q: Query, fx: Facts, asks: Constraints) -> Answer | None:
    reports = [f for f in fx.of_kind("casualty") if f.obj.category in _asked(q, fx)]
    if not reports:
        return None  # nothing extracted: the model may still find it in the sentences
    # The counted group ('children') is checked by the constraints, not looked for in context.
    known = [t for t in fx.known(q.terms) if not set(t.forms) & set(asks.counted)]
    # Only figures that meet the question's constraints (group, place, source) answer it; the
    # others the question's words point at follow as related facts, marked as not the answer.
    pointed = best_matching(reports, known)
    meeting = [f for f in reports if unmet(asks, fx, fact_evidence(fx, f)) is None]
    # 'وكانت الوزارة قد أعلنت …' gives an earlier figure: the current one answers, unless the
    # question asks the earlier one ('the first toll', «في وقت سابق»).
    earlier = any(t.norm in _ASKS_EARLIER or t.text.lower() in _ASKS_EARLIER
                  for t in tokens(q.text))
    meeting = [f for f in meeting if _earlier(fx, f) == earlier] or meeting
    # 'in Gopalganj district': a figure the extraction places there outranks one that meets the
    # place only through the lead before it.
    meeting = [f for f in meeting if asks.places and f.obj.location and all(
        Words(f.obj.location.name).has(t, min_key=2) for t in asks.places)] or meeting
    # The place, source and names are checked, not looked for: a figure may take its place from
    # the lead ('وأصيب 11 طفلاً في القصف' after 'قصف … في مدينة تعز').
    checked = {t.word for t in (*asks.places, *asks.sources, *asks.named)}
    # A figure of the very group asked answers though it shares no other word with the
    # question ('how many firefighters perished in the explosion': «عشرة من عناصر فوج إطفاء
    # بيروت فقدوا حياتهم», a sentence that does not name the blast).
    best = (best_matching(meeting, [t for t in known if t.word not in checked])
            or best_matching(meeting, known)
            or (meeting if asks.counted and not (asks.places or asks.named) else []))
    if not best and asks.counted:  # 'بين القتلى 6 أطفال': a sentence may count the group
        counted = group_sentence(q, fx, asks)
        if counted is not None:
            return counted
    if not best and asks.status:  # a sentence may give the asked status to no figure
        return None  # extracted («56 إصاباتهم متوسطة»، «لا يزال 33 منهم في المستشفيات»)
    if not best and not pointed:  # figures exist, none for this place or source
        return unanswerable(q.lang)
    # "according to X": of reports in one sentence, keep those X gave, not the others'.
    sourced = [f for f in best if f.obj.reported_by
               and any(Words(f.obj.reported_by).has(t, min_key=2) for t in known)]
    best = sourced or best
    d = Draft(q.lang)
    d.parts = [_casualty_line(d, f) for f in best]
    related = [_casualty_line(d, f) for f in pointed if f not in best and f not in meeting][:2]
    if related and best:
        d.parts.append(RELATED[q.lang])
    d.parts += related
    return d.answer()


def _answer_who_is(q: Query, fx: Facts, by_title: Term | None = None) -> Answer | None:
    """The person the question names or describes, with the words that say who they are; only
    a person whose title holds the question's words and the head noun `by_title` when given
    ('ما اسم محافظ الدقهلية'; not the Secretary-General for 'his spokesman')."""
    known = fx.known(q.terms)
    if not known:
        return None
    scored: list[tuple[int, list[Term], Fact]] = []
    for f in fx.of_kind("actor"):
        names = Words(" ".join([f.obj.name, *f.obj.aliases]))
        hits = [t for t in known if names.has(t, min_key=2)]
        # A name the question gives counts twice a word of the title it gives.
        scored.append((2 * len(hits) + sum(f.context.has(t) for t in known), hits, f))
    if not any(f.obj.type == ActorType.person and any(is_name(t) for t in hits)
               for _, hits, f in scored):
        # 'Who chairs the human rights commission?': no person's name given; the person whose
        # title holds the question's words.
        titled: list[tuple[int, list[Term], Fact]] = [
            (_title_hits(f.obj, known), [], f) for f in fx.of_kind("actor")
            if f.obj.type == ActorType.person and f.obj.title]
        # Half the words at least, and two: 'the commission's spokesman' is not its chair.
        titled = [x for x in titled if x[0] >= 2 and 2 * x[0] >= len(known) and (
            by_title is None or Words(x[2].obj.title or "").has(by_title, min_key=2))
            and (deputy(q.text) or not deputy(x[2].obj.title or ""))]
        scored = titled or ([] if by_title is not None else scored)
    if not scored or max(x[0] for x in scored) == 0:
        return None
    _, hits, f = max(scored, key=lambda x: x[0])
    a: Actor = f.obj
    role = a.title or _apposition(fx.article, a)
    if not role:
        return None
    if a.affiliation and norm(a.affiliation) not in norm(role):
        role += f"، {a.affiliation}"
    d = Draft(q.lang)
    quote = f.quote if a.title else locate(fx.article, role, near=a.evidence[0].start) or f.quote
    mark = d.cite(f.id, f.kind, quote)
    d.parts.append(f"{display_name(a.name, q, hits)}: {role} {mark}." if q.lang == "en"
                   else f"{a.name}: {role} {mark}.")
    return d.answer()


def _title_hits(actor: Actor, terms: list[Term]) -> int:
    said = Words(f"{actor.title} {actor.affiliation or ''}")
    return sum(said.has(t) for t in terms)


def _apposition(article: str, actor: Actor) -> str | None:
    """'زيد الصالح، وهو لواء في جيش الأسد ...،': the words that say who a person is."""
    for ev in actor.evidence:
        m = _APPOSITION.match(article[ev.end:])
        if m:
            return m.group(1).strip()
    return None


def _covering(fx: Facts, quote: Span, kinds: tuple[str, ...]) -> Fact | None:
    for f in fx.facts:
        if f.kind in kinds and any(e.start <= quote.start and quote.end <= e.end
                                   for e in f.obj.evidence):
            return f
    return None


def _answer_place_list(q: Query, fx: Facts) -> Answer | None:
    known = fx.known(q.terms)
    scored = []
    for k, (sent, words) in enumerate(fx.sentences):
        lists = place_lists(fx.article, sent)
        if lists:
            scored.append((sum(words.has(t) for t in known), k, lists))
    top = max((s for s, _, _ in scored), default=0)
    if top == 0:
        return None
    d = Draft(q.lang)
    for score, k, lists in scored:
        if score < top:
            continue
        for names, quote in lists:
            fact = _covering(fx, quote, ("event", "statement"))
            mark = (d.cite(fact.id, fact.kind, quote) if fact
                    else d.cite(f"sentence-{k + 1}", "sentence", quote))
            d.parts.append(f"The article names: {', '.join(names)} {mark}." if q.lang == "en"
                           else f"يذكر المقال: {'، '.join(names)} {mark}.")
    return d.answer()


def _best_with(q: Query, fx: Facts, field: str) -> list[Fact]:
    """Events and casualty reports that have `field`, in the asked category, best match first."""
    having = [f for f in fx.facts if f.kind in ("event", "casualty") and getattr(f.obj, field)
              and (not q.categories or getattr(f.obj, "category", None) in q.categories)]
    # 'the crash in which 20 pilgrims died': a figure the question gives picks its facts.
    figures = re.findall(r"\d+", norm(q.text))
    given = [f for f in having if figures and any(
        re.search(rf"(?<!\d){n}(?!\d)", norm(fact_evidence(fx, f).sentence)) for n in figures)]
    return best_matching(given or having, fx.known(q.terms), fx)


def _answer_where(q: Query, fx: Facts) -> Answer | None:
    if asked_way(q) is not None:  # 'where was it heading', 'from which town did it set off'
        return route_answer(q, fx, fx.known(q.terms))
    if q.place_list:
        return _answer_place_list(q, fx)
    lies = _where_it_lies(q, fx)
    if lies is not None:
        return lies
    given = [t for t in q.terms if t not in q.asked and is_name(t)]
    # 'Where in Muscat did the shooting happen': not Muscat itself (the wider place written
    # with it may answer 'in which province is Guayaquil').
    best = [f for f in _best_with(q, fx, "location") if f.obj.location.area
            or not any(only_named(f.obj.location.name, t) for t in q.terms
                       if t in given or placed(q, t))]
    if not best:
        return None
    d = Draft(q.lang)
    seen: dict[str, str] = {}
    for f in best:
        loc = f.obj.location
        name, quote = loc.name, loc.evidence[0] if loc.evidence else f.quote
        if loc.area and len(loc.evidence) > 1 and any(Words(name).has(t, min_key=2)
                                                      for t in given):
            # 'In which province is Guayaquil': not the city given, the area written with it.
            name, quote = loc.area, loc.evidence[1]
        elif q.asked and norm(name.split()[0]) in DESIGNATORS and not any(
                Words(name).has(t) for t in q.asked):
            # 'In which province': «بلدة بوهونغ» is no answer; the province its sentence names is.
            k = fx.sentence_at(quote.start)  # where the town is named
            found = kind_named(q.asked, fx.sentences[k][0].text, fx.sentences[k][0].start) \
                if k is not None else None
            if found is not None:
                name, quote = found[0], Span(text=found[0], start=found[1],
                                             end=found[1] + len(found[0]))
        mark = d.cite(f.id, f.kind, quote)
        seen[name] = seen.get(name, "") + mark
    d.parts = [f"In {english_name(name)} {marks}." if q.lang == "en" else f"في {name} {marks}."
               for name, marks in seen.items()]
    return d.answer()


def _where_it_lies(q: Query, fx: Facts) -> Answer | None:
    """«أين يقع مخيم زمزم», 'where is the Zamzam camp located': the sentence that says where it
    lies in so many words («ويقع مخيم زمزم على بعد نحو 15 كيلومتراً جنوب غربي مدينة الفاشر»),
    before the places of the facts told there."""
    if not (_LIES_EN.search(q.text) or any(t.norm.removeprefix("و") in _LIES_AR
                                           for t in tokens(q.text))):
        return None
    given = [t for t in q.terms if t not in q.asked and not any(
        norm(f).removeprefix("و") in _LIES_AR for f in (t.word, *t.forms))]
    for k, (s, _) in enumerate(fx.sentences):
        toks = tokens(s.text)
        for i, t in enumerate(toks):  # what lies is named right after the verb
            after = Words(" ".join(x.text for x in toks[i + 1:i + 1 + _LIES_REACH]))
            if t.norm.removeprefix("و") in _LIES_AR and given and all(
                    after.has(g, min_key=2) for g in given):
                return quoted(q.lang, f"sentence-{k + 1}", "sentence", s)
    return None


_LIES_AR = {"يقع", "تقع"}
_LIES_REACH = 4  # «وتقع ناحية البغدادي»، «ويقع مخيم زمزم»
_LIES_EN = re.compile(r"\b(?:located|situated|lies|lie)\b", re.I)


def _answer_when(q: Query, fx: Facts) -> Answer | None:
    best = _best_with(q, fx, "date")
    if not best:
        return None
    d = Draft(q.lang)
    seen: dict[str, str] = {}
    for f in best:
        label = date_label(fx, f.obj, q.lang)
        seen[label] = seen.get(label, "") + d.cite(f.id, f.kind, f.quote)
        k = date_sentence(fx, f)
        if k is not None:  # the date's own words, to check it by
            seen[label] += d.cite(f"sentence-{k + 1}", "sentence", fx.sentences[k][0])
    d.parts = [f"On {label} {marks}." if q.lang == "en" else f"في {label} {marks}."
               for label, marks in seen.items()]
    return d.answer()


def _answer_who_did(q: Query, fx: Facts) -> Answer | None:
    reports = [f for f in fx.of_kind("casualty")
               if f.obj.category in q.categories and f.obj.perpetrator]
    best = best_matching(reports, fx.known(q.terms))
    if not best:
        return None
    d = Draft(q.lang)
    d.parts = [f"{english_name(f.obj.perpetrator) if q.lang == 'en' else f.obj.perpetrator} "
               f"{d.cite(f.id, f.kind, f.quote)}." for f in best]
    return d.answer()


def code_answer(q: Query, fx: Facts, asks: Constraints) -> Answer | None:
    """The answer code can give from the facts, or None when the question is not structured
    (or the facts it needs were not extracted)."""
    # 'which hospital were the injured taken to' asks a name, not a figure.
    if (q.categories and (q.count or not (q.who or q.asked or q.say or q.what)) and not q.where
            and not q.when and asks.attribute is None):
        return _answer_count(q, fx, asks)
    if q.categories and q.who and not q.who_is and not q.say:  # 'who said they were killed'
        return _answer_who_did(q, fx)
    if q.say and q.when:  # 'when did the ministry announce …' asks the day, not the words
        return answer_said_when(q, fx)
    # 'How old is the deacon who described the blast': an age or a nationality, not the words.
    if q.say and asks.attribute not in (Attribute.age, Attribute.nationality):
        # 'What did the army chief say ...': no statement of theirs is no answer at all.
        said = answer_statements(q, fx)
        return said or (unanswerable(q.lang) if _WHAT_SAID.search(q.text) else None)
    if q.who_is:
        return _answer_who_is(q, fx)
    if asks.attribute == Attribute.name and asks.head is not None and not q.count:
        titled = _answer_who_is(q, fx, by_title=asks.head)
        if titled is not None:
            return titled
    if q.where or asked_way(q) is not None or (q.place_list and not (q.when or q.who)):
        return _answer_where(q, fx)
    if q.when and asks.attribute == Attribute.date and not (asks.clock or asks.future
                                                             or asks.year or asks.since):
        return _answer_when(q, fx)
    return None


def out_of_article(q: Query, fx: Facts) -> bool:
    """True when the question asks about something the article never mentions: no content
    word found, or only names found next to a word that is not there ('weather in Paris')."""
    if not q.terms:
        return False
    known = fx.known(q.terms)
    if not known:
        return True
    # 'Umaro Sissoco Embalo': a word of a name the article gives in part is no other thing.
    unknown = [t for t in q.terms if t not in known and t not in q.asked
               and not (q.categories and t.word.lower() in PERSON_NOUNS_EN) and not any(
        t in run and qn_is_name(q, t) and any(x in known and qn_is_name(q, x) for x in run)
        for run in name_runs(q))]
    only_names = all(fx.names.has(t, min_key=2) or is_name(t) for t in known)
    return bool(unknown) and only_names
