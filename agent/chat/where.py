"""Where a fact is: whether the words cited for an answer are in the place a question names
(or in one the article puts inside it), and whether a sentence names a place of the kind asked
('which town', 'أي مستشفى')."""

from __future__ import annotations

import re

from agent.chat.asked import DEMONYMS
from agent.chat.attributes import Evidence
from agent.chat.facts import Fact, Facts
from agent.chat.question import Query, asks_alone
from agent.chat.question_names import COUNTRIES, GAZETTEER, GAZETTEER_HEADS
from agent.chat.words import Term, Words
from agent.ner import entities
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import table, words

_STOP_AR = words("question_stopwords_ar")
_DISEASES = {norm(d) for d in table("disease_names", str)}
_PROCLITICS = ("ب", "و", "ف", "ل", "ك")
_DESIGNATORS = words("place_designators")  # «المدينة» of «في المدينة»: the town named before
_GENERIC_PLACE = (words("generic_places") | words("directions") | words("plural_designators")
                  | words("place_designators"))


def in_place(fx: Facts, ev: Evidence, place: Term) -> bool:
    """The evidence is in that place, or in one the article puts inside it, by any name the
    article gives it («بلدة بغديدا (قره قوش)» is Qaraqosh)."""
    return any(_in_place(fx, ev, p) for p in (place, *_aliases(fx, place)))


_ALIASED = re.compile(r"(\S{3,})\s*\(([^()\n]{3,30})\)")


def _aliases(fx: Facts, place: Term) -> list[Term]:
    """The names the article writes before a parenthesis that gives the place's name."""
    return [Term(m.group(1), (norm(m.group(1)),), frozenset(), 0, 0)
            for m in _ALIASED.finditer(fx.article)
            if Words(m.group(2)).has(place, min_key=2) and not Words(m.group(1)).has(
                place, min_key=2) and norm(m.group(1)) not in _GENERIC_PLACE]


def _in_place(fx: Facts, ev: Evidence, place: Term) -> bool:
    # A figure's place is its report's location; anything else's, its sentence.
    casualty = ev.fact is not None and ev.fact.kind == "casualty"
    loc = ev.fact.obj.location if casualty and ev.fact is not None else None
    if loc is None:
        # A figure the extraction places nowhere ('وأصيب 11 طفلاً في القصف') is where its
        # clause or the lead before it says; anything else is where its own sentence says.
        if not casualty:
            # A quoted sentence naming no place of its own ('وأفادت مصادر محلية بأن بين
            # القتلى سبعة أطفال') is where the lead before it says, as a figure is.
            return Words(_unreferenced(_undated(fx, ev.sentence))).has(place, min_key=2) or (
                not new_place(fx, ev.sentence, [], countries=True)  # «في عموم سوريا»
                and ((lead_before(fx, ev.sentence, place) and not _listed(fx, place))
                     or _just_before(fx, ev, place)))
        return (Words(_undated(fx, _clause(fx, ev))).has(place, min_key=2)
                or _lead_place(fx, ev, place) or _headline_place(fx, ev, place))
    own = _place_before(fx, ev.fact) if ev.fact is not None else None
    if own is not None:  # 'حلب (153 إصابة) والحسكة (21)': the place written before the figure
        return Words(own).has(place, min_key=2)
    if Words(loc.name).has(place, min_key=2):
        # 'في منطقتي باب التبانة وجبل محسن': a figure of two places is no figure of one.
        parts = re.split(r"\sو(?=\S)", norm(loc.name))  # not 'محافظة واسط'
        return len(parts) == 1 or not any(Words(p).has(place, min_key=2) for p in parts)
    if _generic(loc.name):  # 'الأحياء الشرقية': the article's own place, named in its lead
        return any(Words(_undated(fx, s.text)).has(place, min_key=2) for s, _ in fx.lead)
    # 'بحي الكرادة وسط بغداد': the figure's own sentence names the asked place right before it.
    at = norm(ev.sentence).find(norm(loc.name))
    before = norm(ev.sentence)[:max(at, 0)].split()[-7:]  # "بمدينة الناصرية، مركز محافظة ذي قار"
    # «بينهم 95 في جاجاركوت و38 في مقاطعة روكوم»: a place before another figure is that one's.
    before = before[max((i + 1 for i, w in enumerate(before) if any(ch.isdigit() for ch in w)),
                        default=0):]
    if at > 0 and Words(" ".join(before)).has(place, min_key=2):
        return True
    if at >= 0 and _in_the_town(fx, ev.sentence, at + len(norm(loc.name)), place):
        return True
    return _inside(fx, loc.name, place)


