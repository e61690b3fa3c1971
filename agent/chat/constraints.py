"""What a question asks beyond its topic, and the check that an answer's cited words meet it.

A question sets constraints: the group it counts ("how many children"), the places it names,
the source ("according to X") and the attribute it wants (a name, an age, a nationality, a date,
a reason). An answer counts only if one of its citations meets every one; otherwise the answer
says first what the article does not say, in the question's language, and the code's answer
follows as a related fact, marked as not the answer (DOMAIN.md, "Questions a reader asks").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from agent.chat.answers import Answer, Citation, Draft
from agent.chat.facts import Fact, Facts
from agent.chat.question import CATEGORY_FORMS, GLOSSARY, Query, ar_category
from agent.chat.words import Term, Words, ar_keys
from agent.extract.dates import find_dates
from agent.extract.numbers import starts_number
from agent.extract.numbers import words as number_words
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import table, words
from schemas import CasualtyReport, Span, Victims


class Attribute(StrEnum):
    """What the question wants to know about its subject (agent/lexicons/question_attributes)."""

    name = "name"
    age = "age"
    nationality = "nationality"
    reason = "reason"
    date = "date"


_ATTRIBUTES = table("question_attributes", Attribute)
_GROUPS = table("question_groups", str)
_GENERIC = words("question_generic_counted")
_DESIGNATORS = words("place_designators")
_GAZETTEER = words("cities") | words("countries")
_GAZETTEER_HEADS = {p.split()[0] for p in _GAZETTEER}  # 'دير' of 'دير الزور'
_DAYS_MONTHS = set(table("weekdays", str)) | set(table("months", str))
_TIMES = words("times_of_day") | words("time_words") | {"الساعه", "ساعه"}
_DEMONYMS = table("state_demonyms", str)
_NAME_MARKERS = words("question_name_markers")
_AGE = re.compile(r"\d+\s*(?:عاما|عام|سنه|سنوات|سنين|شهرا|اشهر)|من العمر|عمره|عمرها")
_NEGATIONS = ("لم", "لا", "غير")
_CAUSES = words("question_cause_markers_ar")
_EN_SOURCE = re.compile(r"\baccording to (?:the )?([^,?]+)|\bdid (?:the )?(.+?) (?:say|report|"
                        r"record|announce|count|put|give)\b", re.I)
_AR_SOURCE = ("بحسب", "حسب", "وفق", "وفقا", "نقلا")
_EN_IN = {"in", "at", "from", "near", "inside"}
_AR_IN = {"في", "ب", "من"}
# Words between "how many" and what it counts.
_EN_COUNTED = re.compile(r"\bhow (?:many|much) (?:of (?:the |them )?)?((?:[a-z'-]+ ){0,3}?[a-z'-]+)"
                         r"(?= (?:were|was|are|is|did|do|does|have|has|had|will|would|could|"
                         r"can|died|lost|live|remain)\b)")
_EN_OF_THE = re.compile(r"\bhow many of (?:the|them)\b.*?\b(?:were|was|are)\s+([a-z'-]+)")
_AR_COUNT_SKIP = words("question_count_skip_ar")


@dataclass
class Constraints:
    attribute: Attribute | None = None
    counted: tuple[str, ...] = ()  # Arabic forms of the counted group or noun; () = any
    counted_words: str = ""  # the counted noun as the question words it
    category: tuple[str, ...] = ()  # words of the asked casualty categories (how many killed)
    places: list[Term] = field(default_factory=list)
    sources: list[Term] = field(default_factory=list)
    times: list[Term] = field(default_factory=list)  # days and months ('Saturday's march')
    unknown: list[Term] = field(default_factory=list)  # names the article never mentions
    subject: list[Term] = field(default_factory=list)  # whom the attribute is asked of
    asked_at: int = 0  # where the attribute word stands in the question


def read(q: Query, fx: Facts) -> Constraints:
    """The constraints of a question, its names looked up in the article."""
    c = Constraints()
    low = q.text.lower()
    for t in tokens(q.text):
        key = t.text.lower() if t.text.isascii() else t.norm
        for base in ([key] if t.text.isascii() else clitic_bases(key)):
            if base in _ATTRIBUTES and c.attribute is None:
                c.attribute, c.asked_at = _ATTRIBUTES[base], t.start
    if q.lang == "en" and re.search(r"\bhow old\b", low):
        c.attribute = Attribute.age
    if q.when:
        c.attribute = Attribute.date
    if q.count and c.attribute is None:
        _read_counted(q, c)
        c.category = tuple(f for cat in q.categories for f in CATEGORY_FORMS[cat])
    c.sources = _sources(q)
    c.times = [t for t in q.terms if _is_time(q, t)]
    source_ids = {id(t) for t in c.sources}
    for run in _names(q):
        # English capitals mark a name's every word ('Health Protection Agency'); in Arabic
        # only the name's own words count ('محافظة الرقة' is not known by محافظة).
        name = [t for t in run if _is_name(q, t) or (q.lang == "en" and q.text[t.start].isupper())]
        if not any(fx.words.has(t, min_key=2) or fx.knows(t) for t in name):
            c.unknown.extend(name)
        elif q.count and id(name[0]) not in source_ids and _placed(q, run[0]):
            c.places.append(next(t for t in run if _is_name(q, t)))
    if c.attribute in (Attribute.name, Attribute.age, Attribute.nationality):
        # Whom it is asked of: the words after the attribute word ('the name of the driver'),
        # else all the question's words ('How old was Jacqueline Fleming?').
        after = [t for t in q.terms if id(t) not in source_ids and t.start > c.asked_at]
        c.subject = after or [t for t in q.terms if id(t) not in source_ids]
    return c


def _names(q: Query) -> list[list[Term]]:
    """The question's names, a name's words together ('Kenya Airways', 'Health Protection
    Agency', 'Sidi Bishr'): a name is known when any of its words is found in the article."""
    runs: list[list[Term]] = []
    for t in q.terms:
        joined = runs and q.text[runs[-1][-1].end:t.start].strip() in ("", "-")
        if joined and (q.lang == "ar" or q.text[t.start].isupper()):
            runs[-1].append(t)
        else:
            runs.append([t])
    return [run for run in runs if any(_is_name(q, t) for t in run)]


def _is_time(q: Query, t: Term) -> bool:
    """A weekday or month: in Arabic any, in English capitalized ('March', not 'the march')."""
    if q.lang == "en" and not q.text[t.start].isupper():
        return False
    return any(b in _DAYS_MONTHS for f in t.forms for b in clitic_bases(f))


def _is_name(q: Query, t: Term) -> bool:
    """A proper name: capitalized inside an English question (or a glossary name); in Arabic,
    a known place or a word after a place designator ('محافظة الرقة')."""
    if q.lang == "en":
        gloss = GLOSSARY.get(t.word.lower())
        if gloss is not None:
            return gloss.display is not None
        return bool(t.keys) and t.word[:1].isupper() and t.start > 0
    before = q.text[:t.start].split()
    prev = norm(before[-1]) if before else ""
    return any(b in _GAZETTEER_HEADS for b in t.forms) or prev in _DESIGNATORS


def _placed(q: Query, t: Term) -> bool:
    """The name stands after 'in', 'at', 'from' (في، ب، من) or a place designator."""
    before = q.text[:t.start].split()
    prev = before[-1].lower() if before else ""
    if q.lang == "en":
        return prev in _EN_IN or (len(before) > 1 and before[-2].lower() in _EN_IN)
    word = q.text[t.start:t.end]
    return norm(prev) in _AR_IN | _DESIGNATORS or (word[:1] in ("ب", "ف") and len(word) > 3)


def _sources(q: Query) -> list[Term]:
    if q.lang == "en":
        m = _EN_SOURCE.search(q.text)
        if not m:
            return []
        start, end = m.span(1) if m.group(1) else m.span(2)
    else:
        found = [t for t in tokens(q.text) if t.norm in _AR_SOURCE]
        if not found:
            return []
        start, end = found[0].end, len(q.text)
    return [t for t in q.terms if start <= t.start and t.end <= end]


def _read_counted(q: Query, c: Constraints) -> None:
    if q.lang == "en":
        low = q.text.lower()
        m = _EN_COUNTED.search(low)
        counted = m.group(1).split() if m else []
        of_the = _EN_OF_THE.search(low)
        if of_the and all(w in _GENERIC for w in counted):
            counted = [of_the.group(1)]
        for w in counted:
            if w in _GROUPS:
                c.counted, c.counted_words = _group_forms(_GROUPS[w]), w
                return
        specific = [w for w in counted if w not in _GENERIC and w not in _ATTRIBUTES]
        if specific and specific[-1] in GLOSSARY:
            c.counted, c.counted_words = GLOSSARY[specific[-1]].forms, " ".join(specific)
        return
    toks = tokens(q.text)
    at = next((i for i, t in enumerate(toks) if t.norm == "كم"), None)
    if at is None:
        return
    rest = [t for t in toks[at + 1:] if t.norm not in _AR_COUNT_SKIP]
    for k, t in enumerate(rest[:3]):
        bases = clitic_bases(t.norm.removesuffix("ا") if t.norm.endswith("ا") else t.norm)
        group = next((_GROUPS[g] for b in bases for g in _GROUPS if _starts(b, g)), None)
        if group:
            c.counted, c.counted_words = _group_forms(group), t.text
            return
        if k == 0 and not any(b in _GENERIC for b in bases) and not _category_word(bases):
            c.counted, c.counted_words = tuple(bases), t.text
            return


def _category_word(bases: list[str]) -> bool:
    return ar_category(bases) is not None


def _starts(base: str, form: str) -> bool:
    return base == form or (len(form) >= 3 and base.startswith(form) and len(base) - len(form) <= 3)


def _group_forms(group: str) -> tuple[str, ...]:
    return tuple(w for w, g in _GROUPS.items() if g == group and not w.isascii())


# The checks: each citation is read with the words that stand behind it.


@dataclass
class Evidence:
    """A citation's words: its sentences and, for a casualty report, the figure's own words."""

    fact: Fact | None
    sentence: str
    figure: str  # the figure's words (casualty reports) or the sentence


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
    if c.counted and not _counts(fx, ev, c.counted):
        return "counted"
    reported = ev.fact is not None and ev.fact.kind == "casualty"
    if c.category and not reported and not _counts(fx, ev, c.category):
        return "counted"  # a sentence quoted for a toll must hold a figure of that category
    if any(not _in_place(fx, ev, t) for t in c.places):
        return "place"
    if c.sources and not _from_source(fx, ev, c.sources):
        return "source"
    when = " ".join([ev.sentence, getattr(ev.fact.obj, "date_text", None) or ""]
                    if ev.fact is not None else [ev.sentence])
    if c.times and not all(Words(when).has(t) for t in c.times):
        return "time"
    if c.attribute is not None and not _has_attribute(fx, ev, c):
        return str(c.attribute)
    return None


def _counts(fx: Facts, ev: Evidence, forms: tuple[str, ...]) -> bool:
    """A number stands next to a word of the counted group or noun."""
    if ev.fact is not None and ev.fact.kind == "casualty":
        victims = ev.fact.obj.victims
        if victims == Victims.civilians and any(f.startswith("مدني") for f in forms):
            return True
        if victims == Victims.security_forces and any(
                f.startswith(("شرط", "جند", "جنود", "عسكر", "عنصر", "عناصر")) for f in forms):
            return True
    start = fx.article.find(ev.figure) if ev.figure else -1
    if start < 0:
        return _counts_text(ev.figure, forms)
    ws = number_words(fx.doc, start, start + len(ev.figure))
    for i, w in enumerate(ws):
        if not _matches(w.norm, forms):
            continue
        window = range(max(0, i - 3), min(len(ws), i + 3))
        if any(j != i and starts_number(ws, j) for j in window) or w.norm[-2:] in ("ين", "ان"):
            return True
    return False


def _counts_text(text: str, forms: tuple[str, ...]) -> bool:
    toks = [t.norm for t in tokens(text)]
    return any(_matches(w, forms) and any(re.search(r"\d", x) for x in toks[max(0, i - 3):i + 3])
               for i, w in enumerate(toks))


def _matches(word: str, forms: tuple[str, ...]) -> bool:
    bases = clitic_bases(word)
    forms = (*forms, *(f[:-1] for f in forms if f.endswith("ه") and len(f) > 3))  # ساعة/ساعات
    if any(_starts(b, f) for b in bases for f in forms):
        return True
    keys = {k for b in bases for k in ar_keys(b) if len(k) >= 3}
    return any(k in keys for f in forms for k in ar_keys(f) if len(k) >= 3)


def _in_place(fx: Facts, ev: Evidence, place: Term) -> bool:
    """The evidence is in that place, or in one the article puts inside it."""
    # A figure's place is its report's location; anything else's, its sentence.
    casualty = ev.fact is not None and ev.fact.kind == "casualty"
    loc = ev.fact.obj.location if casualty and ev.fact is not None else None
    if loc is None:
        return Words(ev.sentence).has(place, min_key=2)
    if Words(loc.name).has(place, min_key=2):
        return True
    # 'بحي الكرادة وسط بغداد': the figure's own sentence names the asked place right before it.
    at = norm(ev.sentence).find(norm(loc.name))
    before = norm(ev.sentence)[:max(at, 0)].split()[-4:]
    if at > 0 and Words(" ".join(before)).has(place, min_key=2):
        return True
    return _inside(fx, loc.name, place)


def _inside(fx: Facts, name: str, place: Term) -> bool:
    """The article puts `name` inside `place`: 'سيدي بشر شرق الإسكندرية', 'حي المنتزه
    بالإسكندرية' (the place within four words after the name, no comma or 'and' between)."""
    key = norm(name)
    for s, _ in fx.sentences:
        text = norm(s.text)
        at = text.find(key)
        while at >= 0:
            after = re.split(r"[،,.؛:]| و", text[at + len(key):], maxsplit=1)[0].split()[:4]
            if after and Words(" ".join(after)).has(place, min_key=2):
                return True
            at = text.find(key, at + 1)
    return False


def _from_source(fx: Facts, ev: Evidence, sources: list[Term]) -> bool:
    """Every word of the source is in the evidence. An English word with no Arabic form known
    is a vocabulary gap, not a source the article lacks: it is not required."""
    required = [t for t in sources if t.forms or t.word[:1].isupper() or not t.word.isascii()]
    if not required:
        return True
    said = Words(" ".join([ev.sentence, getattr(ev.fact.obj, "reported_by", None) or ""])
                 if ev.fact is not None else ev.sentence)
    found = sum(said.has(t, min_key=2) for t in required)
    # An Arabic question copies the source's words; an English one words it its own way
    # ("the city's health office director" for مدير مكتب الصحة في صنعاء): most must be there.
    return found == len(required) if not required[0].word.isascii() else 2 * found >= len(required)


def _has_attribute(fx: Facts, ev: Evidence, c: Constraints) -> bool:
    text = norm(ev.sentence)
    if c.attribute == Attribute.date:
        start = fx.article.find(ev.sentence)
        return (start < 0 or bool(find_dates(fx.doc, start, start + len(ev.sentence)))
                or any(b.startswith(w) for t in tokens(text) for b in clitic_bases(t.norm)
                       for w in _TIMES if len(w) >= 3))
    if c.attribute == Attribute.reason:  # a causal word, and the cause not said unknown
        toks = text.split()
        negated = any(t in _NEGATIONS and any(x.endswith(("سبب", "اسباب"))
                                              for x in toks[i + 1:i + 4])
                      for i, t in enumerate(toks))
        pairs = {" ".join(toks[i:i + 2]) for i in range(len(toks))}
        causal = any(b in _CAUSES for t in toks for b in clitic_bases(t)) or bool(pairs & _CAUSES)
        return causal and not negated
    near = _near_subject(text, c.subject)
    if near is None:
        return False
    if c.attribute == Attribute.age:
        return bool(_AGE.search(near))
    if c.attribute == Attribute.nationality:
        return any(b in _DEMONYMS or b in _GAZETTEER for t in tokens(near)
                   for b in clitic_bases(t.norm))
    # A name: a marker ('تدعى') or a name the question does not give, within the three words
    # after the subject ('الناخبة جنيفر إيفيدي').
    after = " ".join(near.split()[1:4])
    known = Words(" ".join(t.word for t in c.subject))
    return any(b in _NAME_MARKERS for t in tokens(after) for b in clitic_bases(t.norm)) or any(
        norm(e.text) in after and not known.has_form(norm(e.text).split()[0])
        for a in fx.extraction.actors for e in a.evidence)


def _near_subject(text: str, subject: list[Term]) -> str | None:
    """The words right after the subject's first mention in the text (None: not mentioned)."""
    for t in subject:
        w = Words(text)
        if not w.has(t, min_key=2):
            continue
        for form in t.forms:
            at = text.find(form)
            if at >= 0:
                return text[at:at + len(form) + 60]
        return text
    return None if subject else text


def group_sentence(q: Query, fx: Facts, c: Constraints) -> Answer | None:
    """The article's sentence that counts the asked group in the asked category, quoted, when
    no extracted figure does ('وقال مصدر طبي إن بين القتلى 6 أطفال')."""
    for k, (s, _) in enumerate(fx.sentences):
        ev = Evidence(None, s.text, s.text)
        if _counts(fx, ev, c.counted) and _category_before(s.text, c) and unmet(
                c, fx, ev) is None:
            d = Draft(q.lang)
            mark = d.cite(f"sentence-{k + 1}", "sentence", s)
            d.parts.append(f"The article says: «{s.text}» {mark}" if q.lang == "en"
                           else f"يقول المقال: «{s.text}» {mark}")
            return d.answer()
    return None


def _category_before(text: str, c: Constraints) -> bool:
    """The casualty word nearest before the counted group is of the asked category: «قُتل 57
    شخصاً، بينهم 17 طفلاً» counts children killed, not wounded."""
    toks = [t.norm for t in tokens(text)]
    for i, w in enumerate(toks):
        if not _matches(w, c.counted):
            continue
        for prev in reversed(toks[max(0, i - 12):i]):
            if ar_category(clitic_bases(prev)) is not None:
                return not c.category or _matches(prev, c.category)
    return not c.category


# The refusal.

_NOT_SAID = {
    "counted": ("The article does not say {q}.", "لا يذكر المقال {q}."),
    "place": ("The article does not say this for {what}.", "لا يذكر المقال ذلك عن {what}."),
    "time": ("The article does not say this for {what}.", "لا يذكر المقال ذلك عن {what}."),
    "source": ("The article gives nothing from {what} on this.", "لا ينسب المقال ذلك إلى {what}."),
    "name": ("The article does not give the name of {what}.", "لا يذكر المقال اسم {what}."),
    "age": ("The article does not give the age of {what}.", "لا يذكر المقال عمر {what}."),
    "nationality": ("The article does not give the nationality of {what}.",
                    "لا يذكر المقال جنسية {what}."),
    "date": ("The article does not say when: {q}.", "لا يذكر المقال متى: {q}."),
    "reason": ("The article does not give the reason: {q}.", "لا يذكر المقال السبب: {q}."),
    "unknown": ("The article does not mention {what}.", "لا يذكر المقال {what}."),
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
    terms = {"place": c.places, "source": c.sources, "time": c.times}.get(why, c.subject)
    return refusal(q, why, terms, ans)
