"""Where the name of a group or body ends in the words of a sentence ('المرصد السوري لحقوق
الإنسان'، 'وزارة الداخلية في حكومة الوحدة الوطنية'), and the words that say to whom something
was said, which no name runs into ('لوكالة فرانس برس').
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.extract.actors.quotes import is_quoted, passable
from agent.extract.actors.words import (
    ACTOR_VERBS,
    CONNECTORS,
    COUNTRY_FORMS,
    DANGLING,
    DEMONYMS,
    INSTITUTIONS,
    MEDIA_AFTER,
    NAMED_GROUPS,
    ORG_HEADS,
    STOP_WORDS,
    TIES,
    bare,
    channel,
    conjoined,
    definite,
    in_lexicon,
    is_title_head,
    joined,
    lexical,
    nisba,
    stop_word,
    verbish,
)
from agent.extract.places import DESIGNATORS
from agent.text import lexicon
from agent.text.arabic import Token, clitic_bases
from agent.text.doc import Doc
from schemas import ActorType

_PREPOSED = re.compile(r"^[وف]?(?:ب|ك(?=ال...))ال(?=..)")  # not "وكالات"
_OVER = {"لل" + w for w in lexicon.words("nouns_taking_ala")}  # "للرقابة على أداء الشرطة"


def to_whom(doc: Doc, toks: Sequence[Token], j: int) -> bool:
    """toks[j], ل + a medium or the press, says whom the words were given to, not who spoke:
    'شهود عيان | لوكالة فرانس برس'، 'بيتر ليرنر | للصحافيين إنه'. The press after لل is the
    genitive of a body when a name goes on after it: 'النقابة الوطنية للصحفيين التونسيين'،
    'للصحفيين أنتوني بيلانجي'; after a personal name it is whom he spoke to ('رضا فلاح
    | للتلفزيون الرسمي')."""
    w = toks[j].norm
    if w[:1] == "ل" and w[1:] in MEDIA_AFTER:  # "لوكالة"، "لرويترز"
        return True
    if not (w.startswith("لل") and bare(w) in MEDIA_AFTER):
        return False
    prev = toks[j - 1] if j else None
    if prev is not None and not lexical(prev.norm) and (
            not definite(prev.norm) or prev.text.startswith(("أل", "إل", "آل"))):
        return True  # "نيكوس ألكسيو | للتلفزيون": a hamza, not the article
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or not passable(doc, toks[j], nxt) or stop_word(nxt)


def group_end(doc: Doc, toks: Sequence[Token], i: int, named: int = 0) -> int:
    """End of a name that starts with a head noun: 'المرصد السوري لحقوق الإنسان', 'قوات
    نظام الرئيس بشار الأسد', 'تنظيم «داعش»', 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية',
    'مصادر عسكرية وطبية متطابقة'. Words join while they are definite, in construct before a
    definite word, a genitive with ل, a short quoted name, a personal name after a title, or
    an adjective agreeing with an indefinite head; once the name is definite, or a proper
    name closes it ('تنظيم داعش | التفجير'), a new indefinite noun ends it."""
    j, definite_seen, closed, person = i + max(named, 1), definite(toks[i].norm), named > 0, 0
    institution = in_lexicon(toks[i].norm, INSTITUTIONS)
    # a body's name may join two definite nouns with و ('حزب العدالة والتنمية'), not a force's
    # ('قوات الأمن | والمتظاهرين')
    body = institution or any(ORG_HEADS.get(b) is ActorType.organization
                              for b in clitic_bases(toks[i].norm))
    inside = is_quoted(doc, toks[i])
    while j < len(toks) and j - i < 10 and passable(doc, toks[j - 1], toks[j]):
        w, prev = toks[j].norm, toks[j - 1].norm
        nxt = toks[j + 1].norm if j + 1 < len(toks) and passable(doc, toks[j], toks[j + 1]) \
            else ""
        if inside and not is_quoted(doc, toks[j]):
            break  # "«قوات حفتر» | المسؤولية": a quoted name ends with its quotation
        verb = not definite(w) and not definite(nxt) and (w in ACTOR_VERBS or verbish(w))
        after = toks[j + 2].norm if nxt and j + 2 < len(toks) else ""
        takes = w == "عن" or (w == "علي" and prev in _OVER)
        if j - 1 > i and prev.startswith("لل") and takes and nxt and nxt not in STOP_WORDS and (
                definite(nxt) or definite(after)):
            j, definite_seen = j + 1, False  # "للدفاع عن الدستور"، "للرقابة على أداء الشرطة"
            continue
        if w in STOP_WORDS or verb or (_PREPOSED.match(w) and prev not in CONNECTORS):
            break  # "الشرطة | بالعصي": a preposition starts what was done, not the name
        if (definite(prev) or nisba(prev)) and to_whom(doc, toks, j):
            break  # "وزارة الصحة | لوكالة فرانس برس"، "الوزير | للصحفيين", not "مراسل لوكالة"
        proper = joined([bare(w), *(t.norm for t in toks[j + 1 : j + 3])], NAMED_GROUPS)
        if proper and not closed and (not definite(prev) or prev in CONNECTORS or
                                      w.startswith("لل")):  # not "التحالف | الحوثيين"
            j, definite_seen, closed = j + len(proper.split("_")), True, True
            continue
        if proper:
            break
        tied = prev in CONNECTORS and w[:1] in ("ب", "ل", "م")  # "المرتبطة بتنظيم القاعدة"
        genitive = (w[:1] == "ل" or tied) and (w.startswith("لل") or (bool(nxt) and (
            definite(nxt) or in_lexicon(w[1:], MEDIA_AFTER))))  # "لحقوق الإنسان"، "للدعم"
        if closed and not (genitive or w in CONNECTORS or (definite(w) and nisba(w))):
            break  # "تنظيم داعش | التفجير", but "الاتحاد الأفريقي الانتقالية"
        closed = closed and not genitive
        adjective = not definite(prev) and (nisba(w) or nisba(prev) or j == i + 1) and \
            (not lexical(w) or bare(w) in DEMONYMS)  # "مسؤول أمريكي"، "مصدر مقرب"
        if conjoined(w) and not ((adjective and nisba(w[1:])) or  # "عسكرية وطبية"
                                     (institution and definite(w)) or  # "الطاقة والثروة"
                                     (body and definite(w) and definite(prev)
                                      and not lexical(bare(w)))):
            break
        construct = not definite_seen and (definite(nxt) or (nxt and is_quoted(
            doc, toks[j + 1]))) and nxt not in STOP_WORDS
        if definite(w) and is_title_head(w) and nisba(prev):
            break  # "مجلس السيادة السوداني | الفريق أول عبد الفتاح البرهان"
        person = person + 1 if (is_title_head(prev) and definite(prev)) or \
            (0 < person < 3 and not lexical(w)) else 0  # "الرئيس بشار الأسد"
        quoted = is_quoted(doc, toks[j]) and not definite(prev)  # not "الروسية «قطعياً»"
        if w in CONNECTORS:
            definite_seen, person = False, 0  # "باسم | قيادة العمليات"، "بقيادة | المشير"
        elif not (definite(w) or construct or genitive or adjective or person or quoted):
            break
        else:
            definite_seen = definite_seen or definite(w)
        j += 1
    while j - 1 > i and toks[j - 1].norm in DANGLING:
        j -= 1  # "وكالة «أعماق» التابعة | له"
    return j


def name_end(doc: Doc, toks: Sequence[Token], i: int) -> int:
    """group_end, then the place or body an institution belongs to when the article ties
    it with في / إلى / لدى / من: 'القيادة الأمريكية في أفريقيا'، 'المبعوث الأممي إلى اليمن'،
    'وزارة الداخلية في حكومة الوحدة الوطنية'، 'مصدر مقرب من رئاسة الجمهورية'."""
    end = group_end(doc, toks, i)
    if end + 1 >= len(toks) or toks[end].norm not in TIES or not (
            is_title_head(toks[i].norm) or in_lexicon(toks[i].norm, INSTITUTIONS)):
        return end
    place = toks[end + 1].norm
    country = joined([t.norm for t in toks[end + 1 : end + 4]], COUNTRY_FORMS)
    if country:
        return end + 1 + len(country.split("_"))
    if channel(place) or place in STOP_WORDS:
        return end  # "في بيان"، "في وقت سابق"، "في حصيلة": where or when it was said, not who
    if definite(place) or in_lexicon(place, ORG_HEADS) or in_lexicon(place, DESIGNATORS):
        return group_end(doc, toks, end + 1)  # "في محافظة كرمان"
    # "القيادة الأمريكية في أفريقيا"، "وزارة الصحة في غزة": one proper name of a place
    return end + 2 if in_lexicon(toks[i].norm, INSTITUTIONS) and not lexical(place) else end
