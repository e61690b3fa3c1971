"""What a question asks beyond its topic: the group it counts ("how many children", read by
agent/chat/counted.py), the places, days and sources it names, the names the article never
mentions, and the attribute it wants (a name, an age, a nationality, a date, a reason).
agent/chat/constraints.py checks an answer against them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise

from agent.chat.asked import in_article_places, sources
from agent.chat.claims import asks_claim
from agent.chat.counted import read_counted
from agent.chat.days import asked_day
from agent.chat.facts import Facts
from agent.chat.question import (
    CATEGORY_FORMS,
    GLOSSARY,
    Query,
    asks_alone,
    asks_presence,
    category_terms,
    is_event,
)
from agent.chat.question_names import (
    DESIGNATORS,
    found,
    is_name,
    names,
    placed,
    unknown_speaker,
    whole,
)
from agent.chat.words import Term
from agent.text.arabic import Token, clitic_bases, norm, tokens
from agent.text.lexicon import table, words


class Attribute(StrEnum):
    """What the question wants to know about its subject (agent/lexicons/question_attributes)."""

    name = "name"
    age = "age"
    nationality = "nationality"
    reason = "reason"
    date = "date"
    agent = "agent"  # 'who killed him', 'who owns the building': someone the question does not name
    person = "person"  # 'which OCHA official', «من المتحدث باسم الحركة»: a person, by name


_ATTRIBUTES = table("question_attributes", Attribute)
_AGE_LIMITS = words("question_age_limits")
_ROLES = words("title_heads")  # 'official', 'spokesman', 'chief': a person is asked
_EN_BODIES = words("question_body_nouns_en")
_PLACE_KINDS = DESIGNATORS | words("generic_places")
SITES = words("place_sites_ar")  # camps, airports, hospitals: named after their noun
_NAME_KINDS = words("question_name_kinds_ar")
_WHICH_AR = {"اي", "باي", "فاي", "لاي", "ايه"}  # «في أي حي»، «بأي حي»
_ONE_PLACE = {"حي"}  # a place noun the question words hold as a cue of a list of places
_DAYS_MONTHS = set(table("weekdays", str)) | set(table("months", str))
_YEAR_GIVEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # 'in 2018', 'عام 2018'
_CLOCK = re.compile(r"\bwhat (?:(?:local|exact|precise) )?time\b|\b(?:what|which) hour\b"
                    r"|اي ساعه|الساعه كم|اي وقت من")
_YEAR = re.compile(r"\b(?:what|which) year\b|اي (?:عام|سنه)\b")
_ASKS_AGE = {"كم", "ما", "كان", "كانت", "يبلغ", "تبلغ", "بلغ"}  # «كم كان عمر», «ما عمر»
_ON_DAY = re.compile(r"\b(?:what|which) (?:day|date)\b|اي (?:يوم|تاريخ)\b")
_DAY = re.compile(r"\b(?:24|twenty-four)[ -]hours?\b|(?:24|الأربع والعشرين|أربع وعشرين) ?ساعة"
                  r"|الساعات (?:الـ ?)?(?:24|الأربع والعشرين)")
_EN_PAST = re.compile(r"[a-z]+ed|fell|sank|struck|broke|blew|burnt|caught")
_HOURS = ("ساعه", "ساعات", "الساعات", "الفتره")  # a figure of the last day says so
# 'when will', 'on what date will ... be held', 'متى ستنتهي', «متى ينتهي», «متى تنتهي» (a
# present tense is not told from a past one without its vowels: 'متى تعرض', «متى توفي» are past).
_FUTURE = re.compile(r"\b(?:will|would)\b"
                     r"|\b(?:is|are) (?:\S+ )*?(?:expected|due|scheduled|set) to\b"
                     r"|متى\s+(?:س[يتنا]|ي|تت|ت(?!وفي)\S+ي(?!\S))", re.I)


@dataclass
class Constraints:
    attribute: Attribute | None = None
    counted: tuple[str, ...] = ()  # Arabic forms of the counted group or noun; () = any
    counted_words: str = ""  # the counted noun as the question words it
    alive: bool = False  # the status asked is being alive: the rescued are
    status: tuple[str, ...] = ()  # 'suspected cases': a status word must qualify the figure
    unconfirmed: tuple[str, ...] = ()  # 'confirmed cases': these words must not qualify it
    category: tuple[str, ...] = ()  # words of the asked casualty categories (how many killed)
    unchecked: bool = False  # the counted noun has no Arabic form known: no figure can be checked
    places: list[Term] = field(default_factory=list)
    sources: list[Term] = field(default_factory=list)
    times: list[Term] = field(default_factory=list)  # days and months ('Saturday's march')
    unknown: list[Term] = field(default_factory=list)  # names the article never mentions
    named: list[Term] = field(default_factory=list)  # other names a figure must stand with
    subject: list[Term] = field(default_factory=list)  # whom the attribute is asked of
    head: Term | None = None  # the subject's noun ('boy' of 'the little boy who died')
    kind: list[Term] = field(default_factory=list)  # 'defence' of 'the defence minister'
    asked_at: int = 0  # where the attribute word stands in the question
    future: bool = False  # 'when will ...': only a date the article puts ahead answers
    clock: bool = False  # 'what time', 'في أي ساعة': only an hour answers
    year: bool = False  # 'in what year', 'في أي عام': only a year answers
    day: bool = False  # 'on what day', 'في أي يوم': a day answers, not a month
    date_day: int | None = None  # 'on December 12': the day of the month a figure must be of
    alone: bool = False  # 'in Namibe alone': the figure's own sentence names that place alone
    since: bool = False  # 'since when', 'منذ متى': only a start ('منذ 10 يناير') answers
    count: bool = False  # 'how many': a quoted sentence must hold a figure
    place_kind: list[Term] = field(default_factory=list)  # 'which town': a town must be named
    given: list[Term] = field(default_factory=list)  # the question's words (not an answer)
    settled: bool = False  # a town or region (any place named answers), not a camp or airport
    topic: list[Term] = field(default_factory=list)  # the event a figure must be of ('floods')
    another: bool = False  # 'how many other people', 'كم شخصاً آخر': an additional figure
    released: bool = False  # 'how many were freed': a figure given as released
    present: bool = False  # 'how many were on board': a figure of those there, not a toll
    totals: frozenset[int] = frozenset()  # 'how many of the 570 children': not the 570
    sites: list[Term] = field(default_factory=list)  # 'brought to Imbaba hospital': a hospital
    claim: bool = False  # 'which group claimed the attack': only a claim made answers


def read(q: Query, fx: Facts) -> Constraints:
    """The constraints of a question, its names looked up in the article."""
    c = Constraints()
    low = q.text.lower()
    # 'Who said some names were recorded twice?': the words said are not an attribute asked.
    asked_words = [] if (q.say and q.who) else tokens(q.text)
    for i, t in enumerate(asked_words):
        key = t.text.lower() if t.text.isascii() else t.norm
        if _ATTRIBUTES.get(key) == Attribute.age and (_bounds_age(
                asked_words[max(0, i - 2):i]) or (key == "عمر" and i and asked_words[
                    i - 1].norm not in _ASKS_AGE)):  # «بحسب إبراهيم عمر» names a man
            continue  # 'كم طفلاً دون سن الخامسة': the age bounds the group counted
        if key == "name" and i and asked_words[i - 1].text.lower() == "by":
            continue  # 'how many were identified by name': how, not a name asked
        # Not after ب or ل: 'بسبب البرد' (because of), 'المتحدث باسم' (on behalf of).
        bases = [key] if t.text.isascii() else [b for b in clitic_bases(key)
                                               if not key.startswith(("ب", "ل")) or b == key]
        for base in bases:
            if base in _ATTRIBUTES and c.attribute is None:
                c.attribute, c.asked_at = _ATTRIBUTES[base], t.start
    if q.lang == "en" and re.search(r"\bhow old\b", low):
        c.attribute = Attribute.age
    if q.when and c.attribute is None:  # 'how old was he when ...' asks an age
        c.attribute = Attribute.date
        c.future = bool(_FUTURE.search(q.text))
        c.clock = bool(_CLOCK.search(norm(q.text).lower()))
        c.year = bool(_YEAR.search(norm(q.text).lower()))
        c.day = bool(_ON_DAY.search(norm(q.text).lower()))
        c.since = bool(re.search(r"\bsince when\b|منذ متي", norm(q.text).lower()))
    c.count, c.claim = q.count, asks_claim(q.text)
    one = _one_place_asked(q)
    if one is not None:  # «في أي حي»: one neighbourhood named, not a list of them
        q.asked, q.place_list = [one], False
    kinds = {b for t in q.asked for f in t.forms for b in clitic_bases(f)}  # 'المخيم' -> مخيم
    # «إلى أي جماعة ينتمي»: a nationality asked is no group's name.
    named = kinds & _NAME_KINDS and c.attribute != Attribute.nationality
    if kinds & _PLACE_KINDS or named:
        c.place_kind, c.given = q.asked, q.terms
        c.settled = not kinds & (SITES | _NAME_KINDS)
    if q.count and c.attribute is None:
        read_counted(q, c)
        asked = (f for cat in q.categories for f in CATEGORY_FORMS.get(cat, ()))
        c.category = (*asked, *c.category)
    c.sources = sources(q)
    c.date_day, c.alone = asked_day(q.text), asks_alone(q.text)
    c.times = [t for t in q.terms if _is_time(q, t)]
    # 'in 2018', 'عام 2018': a year the figure must be of (digits are no term of their own).
    c.times += [Term(m.group(), (m.group(),), frozenset(), m.start(), m.end())
                for m in _YEAR_GIVEN.finditer(norm(q.text))] + [  # 'in the past 24 hours'
        Term(m.group(), _HOURS, frozenset(), m.start(), m.end()) for m in _DAY.finditer(q.text)]
    source_ids = {id(t) for t in c.sources}
    for run in names(q):
        # English capitals mark a name's every word ('Health Protection Agency'); in Arabic
        # only the name's own words count ('محافظة الرقة' is not known by محافظة).
        name = [t for t in run if is_name(q, t) or (q.lang == "en" and q.text[t.start].isupper())]
        if len(name) == 1 and q.text[name[0].start - 1:name[0].end + 1] == f"({name[0].word})":
            continue  # 'the Ministry of Public Health (MoPH)': the name before it, restated
        # A name is the article's when its last word is ('محمد عبد الله فرماجو' is not known
        # by محمد; 'Mohamed El-Sherif' is by الشريف).
        if name and not found(q, fx, name):
            c.unknown.extend(name)
        # «نُقل إلى مستشفى تومايني»: the name itself may stand after a place cue.
        elif (q.count and id(name[0]) not in source_ids
              and (placed(q, run[0]) or placed(q, name[0]))
              and not _adjective(name[-1])):  # 'at the Indonesian stadium': the stadium
            c.places.append(whole(q, run))
        elif (q.count and id(name[0]) not in source_ids and name[0] not in q.asked
              and (fx.names.has(name[-1], min_key=2) or not name[-1].forms)
              and not (_adjective(name[-1])  # 'the Indonesian stadium'; not 'Saudi prisoners'
                       and name[-1].word.lower() not in c.counted_words.split())
              and not _owns_body(q, name[-1])):  # 'Mozambique's disaster management institute'
            # 'Bobi Wine's': a last word with no consonant pair (واين) is checked by the others
            c.named.append(next((t for t in reversed(name) if t.forms or t.keys), name[-1]))
    taken = {id(t) for run in (c.places, c.named, c.sources, c.times, c.unknown) for t in run}
    c.places += [t for t in in_article_places(q, fx) if id(t) not in taken]
    role = _role_asked(q)
    if role is not None and c.attribute is None and not (q.count or q.who_is):
        c.attribute, c.subject = Attribute.person, [t for t in q.terms if t is not role]
    if (q.who and not (q.say or q.who_is or q.categories or q.count)
            and c.attribute is None):
        c.attribute, c.subject = Attribute.agent, list(q.terms)
    if q.who_is and _HEADS.search(q.text) and c.attribute is None:
        c.attribute, c.subject = Attribute.person, list(q.terms)  # 'Who heads Basarnas?'
    if q.who_is and q.lang == "ar" and c.attribute is None and q.terms and not is_name(
            q, q.terms[0]):
        # «من هو المهرب الذي قاد المركب»: the person of that description, named.
        c.attribute, c.subject = Attribute.name, list(q.terms)
        c.head = _head(q, c.subject)
    c.unknown += unknown_speaker(q, fx)
    if q.count:
        norm_q = f" {' '.join(t.norm.lower() for t in tokens(q.text))} "  # «set free?» too
        c.released = any(f" {w} " in norm_q or any(b == w for t in tokens(q.text)
                                                   for b in clitic_bases(t.norm))
                         for w in _RELEASE)
        c.another = any(t.norm in _ANOTHER or t.text.lower() in _ANOTHER
                        for t in tokens(q.text))
        # 'How many were killed inside their homes' asks a toll: a category asked is counted.
        # 'How many were brought to Imbaba General Hospital': the hospital, not all of Imbaba.
        c.sites = [t for t in q.terms if t not in q.asked and _TO.search(q.text[:t.start])
                   and any(b in SITES for f in t.forms for b in clitic_bases(f))]
        c.present = asks_presence(q)
    if q.count:  # 'how many died in the floods': the figure must be the floods' toll
        taken = {id(t) for t in (*c.places, *c.sources, *c.named, *q.asked)}
        # 'when the canopy fell': a verb in the past tells what happened, not which event's
        # figure is asked («سقوط» is also a city's fall).
        c.topic = [t for t in q.terms if id(t) not in taken and fx.knows(t) and is_event(t)
                   and not (q.lang == "en" and _EN_PAST.fullmatch(t.word.lower()))]
    if c.attribute == Attribute.age:  # «كم كان عمر السائق تيدروس غبرمريم»: the person is the
        c.named = []  # subject, found by any word of the name («يوهانس وتيدروس … 31 عاماً»)
    if c.attribute in (Attribute.name, Attribute.age, Attribute.nationality, Attribute.reason):
        # Whom it is asked of: the words after the attribute word ('the name of the driver'),
        # else all the question's words ('How old was Jacqueline Fleming?').
        after = sorted((t for t in [*q.terms, *q.victims]  # 'عمر الطفل الذي فارق الحياة'
                        if id(t) not in source_ids and t.start > c.asked_at), key=lambda t: t.start)
        c.subject = after or [t for t in q.terms if id(t) not in source_ids]
        c.head = _head(q, c.subject)
        c.kind = _kind(q, c.subject, c.head)
    if c.attribute == Attribute.age and q.lang == "en":
        # 'How old is Oriyomi Hamzat, head of …': a full name's age is read beside the name, not
        # beside «الرئيسية» of someone else.
        c.subject = next((fx.known(run) for run in names(q) if len(run) > 1 and fx.known(run)
                          and all(t in c.subject and not placed(q, t) for t in run)), c.subject)
    if c.attribute == Attribute.age and q.lang == "en" and q.categories:
        # 'How old was the man killed in Smara': the one killed («ويبلغ القتيل 23 عاماً»), when
        # the article does not call him by the question's words.
        c.subject = [*c.subject, *category_terms(q)]
    return c


def _role_asked(q: Query) -> Term | None:
    """The role of the person a question asks for: the noun after 'which' ('which Health
    Ministry official') or the first after 'who' / «من» ('who is IOM's chief of mission',
    «من المتحدث باسم الحركة»), when it is a title's head noun."""
    first = q.asked or (q.terms[:1] if q.who and not q.categories else [])
    return next((t for t in first if any(b in _ROLES for f in t.forms
                                         for b in clitic_bases(f.split()[0]))), None)


