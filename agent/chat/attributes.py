"""Whether the words cited for an answer give the attribute the question asks: a date (an hour,
a date ahead), a reason, an age, a nationality or a name (agent/chat/asks.py reads which)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.chat.asked import DEMONYMS
from agent.chat.asks import Attribute, Constraints
from agent.chat.facts import Fact, Facts
from agent.chat.question_names import COUNTRIES
from agent.chat.words import Term, Words
from agent.extract.dates import find_dates
from agent.ner import entities
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import table, words
from schemas import ActorType, DatePrecision

_NOT_AGENTS = (ActorType.civilians, ActorType.other)

_TIMES = words("times_of_day") | words("time_words") | {"الساعه", "ساعه", "منتصف", "ظهيره"}
_NAME_MARKERS = words("question_name_markers")
_NAME_STOPS = words("name_stop_words")
_ACCORDING = words("according_to")
_DEPUTY = {"نائب", "مساعد", "وكيل", "deputy", "vice", "assistant"}  # before a title's head
_AGE = re.compile(r"\d+\s*(?:عاما|عام|سنه|سنوات|سنين|شهرا|اشهر)(?!\w)|من العمر|عمره|عمرها")
_AGE_FROM = re.compile(r"\(\s*\d{1,3}\s*(?:عاما|عام|سنه|سنوات)\s*\)\s*(?:من|في)\s+$")
_NEGATIONS = ("لم", "لا", "غير")
_CITIZENSHIP = re.compile(r"(?:يحمل|تحمل|يحملون|حامل|حاملي|من) الجنسيه \S")
_HOURS = "|".join(table("clock_hours_ar", str))
# '3:15', 'الساعة العاشرة', 'الثالثة فجراً', 'الثالثة والربع من عصر أمس'.
_CLOCK = re.compile(rf"\d{{1,2}}[:.]\d{{2}}|الساعه \S+"
                    rf"|\b(?:{_HOURS})(?: (?:والربع|والنصف|والثلث|الا ربعا|الا ربع))?"
                    rf" (?:صباحا|مساء|ظهرا|فجرا|ليلا|عصرا|من (?:صباح|مساء|ظهر|فجر|ليل|عصر))")
_CAUSES = words("cause_markers_ar")
_FUTURE = words("future_markers_ar")
_CAUSE_WORDS = {w for w in _CAUSES if " " not in w}
_CAUSE_PHRASES = [w for w in _CAUSES if " " in w]
_EFFECT_AFTER = {"سبب", "السبب", "اسباب", "الاسباب", "عزا", "عزت", "ارجع", "ارجعت", "وراء",
                 "نجم", "تسبب", "ادي", "لذلك", "لذا"}


@dataclass
class Evidence:
    """A citation's words: its sentences and, for a casualty report, the figure's own words."""

    fact: Fact | None
    sentence: str
    figure: str  # the figure's words (casualty reports) or the sentence



def has_attribute(fx: Facts, ev: Evidence, c: Constraints) -> bool:
    text = norm(ev.sentence)
    if c.attribute == Attribute.date and c.future:
        return any(b in _FUTURE for t in tokens(text) for b in clitic_bases(t.norm)) or any(
            f" {p} " in f" {text} " for p in _FUTURE if " " in p)
    if c.attribute == Attribute.date and c.clock:
        return bool(_CLOCK.search(text))
    if c.attribute == Attribute.date and c.since:  # a start: 'منذ 10 يناير', 'منذ عام 2012'
        start = fx.article.find(ev.sentence)
        after = [m.start() for m in re.finditer(r"\bمنذ\b", text)]
        dates = find_dates(fx.doc, start, start + len(ev.sentence)) if start >= 0 else []
        return bool(after) and (any(d.start - start > after[0] for d in dates) or bool(
            re.search(r"منذ (?:\S+ ){0,2}\d", text)))
    if c.attribute == Attribute.date and c.year:
        return bool(re.search(r"\b(?:1[89]|20)\d\d\b", text))
    if c.attribute == Attribute.date and c.day:  # «في يوليو/تموز 2017» is no day
        start = fx.article.find(ev.sentence)
        return start < 0 or any(d.precision == DatePrecision.day for d in find_dates(
            fx.doc, start, start + len(ev.sentence)))
    if c.attribute == Attribute.date:
        start = fx.article.find(ev.sentence)
        return (start < 0 or bool(find_dates(fx.doc, start, start + len(ev.sentence)))
                or any(b.startswith(w) for t in tokens(text) for b in clitic_bases(t.norm)
                       for w in _TIMES if len(w) >= 3))
    if c.attribute == Attribute.reason:  # a cause is given, and not said to be unknown
        return _gives_cause(text) and not _asked_is_cause(text, c.subject) and not any(
            _cause_unknown(norm(s.text)) for s, w in fx.sentences
            if s.text == ev.sentence or all(w.has(t) for t in c.subject))
    if c.attribute in (Attribute.agent, Attribute.person) and _said_by_person(
            fx, ev):
        return True  # «قال يحيى سريع: …» names who announced it
    if c.attribute in (Attribute.agent, Attribute.person):
        # Someone named in it that the question does not name: a person, when one is asked.
        kinds = (ActorType.person,) if c.attribute == Attribute.person else tuple(
            t for t in ActorType if t not in _NOT_AGENTS)
        named = [norm(e.text) for a in fx.extraction.actors if a.type in kinds
                 for e in a.evidence if f" {norm(e.text)} " in f" {text} "]
        # Its ORG guesses are too loose here, and a name in brackets is a body's acronym
        # («الوكالة الوطنية للبحث والإنقاذ (باسارناس)»).
        named += [norm(ev.sentence[a:b]) for a, b, kind in entities(ev.sentence)
                  if kind == "PERS" and ev.sentence[max(0, a - 1):a] != "("]
        return any(not any(Words(n.split()[0]).has(t, min_key=2) for t in c.subject)
                   for n in named if n.split())
    near = _near_subject(text, c.subject, c.head, every=c.attribute == Attribute.age)
    if near is None:
        return False
    if c.attribute == Attribute.age:
        return bool(_AGE.search(near))
    if c.attribute == Attribute.nationality and _CITIZENSHIP.search(text):
        return True  # «ويحمل الجنسية الروسية»: said in so many words, farther than a nisba
    if c.attribute == Attribute.nationality:
        # A nisba ('بنغلاديشيون', 'مصرية'), or a country someone comes from ('غالبيتهم من
        # بنغلاديش', 'المتحدرة من مدريد في إسبانيا'); not a country named as a place.
        toks = [t.norm for t in tokens(near)]
        # «مهاجرين أفغاناً», «مواطناً هندياً»: an accusative's alif is no part of the nisba;
        # «ليس أمريكياً» says what he is not.
        # «نيجيريا» is the country, not an accusative «نيجيري».
        return any((b in DEMONYMS or (b.removesuffix("ا") in DEMONYMS and b not in COUNTRIES))
                   and toks[i - 1:i] != ["ليس"]
                   for i, w in enumerate(toks) for b in clitic_bases(w)) or any(
            any(b in COUNTRIES for b in clitic_bases(w)) and "من" in toks[max(0, i - 3):i]
            for i, w in enumerate(toks)) or _nationals_of([t.norm for t in tokens(text)])
    return _names_after_head(fx, text, c.subject, c.head, c.kind)


def _said_by_person(fx: Facts, ev: Evidence) -> bool:
    """The cited words are a statement of a person the article names: the speaker answers
    'who announced …' (the statement's words may stand apart from the speaker's name)."""
    if ev.fact is None or ev.fact.kind != "statement":
        return False
    speaker = ev.fact.obj.speaker
    actor = next((a for a in fx.extraction.actors if a.id == ev.fact.obj.speaker_id), None)
    if actor is not None:
        return actor.type == ActorType.person and len(actor.name.split()) > 1
    # A speaker no actor was made of: a person's name as the reader of names finds it.
    return len(speaker.split()) > 1 and any(
        kind == "PERS" for _, _, kind in entities(f"قال {speaker}"))  # read as it is written


def _nationals_of(toks: list[str]) -> bool:
    """A country's nationals («سفارة الفلبين … وفاة ثلاثة من رعاياها»): a word for its
    nationals within eight words after the country."""
    return any(any(b in COUNTRIES for b in clitic_bases(w)) and any(
        x.removeprefix("من").startswith(("رعايا", "مواطني")) for x in toks[i + 1:i + 9])
        for i, w in enumerate(toks))


def _names_after_head(fx: Facts, text: str, subject: list[Term], head: Term | None,
                      kind: list[Term]) -> bool:
    """A name marker ('تدعى') or a name the question does not give, within twelve words after
    the subject's head noun ('مديرة قسم الشرق الأوسط في المنظمة سارة ليا ويتسن'; 'عضو البرلمان'
    is not answered by 'نائب مفوض دادو سيد مرتضى علي')."""
    if not subject:
        return False
    toks = [t.norm for t in tokens(text)]
    head = head or subject[0]
    # The names the article gives people, less a leading word the question gives ('دنيبرو
    # بوريس فيلاتوف' after «رئيس بلدية» is بوريس فيلاتوف).
    # A mention of one definite word ('الوقود') is a common noun taken for a person, no name.
    given = [" ".join(_unasked(norm(e.text).split(), subject)) for a in fx.extraction.actors
             if a.type == ActorType.person for e in a.evidence
             if " " in e.text.strip() or not norm(e.text).startswith("ال")]
    # «فتاة في الرابعة» taken for a person leaves «في الرابعة»: a name starts with no such word.
    given = [n for n in given if n and n.split()[0] not in _NAME_STOPS]
    for end in _head_ends(toks, head):
        near = toks[max(0, end - _MODIFIER_REACH):end + _MODIFIER_REACH]
        if not all(Words(" ".join(near)).has(m, min_key=2) for m in kind):
            continue  # 'the defence minister' is not «وزير الخارجية الأمريكي»
        if end >= 2 and deputy(toks[end - 2]) and not any(deputy(t.word) for t in subject):
            continue  # 'the education minister' is not «نائب وزير التعليم»
        # «بينهم أربعة أطفال، حسبما أعلن حاكم المقاطعة فياتشيسلاف غلادكوف»: who reports it
        # is not named as the one asked.
        window = toks[end:end + 12]
        cut = next((i for i, w in enumerate(window)
                    if any(b in _ACCORDING for b in clitic_bases(w))), len(window))
        after = " ".join(window[:cut])
        if any(b in _NAME_MARKERS for w in toks[end:end + 3] for b in clitic_bases(w)) or any(
                f" {name} " in f" {after} " for name in given):
            return True
        # «العقيد عبد الرزاق الدلابيح، نائب مدير شرطة محافظة معان»: the name just before a
        # title in construct; a bare «المسؤولة» after a name is too common a word to tell.
        start = end - len(head.word.split())
        if start < end - 1 and any(
                toks[max(0, start - len(n.split())):start] == n.split() for n in given):
            return True
    return False


_MODIFIER_REACH = 3  # «وزير الدفاع الأذربيجاني»، «نائبة رئيس بلدية نالغاد»


def deputy(text: str) -> bool:
    """The words hold a deputy's title ('نائب وزير التعليم', 'deputy minister'): not the
    minister a question asks for."""
    return bool({t.text.lower() for t in tokens(text)} & _DEPUTY
                or {b for t in tokens(text) for b in clitic_bases(t.norm)} & _DEPUTY)


def _unasked(words_: list[str], subject: list[Term]) -> list[str]:
    """The name's words from the first one the question does not give; none if it gives all."""
    for i, w in enumerate(words_):
        if not any(Words(w).has(t, min_key=2) for t in subject):
            return words_[i:] if not any(Words(x).has(t, min_key=2) for x in words_[i:]
                                         for t in subject) else []
    return []