def _in_the_town(fx: Facts, sentence: str, end: int, place: Term) -> bool:
    """«قرب مطار إينكا مانكو كاباك في المدينة»: a place said to be «في المدينة» just after
    `end` is inside the town its sentence (or the lead, the dateline left out) named before."""
    text = norm(sentence)
    after = [t.norm for t in tokens(text[end:])][:6]
    return any(((w == "في" and x.startswith("ال")) or x.startswith("بال"))
               and x.removeprefix("ب").removeprefix("ال") in _DESIGNATORS
               for w, x in zip(["", *after], after, strict=False)) and (
        Words(_undated(fx, text[:end])).has(place, min_key=2)
        or lead_before(fx, sentence, place))


_CLAUSE_END = re.compile(r"[،,.؛:]")


def _clause(fx: Facts, ev: Evidence) -> str:
    """The figure's sentence up to the end of the figure's clause: a place before the figure
    may be its place ('وفي الموصل، قُتل ثلاثة جنود'), one after a comma is not ('بلاده سجلت
    548 وفاة، مؤكداً أن … جنوب كيفو')."""
    assert ev.fact is not None
    end = ev.fact.obj.evidence[-1].end
    k = fx.sentence_at(end - 1)
    if k is None:
        return ev.sentence
    sentence = fx.sentences[k][0]
    after = _CLAUSE_END.search(fx.article, end, sentence.end)
    return fx.article[sentence.start:after.start() if after else sentence.end]


def _lead_place(fx: Facts, ev: Evidence, place: Term) -> bool:
    """The lead (title and first sentence) before the figure names the place, the dateline
    left out. A figure in the lead has only its own clause."""
    assert ev.fact is not None
    return _lead_at(fx, ev.fact.obj.evidence[0].start, place) and not _listed(fx, place)


def _headline_place(fx: Facts, ev: Evidence, place: Term) -> bool:
    """A headline that gives the figure names its place before it («فاجعة عرس بغديدا: 113
    وفاة») or after «في» («131 مفقوداً … بعد انهيار سد في أتابو»); not a place it joins with
    «و» («تشرّد 370 ألف شخص وبلدوين الأشد تضرراً»)."""
    assert ev.fact is not None
    if not fx.headline:
        return False
    head = fx.sentences[0][0]
    spans = [e for e in ev.fact.obj.evidence if head.start <= e.start < head.end]
    if not spans:
        return False
    toks = tokens(fx.article, head.start, head.end)
    before = [t.text for t in toks if t.end <= spans[0].start]
    after = [t.text for k, t in enumerate(toks[1:], 1)
             if t.start >= spans[0].end and toks[k - 1].norm == "في"]
    return Words(" ".join(before + after)).has(place, min_key=2)


def _just_before(fx: Facts, ev: Evidence, place: Term) -> bool:
    """The sentence before, in the same paragraph, names the place («… مستشفى الشيخ زايد.
    وأوضح المسؤول أن المستشفى استقبل 75 مريضاً»)."""
    at = fx.article.find(ev.sentence)
    k = fx.sentence_at(at) if at >= 0 else None
    return k is not None and k > 0 and continues(fx, k) and fx.sentences[k - 1][1].has(
        place, min_key=2)