def _bounds_age(before: list[Token]) -> bool:
    """An age word after 'دون', 'under (the)': a bound on the group, not the age asked."""
    return any(t.text.lower() in _AGE_LIMITS or t.norm in _AGE_LIMITS for t in before)


_HEADS = re.compile(r"^\s*who (?:heads|chairs|leads|runs|commands)\b", re.I)
_ANOTHER = words("question_another_words")
_TO = re.compile(r"(?:\b(?:to|into)|(?:^|\s)(?:إلى|الى))(?:\s+\S+){0,3}\s+$", re.I)
_RELEASE = words("question_release_words")


def _adjective(t: Term) -> bool:
    """A nationality adjective ('Indonesian stadium'), not the country as a name to check."""
    gloss = GLOSSARY.get(t.word.lower())
    display = (gloss.display or "").lower().removeprefix("the ") if gloss else ""
    return bool(display) and t.word.lower() != display and t.word.lower().startswith(display[:4])


_RELATIVE_EN = re.compile(r"\b(?:who|whom|whose|that|which)\b", re.I)


_PARTICIPLE_EN = re.compile(r"[a-z]{3,}ed|found|held|shot|hit|taken|seen|left|caught|known")


def _head(q: Query, subject: list[Term]) -> Term | None:
    """The subject's head noun: in Arabic its first word ('المتحدث باسم ...'), in English the
    last word before a relative clause ('the little boy who died' -> boy)."""
    if not subject:
        return None
    if q.lang == "ar":
        return _construct(q, subject)
    if len(subject) > 1 and q.text[subject[0].end:subject[1].start].strip(" ,").lower() in (
            "of", "of the", "of an", "of a"):
        return subject[0]  # 'the captain of the boat'
    rel = _RELATIVE_EN.search(q.text, subject[0].start)
    before = [t for t in subject if rel is None or t.end <= rel.start()]
    # 'the engineer found alive inside the ferry': a participle opens the clause too.
    part = next((k for k, t in enumerate(before[1:], 1)
                 if _PARTICIPLE_EN.fullmatch(q.text[t.start:t.end].lower())), len(before))
    return (before[:part] or subject)[-1]