def _head_ends(toks: list[str], head: Term) -> list[int]:
    """Where each mention of the head noun ends: after its one word, or after all the words
    of a phrase the glossary gives it ('mayor' is «رئيس بلدية»)."""
    ends = [i + 1 for i, tok in enumerate(toks) if Words(tok).has(head, min_key=2)]
    for form in head.forms:
        size = len(form.split())
        if size > 1:
            ends += [i + size for i in range(len(toks) - size + 1)
                     if Words(" ".join(toks[i:i + size])).has_form(form)]
    return ends


def _gives_cause(text: str) -> bool:
    """The sentence words a cause or motive ('بسبب', 'إثر', 'احتجاجاً على', 'عطل في المكابح')."""
    return any(b in _CAUSE_WORDS for t in tokens(text) for b in clitic_bases(t.norm)) or any(
        f" {p} " in f" {text} " for p in _CAUSE_PHRASES)


_INCIDENT = {"حادث", "حادثه", "كارثه", "فاجعه", "ماساه", "واقعه"}  # 'the incident'


def _asked_is_cause(text: str, subject: list[Term]) -> bool:
    """What the question asks the cause of stands only after the cause word: the sentence gives
    it as the cause of something else ('What caused the cylinder to explode?': «حريق نجم عن
    انفجار أسطوانة غاز» says why the fire broke out)."""
    toks = [t.norm for t in tokens(text)]
    # «سبب الانفجار», «عزا الحريق إلى», «وراء الحريق», «ونجم الانفجار عن»: after these words
    # stands the effect (but «حريق نجم عن انفجار» gives the cause after «نجم عن»).
    marks = [i for i, w in enumerate(toks) if any(b in _CAUSE_WORDS for b in clitic_bases(w))
             and (toks[i + 1:i + 2] == ["عن"]
                  or not {w, w.removeprefix("و"), w.removeprefix("ف")} & _EFFECT_AFTER)]
    marks += [len(text[:at].split()) for p in _CAUSE_PHRASES if (at := text.find(f" {p} ")) >= 0]
    asked = [i for i, w in enumerate(toks)
             if any(Words(w).has(t, min_key=2) for t in subject if t.forms)]
    # «إن الحادث نجم عن إهمال …»: the incident whose cause is told stands for the event asked.
    asked += [i - 1 for i in marks if 0 < i < len(toks) - 1 and toks[i + 1] == "عن"
              and any(b in _INCIDENT for b in clitic_bases(toks[i - 1]))]
    return bool(marks and asked) and min(asked) > min(marks)


