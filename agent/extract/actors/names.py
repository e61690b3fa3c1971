"""Reading a name in the words of a sentence: where a personal name starts after its title
(where a group's name ends: groups.py; the span it covers: spans.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from agent import ner
from agent.extract.actors.groups import name_end, to_whom
from agent.extract.actors.quotes import gap, is_quoted, passable
from agent.extract.actors.sites import names_place
from agent.extract.actors.spans import clean
from agent.extract.actors.words import (
    CAPITALS,
    CAUSES,
    CHARGES,
    CLOSED_CONNECTORS,
    COMPOUND_ENDS,
    CONNECTORS,
    COUNTRY_FORMS,
    DEMONYMS,
    FIGHTERS,
    HONORIFICS,
    INSTITUTIONS,
    JOINS_DEFINITE,
    NAME_PARTICLES,
    NAMED_GROUPS,
    ORG_HEADS,
    REPORTED_NOUNS,
    STOP_WORDS,
    TIES,
    UNNAMED_SOURCES,
    accusative,
    bare,
    conjoined,
    definite,
    hamzated,
    in_lexicon,
    is_title_head,
    joined,
    lexical,
    nisba,
    stop_word,
    unjoined,
    waw_name,
)
from agent.extract.places import DESIGNATORS, is_place
from agent.text.arabic import Token
from agent.text.doc import Doc
from schemas import Span


def run_end(doc: Doc, toks: Sequence[Token], i: int, most: int = 12) -> int:
    """End (exclusive) of the name-like run of words starting at toks[i]: it stops at
    punctuation, stop words and a conjoined و, and carries short quoted names inside."""
    j = i + 1
    while j < len(toks) and j - i < most:
        if not passable(doc, toks[j - 1], toks[j]) or stop_word(toks[j]) or _and(doc, toks, j) or \
                to_whom(doc, toks, j):
            break  # "قال شهود عيان لوكالة فرانس برس": to whom, not who
        j += 1
    return j


def _dated(toks: Sequence[Token], j: int) -> bool:
    """toks[j] is «في» before a number: a date or a count ('متحدث باسم اللجنة الدولية في 14
    كانون الثاني'), no workplace the title's holder is named after."""
    return toks[j].norm == "في" and j + 1 < len(toks) and toks[j + 1].norm[:1].isdigit()


def _and(doc: Doc, toks: Sequence[Token], j: int) -> bool:
    """toks[j] opens with a و that means 'and', unless the labeller reads one personal name
    over it and the word before ('وزير الداخلية أحمد وحيدي'), or a personal name that starts
    with it right after a rank or an honorific ('الدكتور وسيم بيغ')."""
    if not conjoined(toks[j].norm) or not j or _foreign_name_word(doc, toks, j):
        return False
    after_rank = bare(toks[j - 1].norm) in HONORIFICS
    return not any(label == "PERS" and toks[j].end <= e and (
        s <= toks[j - 1].start or (after_rank and s == toks[j].start and toks[j].end < e))
        for s, e, label in labelled(doc.text))


def _foreign_name_word(doc: Doc, toks: Sequence[Token], j: int) -> bool:
    """toks[j] opens with و and is a word of a foreign personal name, not 'and' another's:
    the last word of a name begun before it ('باولوس واتربو إن'، 'إلمار ولييف،'، 'أظهر وقاص،'),
    or the first right after a title, with more of the name after it ('التايواني وانغ بي شنغ',
    'الرئيس وليام روتو')."""
    w, before = toks[j].norm, toks[j - 1]
    if definite(w) or lexical(w) or lexical(w[1:]) or not waw_name(w) or \
            not passable(doc, before, toks[j]):
        return False
    last = j + 1 == len(toks) or not passable(doc, toks[j], toks[j + 1]) or stop_word(toks[j + 1])
    if not (lexical(before.norm) or definite(before.norm) or stop_word(before) or
            conjoined(before.norm) or accusative(before)):
        return last
    titled = is_title_head(before.norm) or bare(before.norm) in HONORIFICS or (
        definite(before.norm) and nisba(before.norm))
    after = toks[j + 1] if not last else None  # a word of a name too, never Arabic alone
    return titled and after is not None and not (lexical(after.norm) or definite(after.norm)) \
        and (not ner.seen(after.text) or "PERS" in ner.labels(toks[j].text))


def name_start(doc: Doc, toks: Sequence[Token], floor: int = 1) -> int | None:
    """Index where a personal name begins after the title toks[0], or None.

    The name is read backwards from the end: core words (at most three), particles such as
    بن / عبد, and a definite word only as the surname or after عبد / أبو ("عبد الإله").
    """
    start, core = len(toks), 0
    for k in range(len(toks) - 1, floor - 1, -1):
        w = toks[k].norm
        name_like = w in STOP_WORDS and not stop_word(toks[k])  # "علي", not "على"
        if (lexical(w) and not name_like) or is_quoted(doc, toks[k]) or _and(doc, toks, k) or \
                accusative(toks[k]):  # "المتحدث باسم الجيش | تعليقاً على ذلك"
            break
        if w in NAME_PARTICLES:
            start = k
            continue
        if definite(w) and k != len(toks) - 1 and toks[k - 1].norm not in JOINS_DEFINITE \
                and w not in COMPOUND_ENDS and not hamzated(toks[k]):
            break  # "ذبيح الله مجاهد"، "كمال الدين بهويان"; "رئيس الوزراء ألبين كورتي"
        if core == 3 or (core == 2 and (is_place(w) or names_place(doc, (w,), designated=False))):
            break  # "مفوض شعبة بيشاور | رياض محسود"، "قائد شرطة كويتا | محمد بلوش" (في كويتا)
        core, start = core + 1, k
    if core == 0:
        return None
    first = toks[start].norm
    after = toks[start - 1].norm if start else ""
    if core == 1 and (definite(first) or nisba(first) or (nisba(after) and not definite(after))):
        return None  # "وزير الخارجية"، "مسؤول أمريكي"، "مسؤول إيراني مطلع": a title, not a name
    while toks[start].norm in NAME_PARTICLES - JOINS_DEFINITE:
        start += 1
    return start


def _before_object(toks: Sequence[Token], i: int, end: int) -> int:
    """Where what the named did or said begins after the name, so it is not read as part of
    it: a reported verbal noun ('مفوض الشعبة فلان فلاني | انتهاء عمليات البحث') or a definite
    event noun ('رئيس الوزراء فلان فلاني | الهجوم بأنه …'), or a word in the accusative
    ('فرض الرئيس فلان فلاني | إغلاقاً') right after a name's word; a reported noun or a charge
    after a definite word ('نفى ناظر المحطة | ارتكاب أي خطأ': a definite word ends a construct)."""
    for p in range(i + 1, end):
        w, prev = toks[p].norm, toks[p - 1].norm
        if p > i + 1 and not (lexical(prev) or definite(prev)) and (
                in_lexicon(w, REPORTED_NOUNS) or (definite(w) and in_lexicon(w, CAUSES))
                or (accusative(toks[p]) and not accusative(toks[p - 1]))):  # not "مصدراً أمنياً"
            return p
        if definite(prev) and not definite(w) and (in_lexicon(w, REPORTED_NOUNS) or
                                                   in_lexicon(w, CHARGES)):
            return p
    return end


BODY_TIES = ("الي", "عن")  # "المبعوث … إلى اليمن هانس غروندبرغ"، "النائب عن حزب …"


def _workplace(toks: Sequence[Token], end: int) -> bool:
    """toks[end] ties a title to where its holder works ('في الشركة'، 'لدى الأمم المتحدة')
    or to the body or country he stands for ('عن حزب التيار'، 'إلى اليمن')."""
    if end + 1 >= len(toks):
        return False
    tie, nxt = toks[end].norm, toks[end + 1].norm
    country = joined([t.norm for t in toks[end + 1 : end + 3]], COUNTRY_FORMS) is not None
    if tie in ("في", "لدي"):
        return definite(nxt) or lexical(nxt) or country or in_lexicon(nxt, DESIGNATORS)
    return tie in BODY_TIES and (definite(nxt) or in_lexicon(nxt, ORG_HEADS) or country)


@dataclass(frozen=True)
class Named:
    """A name as written, with the title before it when the article gives one."""

    name: Span
    title: Span | None
    end: int  # index of the first word after the phrase
    words: int  # how many words the personal name has (0 when the title is the name)


def named_phrase(doc: Doc, toks: Sequence[Token], i: int, most: int = 12) -> Named | None:
    """Read a speaker- or actor-like phrase at toks[i]: 'منسق المعارضة السورية رياض حجاب' ->
    name 'رياض حجاب', title 'منسق المعارضة السورية'; with no personal name after the title,
    the title is the name ('المتحدث باسم الجيش')."""
    if i >= len(toks):
        return None
    end = run_end(doc, toks, i, most)
    if in_lexicon(toks[i].norm, ORG_HEADS) and not is_title_head(toks[i].norm):
        end = name_end(doc, toks, i)  # "وزارة الداخلية العراقية | اعتقال …"
    if not is_title_head(toks[i].norm):
        end = _before_object(toks, i, _second_name(toks, i, end))
        for p in range(i + 1, end):  # "يوتشي ماسوزوي وزير الصحة الياباني": title after name
            if is_title_head(toks[p].norm):
                if any(lexical(t.norm) for t in toks[i:p]):
                    break
                name, title = clean(doc, toks[i], toks[p - 1]), clean(doc, toks[p], toks[end - 1])
                return Named(name, title, end, p - i)
        return Named(clean(doc, toks[i], toks[end - 1]), None, end, 0)
    # a source's words are adjectives, never a name: "مصدر مقرب"، "مصادر طبية"
    unnamed = in_lexicon(toks[i].norm, UNNAMED_SOURCES)
    end = _before_object(toks, i, end)
    start = None if unnamed else name_start(doc, toks[i:end])
    if not unnamed:
        end, start = _coordinated(doc, toks, i, end, start, most)
    if start is None and not unnamed:
        cut = _second_name(toks, i, end)  # "… دميتري بيسكوف | كييف بمحاولة": an object
        start = name_start(doc, toks[i:cut]) if cut < end else None
        end = cut if start is not None else end
    if start is not None and _complement_named(toks, i, i + start):
        start = None  # "المتحدث باسم الجيش بقيادة المشير خليفة حفتر": the leader's name
    if start is None and _workplace(toks, end) and not _dated(toks, end):
        # "رئيس قسم الهواتف في الشركة شين جي كاي"، "النائب عن حزب التيار الديمقراطي محمد
        # عمار": the name may follow the workplace or the body
        more = run_end(doc, toks, end + 1, most)
        place = in_lexicon(toks[end + 1].norm, DESIGNATORS)  # "في محافظة كرمان | رضا فلاح"
        start = name_start(doc, toks[i:more], floor=end - i + 2 + place)
        if start is not None and toks[end].norm in BODY_TIES and \
                any(definite(t.norm) for t in toks[i + start : more]):
            start = None  # "المبعوث الأممي إلى اليمن | طرفي النزاع": an object, not a name
        end = more if start is not None else end
    if start is not None:
        start, end = _labelled_name(doc, toks, i, i + start, end)
        name = clean(doc, toks[start], toks[end - 1])
        core = sum(t.norm not in NAME_PARTICLES for t in toks[start:end])
        return Named(name, clean(doc, toks[i], toks[start - 1]), end, core)
    # The title alone names the speaker ("المتحدث باسم القوات المسلحة المصرية"، "المبعوث
    # الأممي إلى اليمن"), unless a name follows between commas ("، مدحت الأسطل،").
    end = max(name_end(doc, toks, i), i + 1)
    title = clean(doc, toks[i], toks[end - 1])
    if end < len(toks) and re.fullmatch(r"\s*[،,]\s*", gap(doc, toks[end - 1], toks[end])):
        after = named_phrase(doc, toks, end, most)
        if after and (after.words or not lexical(toks[end].norm)) and after.end < len(toks) \
                and not passable(doc, toks[after.end - 1], toks[after.end]):
            return Named(after.name, title, after.end, after.words or 1)
    return Named(title, None, end, 0)


@lru_cache(maxsize=4)
def labelled(text: str) -> tuple[tuple[int, int, str], ...]:
    """The labeller's personal and organization names in a text (raw offsets, label)."""
    return tuple(ner.entities(text, ("PERS", "ORG")))


def _labelled_name(doc: Doc, toks: Sequence[Token], i: int, start: int, end: int
                   ) -> tuple[int, int]:
    """Where the title holder's name is when the labeller reads a personal name that the title
    ends with: the name read back from the run's end was then what the person did or said
    ('الرئيس عبد الفتاح السيسي | بمضاعفة التعويضات'، 'الرئيس غييرمو | لاسو حالة الطوارئ').
    A word the article names as a place is no part of it ('شرطة كويتا | محمد بلوش').
    Returns the name's first and end index in toks (unchanged when the labeller agrees)."""
    people = [(s, e) for s, e, label in labelled(doc.text) if label == "PERS"]

    def person(k: int) -> bool:
        return any(s < toks[k].end and toks[k].start < e for s, e in people) and \
            not lexical(toks[k].norm) and not names_place(doc, (toks[k].norm,), designated=False)

    if not person(start - 1):
        return start, end
    first, last = start - 1, start
    while first - 1 > i and person(first - 1) and passable(doc, toks[first - 1], toks[first]):
        first -= 1
    while last < end and person(last) and passable(doc, toks[last - 1], toks[last]):
        last += 1
    return first, last


def _coordinated(doc: Doc, toks: Sequence[Token], i: int, end: int, start: int | None,
                 most: int) -> tuple[int, int | None]:
    """A title's genitive may join bodies with و ('المدير العام لإدارة الإطفاء والدفاع المدني
    العميد محمد مين الدين'، 'وزير الخارجية والمغتربين فيصل المقداد'): past a definite word
    after و that is no other person's title, the name after the last body, its adjectives and
    a rank is the title holder's. When a name was read before the و ('لإدارة الإطفاء' looks
    like one), only a body's head noun carries the title on: 'الرئيس المصري عبد الفتاح السيسي
    والعاهل الأردني الملك عبد الله الثاني' are two people. Returns the run's end and where
    the name starts (from i), changed only when the name is after the و."""
    if end >= len(toks) or not passable(doc, toks[end - 1], toks[end]):
        return end, start
    w = toks[end].norm
    body = in_lexicon(w, ORG_HEADS) or in_lexicon(w, INSTITUTIONS)
    if not (conjoined(w) and definite(w)) or is_title_head(w) or (start is not None and
                                                                    not body):
        return end, start
    more = run_end(doc, toks, end, most)
    found = name_start(doc, toks[i:more], floor=end - i + 1)
    if found is None or not all(definite(t.norm) or is_title_head(t.norm)
                                for t in toks[end + 1 : i + found]):
        return end, start
    return more, found


def _complement_named(toks: Sequence[Token], i: int, name: int) -> bool:
    """The name at toks[name] after a connector names its complement, not the title holder at
    toks[i], when a title stands inside the complement ('المتحدث باسم الجيش الوطني الليبي بقيادة
    المشير خليفة حفتر': the leader; 'باسم حكومة الرئيس …'). A definite rank or honorific after
    the complement's full name ('باسم قوات الدفاع الكينية العقيد بول نجوغونا'، 'باسم وزارة
    الصحة الدكتور أشرف القدرة'), or after 'باسمه' (the body named before), opens the title
    holder's own name."""
    c = next((k for k in range(name - 1, i - 1, -1) if toks[k].norm in CONNECTORS), None)
    if c is None or toks[c].norm in CLOSED_CONNECTORS:
        return False
    return any(is_title_head(toks[p].norm) and
               not (definite(toks[p].norm) and definite(toks[p - 1].norm))
               for p in range(c + 1, name))


def _second_name(toks: Sequence[Token], i: int, end: int) -> int:
    """Where a second name starts inside a run ('روسيا الولايات المتحدة'، 'الجيش السوداني
    قوات الدعم السريع'): a state, or a group head after a definite word."""
    first = joined([t.norm for t in toks[i:end]], COUNTRY_FORMS)
    for p in range(i + 1, end):
        w = toks[p].norm
        if first and p - i < len(first.split("_")):
            continue  # inside "الولايات المتحدة"
        prev = toks[p - 1].norm
        if prev in CONNECTORS or prev in TIES or \
                (in_lexicon(prev, ORG_HEADS) and not definite(prev)) or \
                (w in DEMONYMS and not definite(prev)):
            continue  # "بقيادة السعودية"، "قوات سوريا الديمقراطية"، "إعلام رسمية سورية"
        if in_lexicon(w, COUNTRY_FORMS) or in_lexicon(w, CAPITALS) or \
                joined([w] + [t.norm for t in toks[p + 1 : p + 3]], COUNTRY_FORMS):
            return p
        named = joined([bare(w)] + [t.norm for t in toks[p + 1 : p + 3]], NAMED_GROUPS)
        head = [b for b in (bare(w)[2:] if definite(w) else w, *unjoined(w)[1:])
                if ORG_HEADS.get(b) in FIGHTERS and w not in CONNECTORS]
        if (head or named) and definite(prev):
            return p
    return end