def _kind(q: Query, subject: list[Term], head: Term | None) -> list[Term]:
    """The English nouns right before the head that say which one it is: 'defence' in
    "Azerbaijan's defence minister" (not the owner, who may be named farther off)."""
    kind: list[Term] = []
    at = head.start if head is not None and q.lang == "en" else -1
    for t in reversed([t for t in subject if t.end <= at]):
        if not t.forms or q.text[t.end:at] != " " or q.text[t.start:t.end].endswith(
                ("'s", "’s")):  # the owner's span holds its 's
            break
        kind.append(t)
        at = t.start
    return kind


def _construct(q: Query, subject: list[Term]) -> Term:
    """An Arabic head noun with the words it is in construct with ('قائد خفر السواحل', not
    قائد alone: «قائد الشرطة» is another person); a definite head ('السائق') stands alone."""
    run = [subject[0]]
    if not norm(subject[0].word).startswith("ال"):
        for t in subject[1:2]:
            if q.text[run[-1].end:t.start].strip():
                break
            run.append(t)
    if len(run) == 1:
        return run[0]
    phrase = norm(q.text[run[0].start:run[-1].end])
    return Term(phrase, (phrase,), frozenset(), run[0].start, run[-1].end)


def _is_time(q: Query, t: Term) -> bool:
    """A weekday or month: in Arabic any, in English capitalized ('March', not 'the march')."""
    if q.lang == "en" and not q.text[t.start].isupper():
        return False
    return any(b in _DAYS_MONTHS for f in t.forms for b in clitic_bases(f))


def _owns_body(q: Query, t: Term) -> bool:
    """An English name with 's whose noun, up to three words on, is a body: 'Mozambique's
    disaster management institute' names the body's country, no place a figure must name."""
    if q.lang != "en" or "'s" not in q.text[t.end - 2:t.end + 2]:
        return False
    return any(w in _EN_BODIES for w in re.findall(r"[a-z]+", q.text[t.end:].lower())[1:4])


def _one_place_asked(q: Query) -> Term | None:
    """The singular place noun after «أي» that the question words skip for being a cue of
    a list («حي»): «في أي حي من طنجة تقع الفيلا» asks for one neighbourhood."""
    toks = tokens(q.text) if q.lang == "ar" and not q.asked else []
    return next((Term(b.text, (b.norm,), frozenset(), b.start, b.end)
                 for a, b in pairwise(toks)
                 if a.norm in _WHICH_AR and b.norm in _ONE_PLACE), None)