def _cause_unknown(text: str) -> bool:
    """'ولم تعرف أسباب الحريق بعد': a negation right before the word for the cause."""
    toks = text.split()
    # «لم تذكر وزارة الصحة في صنعاء سبب الانفجار»: the cause noun may follow the subject.
    return any(t.removeprefix("و").removeprefix("ف") in _NEGATIONS
               and any(x.endswith(("سبب", "اسباب")) and not x.startswith("بسبب")
                       for x in toks[i + 1:i + 7])
               for i, t in enumerate(toks))


def _near_subject(text: str, subject: list[Term], head: Term | None = None,
                  every: bool = False) -> str | None:
    """The words right after the subject's first mention in the text (after `every` mention:
    an age is told beside the person, who may be named by a word said of others first), and
    after its head when that is a name the text gives later ('MP Amarakeerthi Athukorala':
    «النائب عن حزب … أماراكيرثي أتوكورالا، البالغ 57 عاماً»); None when the subject is not
    mentioned."""
    w = Words(text)
    near = []
    named = head if head is not None and not head.forms else None
    for t in [next((t for t in subject if w.has(t, min_key=2)), None), named]:
        if t is None or not w.has(t, min_key=2):
            continue
        found = [(at, len(f)) for f in t.forms if (at := text.find(f)) >= 0][:1] or [
            (k.start, len(k.text)) for k in tokens(text) if Words(k.text).has(t, min_key=2)][:1]
        if not found:
            return text
        if every:  # «قيادة الدرك الوطني … أن الدركي هو نيكولا موليناري، البالغ من العمر 22»
            found = [(k.start, len(k.text)) for k in tokens(text)
                     if Words(k.text).has(t, min_key=2)] or found
            # «ووفاة أشوكان (52 عاماً) من نادابورام»: the age just before where he is from.
            near += [m.group(0) for at, _ in found
                     if (m := _AGE_FROM.search(text, max(0, at - 30), at))]
        near += [text[at:at + size + 60] for at, size in found]
    return " … ".join(near) if near else (None if subject else text)