def continues(fx: Facts, k: int) -> bool:
    """Sentence k goes on in the paragraph of the sentence before it, naming no place."""
    before, here = fx.sentences[k - 1][0], fx.sentences[k][0]
    return "\n" not in fx.article[before.end:here.start] and not new_place(fx, here.text, [])


def of_the_lead(fx: Facts, ev: Evidence, t: Term) -> bool:
    """'across India', 'cholera cases': the country or the disease the article's lead is about
    holds a figure whose sentence names no other one (Bihar's 58 dead, in an article about
    India's heatwave; Nkhotakota's 811 cases, in one about Malawi's cholera)."""
    for kind, nisbas in ((COUNTRIES, DEMONYMS), (_DISEASES, {})):
        if any(b in kind for f in t.forms for b in clitic_bases(f)):
            # «في إقليم السند الباكستاني»: a nisba names its country too.
            others = {nisbas.get(b, b) for w in tokens(ev.sentence) for b in clitic_bases(w.norm)
                      if b in kind or b in nisbas}
            return any(w.has(t, min_key=2) for _, w in fx.lead) and all(
                Words(b).has(t, min_key=2) for b in others)
    return False


def lead_before(fx: Facts, sentence: str, place: Term) -> bool:
    at = fx.article.find(sentence)
    return at >= 0 and _lead_at(fx, at, place)


def _listed(fx: Facts, place: Term) -> bool:
    """The lead names the place as one more of a list («على محاور قسطل معاف والغسانية وزنزف»):
    what follows is of the whole area, not of that one place."""
    return any(_joined(s.text, place) for s, _ in fx.lead)


def _joined(text: str, place: Term, before: bool = False) -> bool:
    """The text names the place after «و», one more of a list; with `before`, also right
    before one («ولايات كونيني وهويلا وناميبي»)."""
    if place.word[:1].lower() in "vwou" or any(f.startswith("و") for f in place.forms):
        return False  # «وحدت» is Vahdat: the و may begin the name
    toks = tokens(text)
    return any((t.norm.startswith("و") and Words(t.norm[1:]).has(place, min_key=2)) or (
        before and Words(t.text).has(place, min_key=2) and k + 1 < len(toks)
        and toks[k + 1].norm.startswith("و") and not asks_alone(toks[k + 1].norm))
        for k, t in enumerate(toks))


def alone_in(ev: Evidence, place: Term) -> bool:
    """The evidence names the place itself, not as one of a list, nor only by the lead."""
    return Words(ev.sentence).has(place, min_key=2) and not _joined(ev.sentence, place, True)


def _lead_at(fx: Facts, at: int, place: Term) -> bool:
    lead = [s.text for s, _ in fx.lead if s.end <= at]
    return Words(_undated(fx, " ".join(lead))).has(place, min_key=2)


# 'نيروبي - '، 'كالاماتا (اليونان) - '، 'عمّان، 19 كانون الأول/ديسمبر (وكالات) - '
_DATELINE = re.compile(r"^[^\n.،]{1,40}?(?:،[^\n.،]{1,40}?)?\s[-–]\s")


def _undated(fx: Facts, text: str) -> str:
    """The text without the article's dateline: 'نيروبي - ' says where the story was filed,
    not where its figures are."""
    for s, _ in fx.sentences[:3]:
        m = _DATELINE.match(s.text)
        if m:
            text = text.replace(m.group(0), " ", 1)
    return text


def _capital(fx: Facts, after: list[str], place: Term) -> bool:
    """«حي بيانزورخ شرقي العاصمة المنغولية» under the dateline 'أولان باتور - ': the capital
    is the city the story was filed from."""
    if not any(b == "العاصمه" for w in after for b in clitic_bases(w)):
        return False
    filed = (_DATELINE.match(s.text) for s, _ in fx.sentences[:3])
    return any(m is not None and Words(m.group(0)).has(place, min_key=2) for m in filed)


_CAPITALS = set(table("state_capitals", str))


def _filed_in_capital(fx: Facts) -> bool:
    """The dateline's city is a capital the lexicon knows ('بغداد - ')."""
    filed = (_DATELINE.match(s.text) for s, _ in fx.sentences[:3])
    return any(m is not None and any(b in _CAPITALS for t in tokens(m.group(0))
                                     for b in clitic_bases(t.norm)) for m in filed)


def _place_before(fx: Facts, fact: Fact) -> str | None:
    """The place name written right before a figure in an enumeration ('حلب (153 إصابة)',
    'والحسكة (21)'), when one is."""
    span, words = fact.obj.evidence[0], getattr(fact.obj, "count_text", "")
    at = span.text.rfind(words) if words else -1
    start = span.start + max(at, 0)
    before = tokens(fx.article, max(0, start - 30), start)[-2:]
    if not before or "(" not in fx.article[before[-1].end:start]:
        return None
    word = before[-1]
    return word.text if any(b in GAZETTEER_HEADS for b in clitic_bases(word.norm)) else None


def only_named(name: str, place: Term) -> bool:
    """The place's name is that place and common words only («العاصمة مسقط» for Muscat)."""
    toks = tokens(name)
    own = [Words(t.text).has(place, min_key=2) for t in toks]
    return any(own) and all(o or _generic(t.text) for o, t in zip(own, toks, strict=True))


def _generic(name: str) -> bool:
    """A place named only by common words ('الأحياء الشرقية', 'المدينة'), no proper name."""
    return all(any(b in _GENERIC_PLACE or b.removesuffix("يه") + "ي" in _GENERIC_PLACE
                   or b.removesuffix("يه") in _GENERIC_PLACE for b in clitic_bases(t.norm))
               for t in tokens(name))


# Where the words after a place stop belonging to it: a comma, a full stop, or "و" (and), but
# not the و that begins وسط، وادي، ولاية, or the ود of Sudanese names ("مديرية حمروين وسط
# العاصمة مقديشو", "بلدة دام 6 بمحلية ود الماحي").
_AND = re.compile(r"[،,.؛:]| و(?!سط\b|ادي\b|لايه\b|د\b)")


def _inside(fx: Facts, name: str, place: Term) -> bool:
    """The article puts `name` inside `place`: 'سيدي بشر شرق الإسكندرية', 'حي المنتزه
    بالإسكندرية' (the place within four words after the name, no comma or 'and' between)."""
    key = norm(name)
    for s, _ in fx.sentences:
        text = norm(s.text)
        at = text.find(key)
        while at >= 0:
            after = _AND.split(text[at + len(key):], maxsplit=1)[0].split()[:4]
            # 'جنديرس بريف عفرين' is in Afrin's countryside, not in Afrin.
            if after and not after[0].endswith("ريف") and not _off(key, after) and (Words(
                    " ".join(after)).has(place, min_key=2) or _capital(fx, after, place)):
                return True
            at = text.find(key, at + 1)
    return False


_SETTLEMENTS = {"بلده", "قريه", "مدينه"}
_COMPASS = {"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"}
_REGIONS = {"محافظه", "ولايه", "اقليم", "منطقه", "مقاطعه"}
# «وفي مدينة كانواس، … شمال العاصمة بورتو أليغري»: a town a compass point from another place
# is placed by it, not in it (as _off reads a town's own name).
_POINT = "|".join(sorted(_COMPASS, key=len, reverse=True))
_TOWN = "|".join(sorted(_SETTLEMENTS))
_REFERENCE = re.compile(rf"((?:^|\s)(?:ب|في |من )?(?:{_TOWN}) \S+.*?\s)(?:{_POINT})"
                        rf"(?: (?:{_POINT}))?(?: (?:ال)?(?:عاصمه|مدينه))?(?: \S+){{1,2}}")


def _unreferenced(sentence: str) -> str:
    """The sentence without the place a named town is said to lie a compass point from."""
    return _REFERENCE.sub(r"\1", norm(sentence))


def _off(name: str, after: list[str]) -> bool:
    """A town a compass point away from a city is outside it: 'بلدة أومي شمال غربي أبيدجان'
    is not in Abidjan. A country or a region after the direction holds it: 'بلدة جنديرس
    شمال سوريا', 'قرية … جنوب محافظة إدلب'; and a neighbourhood is in its city ('سيدي بشر
    شرق الإسكندرية')."""
    if name.split()[0] not in _SETTLEMENTS or not after or after[0] not in _COMPASS:
        return False
    rest = [b for w in after[1:] for b in clitic_bases(w)]
    return not any(b in COUNTRIES or b in _REGIONS for b in rest)


def new_place(fx: Facts, sentence: str, given: list[Term], countries: bool = False) -> bool:
    """The sentence names a place the extraction found or the gazetteer knows, and the
    question does not ('في ساو باولو' for 'in which city'); a country only with `countries`."""
    ex = fx.extraction
    places = {e.location.name for e in ex.events if e.location is not None}
    places |= {c.location.name for c in ex.casualties if c.location is not None}
    words_ = Words(sentence)
    found = [p for p in places if f" {norm(p)} " in f" {words_.norm} "]
    toks = tokens(sentence)
    # «القائم بأعمال وزير الصحة» is the acting minister, not the town of al-Qaim.
    found += [b for i, t in enumerate(toks) for b in clitic_bases(t.norm) if b in GAZETTEER
              and not (i + 1 < len(toks) and toks[i + 1].norm == "باعمال")]
    found += [sentence[a:b] for a, b, kind in entities(sentence) if kind == "LOC"]
    # «الحرائق المحيطة بالعاصمة» in a story filed from a town that is not the capital.
    found += [t.text for t in toks
              if "العاصمه" in clitic_bases(t.norm) and not _filed_in_capital(fx)]
    # A country does not answer 'which city' ('في سويسرا' for 'أي مدينة سويسرية').
    return any(not any(Words(p).has(t, min_key=2) for t in given)
               and (countries or not any(b in COUNTRIES for w in tokens(p)
                                         for b in clitic_bases(w.norm)))
               for p in found)


def names_asked(q: Query, sentence: str) -> bool:
    return names_kind(q.asked, q.terms, sentence)


def kind_named(asked: list[Term], sentence: str, start: int) -> tuple[str, int] | None:
    """The asked kind of place with its name as the sentence writes it, and where it starts
    ('in which province': «مقاطعة أوهام بندي» of «… وليمونا في مقاطعة أوهام بندي شمال غرب
    البلاد»); `start` is where the sentence stands in the article."""
    toks = tokens(sentence)
    for i, tok in enumerate(toks):
        if not any(Words(tok.norm).has(t) for t in asked):
            continue
        name = []
        for nxt in toks[i + 1:i + 3]:
            if not nxt.text.isalpha() or nxt.norm in _STOP_AR or nxt.norm in _COMPASS:
                break
            name.append(nxt)
        if name:
            return sentence[tok.start:name[-1].end], start + tok.start
    return None


def names_kind(asked: list[Term], given: list[Term], sentence: str) -> bool:
    """The asked noun stands in the sentence with a name after it that the question lacks
    ('مطار جومو كينياتا'; not 'مخيم للاجئين', not 'مطار نيروبي' when Nairobi is asked)."""
    toks = [t.norm for t in tokens(sentence)]

    def name(word: str) -> bool:
        return not (word.startswith("لل") or word in _STOP_AR
                    or any(Words(word).has(t, min_key=2) for t in given))

    def kind(word: str, t: Term) -> bool:  # «بحي الإناس»: a clitic on a two-letter noun
        return Words(word).has(t) or (word[:1] in _PROCLITICS and word[1:] in t.forms)

    return any(kind(w, t) and i + 1 < len(toks) and name(toks[i + 1])
               for t in asked for i, w in enumerate(toks))
