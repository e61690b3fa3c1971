"""Who reported a fact: "وفق ما أفاد X", "بحسب X", "حسبما ذكرت X", "نقلا عن X", "قال X",
"مصادر أخرى تحدثت"; the name X is copied from the article as written.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from agent.extract.numbers import Word, casualty_word, starts_number, words
from agent.extract.reporting import (
    COMMAS,
    GIVING_VERBS,
    OBJECT_SUFFIXES,
    figure_follows,
    is_reporting_verb,
    new_clause,
)
from agent.text import lexicon
from agent.text.arabic import clitic_bases, norm
from agent.text.doc import Doc, span
from schemas import Span

_RELAY_VERBS = lexicon.words("relay_verbs")  # "نقلت وكالة رويترز عن شهود"
_SPEECH_NOUNS = lexicon.words("speech_nouns")  # "حديث أوكامبو عن وفاة 5 آلاف شخص"
_ACCORDING_TO = lexicon.words("according_to")  # "بحسب X"، "وفقا لـX"
_FIGURES = lexicon.words("figure_nouns")  # "وفق أرقام الأمم المتحدة"
_QUALIFIERS = lexicon.words("figure_qualifiers")  # "بحسب أحدث حصيلة لجهاز الإطفاء"
_DOCUMENTS = lexicon.words("document_nouns")  # "بحسب تقرير نشره صندوق الأمم المتحدة"
_RELEASE_VERBS = lexicon.words("release_verbs")  # "وفق تحديث للحصيلة نشرته محافظة الدقهلية"
_SOURCES_NOUNS = lexicon.words("source_nouns")  # "مصادر أخرى تحدثت"
_NAME_STOPS = lexicon.words("source_name_stops")
_REPORTED_NOUNS = lexicon.words("reported_nouns")  # "أعلن الجيش مقتل 3"
_NOT_PLACES = lexicon.words("source_not_places")  # "المرصد في بيان"
_SOURCE_HEADS = lexicon.words("source_posts")  # "مصدر في الشرطة العراقية"
_GENERIC_PLACES = lexicon.words("generic_places")  # "قال الجيش في المنطقة"
_ANAPHORIC_HEADS = lexicon.words("anaphoric_heads")  # "المنظمة" after its full name
_CLAUSE_STARTS = lexicon.words("subject_openers")  # "وكانت X قد أعلنت"
_TIME_ASIDES = lexicon.words("time_asides")  # "وقالت، أمس، وزارة الصحة"
_OUTLETS = lexicon.words("outlets")  # "قال مسؤول لوكالة فرانس برس"
_REFERRING = lexicon.words("referring_sources")  # "وأضاف البيان", "المصدر ذاته"
_PREPOSITIONS = lexicon.words("prepositions_before_subject")  # "في رفع الأنقاض": a verbal noun
_VERB_OBJECTS = {"به", "بها", "له", "لها", "عنه", "عنها"}  # "وفق ما أفاد به X"
# "المنظمة الأممية" after "منظمة الصحة العالمية"; "اللجنة الدولية" (of the Red Cross) only.
_OF_UN = {"الامميه": ("الامم", "العالمي"), "الدوليه": ("الدولي",)}
_OVER = {"لل" + w for w in lexicon.words("nouns_taking_ala")}  # "للرقابة على": a name goes on
_GUILLEMETS = ("«", "»")
_QUOTED_NAME_WORDS = 3  # "منصة «دارفور24»"، "جمعية «تابيتال بولاكو»"
_TOPIC_REACH = 12  # "أما جمعية «تابيتال بولاكو» المدافعة عن الفولاني فتحدثت"
_MAX_NAME_WORDS = 16  # a long title and a name: "المتحدث باسم وزارة … ملا جانان صائق" is 13
# A body named again by its bare head takes the full name from one of the last _LOOK_BACK places
# the head was written. A name, with a place, an aside and a number after it, is read within
# _NEAR_WORDS // 2 words.
_LOOK_BACK = 30
_NEAR_WORDS = 96


def find_source(doc: Doc, start: int, end: int, near: int | None = None
                ) -> tuple[str, Span] | None:
    """The attribution in raw [start, end): the name as written and its span. With `near` (the
    raw offset of the fact), the one closest to it wins, else the first. The span covers the
    words where the attribution stands; the name may differ from them: "وفقا للمرصد" gives
    "المرصد", and a body named again by its bare head ("ولفتت المنظمة") gives the full name the
    article used before ("المنظمة الدولية للهجرة")."""
    found = sources_in(doc, start, end)
    if not found:
        return None
    if near is None:
        return found[0]
    own = [f for f in found if f[1].start < near or not new_clause(doc, near, f[1].start)]
    return min(own or found, key=lambda f: _distance(f[1], near))


def sources_in(doc: Doc, start: int, end: int) -> list[tuple[str, Span]]:
    """Every attribution in raw [start, end), in reading order, one per name span; a source
    that refers back ("وأضاف البيان", "المصدر ذاته") stands for the one named last before it."""
    found = _named_in(doc, start, end)
    if not any(_refers_back(name) for name, _ in found):
        return found
    every = doc.memo("sources", lambda: _named_in(doc, 0, len(doc.text)))
    return [(_issuer(every, at.start) or name, at) if _refers_back(name) else (name, at)
            for name, at in found]


def _refers_back(name: str) -> bool:
    return norm(name.strip()) in _REFERRING


def _issuer(every: list[tuple[str, Span]], before: int) -> str | None:
    return next((name for name, at in reversed(every)
                 if at.start < before and not _refers_back(name)), None)


def _named_in(doc: Doc, start: int, end: int) -> list[tuple[str, Span]]:
    ws = words(doc, start, end)
    seen: dict[tuple[int, int], tuple[str, Span]] = {}
    for k in range(len(ws)):
        found = _attribution_at(doc, ws, k)
        if found is not None:
            name = _earlier_full_name(doc, found[0], found[1].start) or found[0]
            seen.setdefault((found[1].start, found[1].end), (name, found[1]))
    return sorted(seen.values(), key=lambda f: f[1].start)


def _attribution_at(doc: Doc, ws: list[Word], k: int) -> tuple[str, Span, int] | None:
    """The source named by the attribution word at k, if it is one."""
    w = ws[k]
    bases = clitic_bases(w.norm)
    glued = False  # "وفقا للمرصد": the ل is the preposition, not the name
    relays = False  # only a relaying verb passes the figure on to the one after عن
    if any(b in _ACCORDING_TO for b in bases):
        begin, figures = _after_according_to(ws, k + 1, skip_verb=w.norm.endswith("ما"))
        glued = any(b in {"وفقا", "طبقا"} for b in bases) or figures
        relays = begin > k + 1 and is_reporting_verb(ws[begin - 1], _RELAY_VERBS)
    elif is_reporting_verb(w, _RELAY_VERBS) and not is_reporting_verb(w):
        named = _name(doc, ws, _skip_asides(ws, k + 1), glued, places=True)
        return _relayed(doc, ws, named[2]) if named else None  # "نقلت وكالة X عن Y": Y
    elif k > 0 and ws[k - 1].norm == "قد" and is_reporting_verb(w, _RELEASE_VERBS):
        return _subject_before(doc, ws, k)  # "وكان التلفزيون الرسمي قد بث حصيلة أولية"
    elif is_reporting_verb(w, GIVING_VERBS) and not _verbal_noun(ws, k):
        if not (is_reporting_verb(w) or figure_follows(ws, k)):
            return None  # "رفعت فرقها الأنقاض": lifted the rubble, gave no figure
        if k > 0 and ws[k - 1].norm == "قد" and (subject := _subject_before(doc, ws, k)):
            return subject  # "وكان المجلس المحلي قد أعلن المدينة منطقة منكوبة": an object
        begin = _past_object(ws, _skip_asides(ws, k + 1))
        while begin < len(ws) and ws[begin].norm in _TIME_ASIDES:
            begin += 1  # "وأعلن آنذاك حصيلة أولية": the one who announced is named before
        if begin >= len(ws) or _name(doc, ws, begin, glued, places=True) is None:
            return _subject_before(doc, ws, k)
    elif w.norm in _SOURCES_NOUNS and _verb_follows(ws, k):
        begin = k
    elif w.norm == "نقلا" and k + 1 < len(ws) and ws[k + 1].norm == "عن":
        begin = k + 2
    elif any(b in _SPEECH_NOUNS for b in bases) and k + 1 < len(ws) \
            and not ws[k + 1].norm.startswith("ال"):
        begin = k + 1  # "حديث أوكامبو عن …", not "حديث المسؤولين" nor "تصريحات سابقة"
        while begin < len(ws) and any(b in _QUALIFIERS for b in clitic_bases(ws[begin].norm)):
            begin, glued = begin + 1, True  # "تقديرات أولية للمنظمة"
    else:
        return None
    named = _name(doc, ws, begin, glued, places=True) if begin < len(ws) else None
    if named is None:
        return None
    return (_relayed(doc, ws, named[2]) or named) if relays else named


def _verbal_noun(ws: list[Word], k: int) -> bool:
    """After a preposition or with ب/ل glued, a verb is its verbal noun: "في رفع الأنقاض"."""
    w = ws[k].norm
    return (k > 0 and ws[k - 1].norm in _PREPOSITIONS) or (w[0] in "بل" and w[1:] in GIVING_VERBS)


def _subject_before(doc: Doc, ws: list[Word], k: int) -> tuple[str, Span, int] | None:
    """The subject named before its verb, where the verb carries no و of its own: "غير أن خلية
    الإعلام الأمني، التابعة لقيادة العمليات، قالت"، "وكانت القيادة الأمريكية (أفريكوم) قد أعلنت"."""
    if ws[k].norm[0] == "ف" and ws[k].norm[1:] in GIVING_VERBS:
        return _topic(doc, ws, k)
    if ws[k].norm[0] in "وف" and ws[k].norm[1:] in GIVING_VERBS:
        return None  # "وقالت" opens a clause of its own
    j = k - 1
    if j >= 0 and ws[j].norm == "قد":
        j -= 1
    elif j >= 0 and ws[j].norm in {"التي", "الذي"} and j > 0 and ws[j - 1].norm in COMMAS:
        j -= 2
    elif j >= 0 and ws[j].norm in COMMAS:  # step back over the aside between two commas
        j = next((i - 1 for i in range(j - 1, max(j - 8, -1), -1) if ws[i].norm in COMMAS), -1)
    else:
        return None
    while j >= 0 and ws[j].norm == ")":  # "(أفريكوم)"
        j = next((i - 1 for i in range(j, -1, -1) if ws[i].norm == "("), -1)
    first = j + 1
    while first > 0 and j - first < _MAX_NAME_WORDS - 1:
        before = ws[first - 1]
        if before.norm == "في" and first > 1 and _place_follows(ws, first, ws[first - 2]):
            first -= 2  # "القيادة الأمريكية في أفريقيا"
            continue
        if _ends_name(ws, first - 1) or before.norm in _CLAUSE_STARTS \
                or any(b in _ACCORDING_TO for b in clitic_bases(before.norm)):
            break
        first -= 1
    if first > j:
        return None
    where = span(doc.text, ws[first].start, ws[j].end)
    return where.text, where, j + 1


def _topic(doc: Doc, ws: list[Word], k: int) -> tuple[str, Span, int] | None:
    """The topic after أما is the subject of the verb with ف: "أما جمعية «…» … فتحدثت"."""
    for i in range(k - 1, max(k - _TOPIC_REACH, 0) - 1, -1):
        if ws[i].norm == "اما":
            return _name(doc, ws, i + 1, glued=False, places=True)
    return None


def _earlier_full_name(doc: Doc, name: str, before: int) -> str | None:
    """"ولفتت المنظمة": a body named again by its bare head takes the full name it had last
    ("المنظمة الدولية للهجرة"), as written there; so does a head that only says it is of the
    UN ("بحسب المنظمة الأممية" after "منظمة الصحة العالمية")."""
    head, *words_after = norm(name).split() or [""]
    rest = " ".join(words_after)
    if (rest and rest not in _OF_UN) or not head.startswith("ال") or \
            head[2:] not in _ANAPHORIC_HEADS:
        return None
    for ws, k in _earlier_heads(doc, head, before):
        glued = ws[k].norm.startswith("ل") and ws[k].norm not in (head, head[2:])  # للمرصد
        named = _name(doc, ws, k, glued=glued, places=True)
        if named is not None and " " in named[0] and (
                not rest or any(w in norm(named[0]) for w in _OF_UN[rest])):
            return named[0]
    return None


def _earlier_heads(doc: Doc, head: str, before: int) -> Iterator[tuple[list[Word], int]]:
    """The words where `head` was written before raw offset `before`, nearest first, the last
    _LOOK_BACK of them; each as the words around it and its index there. Every article's words
    and each head's places in them are found once, so an article twice as long takes twice as
    long, not four times."""
    every = doc.memo("words", lambda: words(doc, 0, len(doc.text)))
    starts = doc.memo("word starts", lambda: [w.start for w in every])
    at = doc.memo(("head", head), lambda: [k for k, w in enumerate(every) if _is_head(w, head)])
    # The last words before `before` are read again from the text, as they end there; the
    # earlier ones are whole words of the article, each with the words a name may run on to.
    near = max(0, bisect_left(starts, before) - _NEAR_WORDS)
    ws = words(doc, every[near].start if near else 0, before)
    close = [k for k in range(len(ws) - 2, 0 if near else -1, -1) if _is_head(ws[k], head)]
    yield from ((ws, k) for k in close[:_LOOK_BACK])
    stop = bisect_right(at, near)
    for k in reversed(at[max(0, stop - _LOOK_BACK + len(close)) : stop]):
        yield every[max(0, k - 1) : k + _NEAR_WORDS // 2], min(k, 1)


def _is_head(w: Word, head: str) -> bool:
    bases = clitic_bases(w.norm)
    return head in bases or head[2:] in bases


def name_after(doc: Doc, start: int, end: int) -> tuple[str, Span] | None:
    """The name that starts at raw `start` ("قوات الاحتلال" in "برصاص قوات الاحتلال")."""
    named = _name(doc, words(doc, start, end), 0, glued=False, places=False)
    return (named[0], named[1]) if named else None


def _relayed(doc: Doc, ws: list[Word], j: int) -> tuple[str, Span, int] | None:
    """"وكالة رويترز (…) عن شهود": the source a reporter relays, named after عن."""
    while j < len(ws) and ws[j].norm == "(":
        j = next((i + 1 for i in range(j, len(ws)) if ws[i].norm == ")"), len(ws))
    if j + 1 < len(ws) and ws[j].norm == "عن":
        return _name(doc, ws, j + 1, glued=False, places=True)
    return None


def _after_according_to(ws: list[Word], k: int, skip_verb: bool) -> tuple[int, bool]:
    """Skip the verb in "وفق ما أعلن X" / "بحسب ما نقلته X" / "حسبما ذكرت X", the figures in
    "وفق أرقام X" with their qualifiers and the verb that gives them ("بحسب آخر حصيلة أعلنها
    X"، "وفق الأرقام الرسمية الصادرة عن X"), and a bare "لـ". True with the index when figures
    were skipped: the ل that follows them is a preposition ("حصيلة لجهاز الإطفاء")."""
    if k < len(ws) and ws[k].norm in {"ما", "لما", "بما"}:  # "وفقا لما ذكرته X"
        k, skip_verb = k + 1, True
    if skip_verb and k < len(ws) and ws[k].is_letters:
        k = _past_object(ws, k + 1)  # after "ما" comes the verb, whatever it is
    start = k
    figures = False
    while k < len(ws):
        bases = clitic_bases(ws[k].norm)
        if any(b in _FIGURES for b in bases) or (
                any(b in _DOCUMENTS for b in bases) and _put_out(ws, k + 1)):
            figures = True
        elif not any(b in _QUALIFIERS for b in bases):
            break
        k += 1
    if not figures:
        k = start
    elif k < len(ws) and _gives(ws[k]):
        k += 1
    if k < len(ws) and ws[k].norm == "ل":
        k += 1
    return k, figures


def _past_object(ws: list[Word], k: int) -> int:
    """"وفق ما أفاد به مسؤول محلي": the pronoun a verb takes with its preposition is no name."""
    return k + 1 if k < len(ws) and ws[k].norm in _VERB_OBJECTS else k


def _gives(w: Word) -> bool:
    """"بحسب آخر حصيلة أعلنها X", "بحسب إحصائية نشرها X": the verb that gives the figures."""
    return is_reporting_verb(w, GIVING_VERBS) or is_reporting_verb(w, _RELEASE_VERBS)


def _put_out(ws: list[Word], k: int) -> bool:
    """Is a document (تقرير، تحديث) followed, past its qualifiers, by what it was put out by:
    figures ("تحديث للحصيلة"), a verb ("تقرير نشره"), a body with ل ("تقرير لمنظمة"), or one
    it came from ("تقرير صادر عن")?"""
    came_from = False
    while k < len(ws) and any(b in _QUALIFIERS for b in clitic_bases(ws[k].norm)):
        came_from, k = came_from or ws[k].norm == "عن", k + 1
    if k >= len(ws) or not ws[k].is_letters:
        return False
    w = ws[k]
    return came_from or _gives(w) or any(b in _FIGURES for b in clitic_bases(w.norm)) \
        or (w.norm.startswith("ل") and len(w.norm) > 3)


def _skip_asides(ws: list[Word], k: int) -> int:
    """"وقالت، أمس، وزارة الصحة": step over a time word set off by commas after the verb."""
    j = k
    while j < len(ws) and (ws[j].norm in {"،", ","} or ws[j].norm in _TIME_ASIDES):
        j += 1
    return j if j > k and ws[j - 1].norm in {"،", ","} else k


def _verb_follows(ws: list[Word], k: int) -> bool:
    """"مصادر أخرى تحدثت": the sources are the subject of a reporting verb right after them."""
    return any(is_reporting_verb(ws[j]) for j in range(k + 1, min(k + 4, len(ws))))


def _ends_name(ws: list[Word], i: int) -> bool:
    w = ws[i]
    if w.norm == "نقلا":
        return True  # "الكنيسة نقلاً عن مصادر": the source it relays follows
    if w.norm.startswith("ال") and casualty_word(w) == "rescued":
        return False  # "لجنة الإنقاذ الدولية", "فرق الإنقاذ": rescuers are a source
    if not w.is_letters or starts_number(ws, i) or casualty_word(w) or (
            w.norm == "امام" and w.raw[:1] == "أ"):  # "أمام لجنة الأمن", not an imam (إمام)
        return True  # digits, number words, commas, quote marks, colons, "قتل", "أصيب"
    if w.norm == "علي" and (w.raw.endswith("ي") or (i and ws[i - 1].norm in _OVER)):
        return False  # "سيد مرتضى علي": the name; "للرقابة على أداء الشرطة": a body's
    bases = clitic_bases(w.norm)
    # "نفته" is نفى with its object; "منها" is no stop: "المراكز الأفريقية … والوقاية منها"
    bases += [b[: -len(x)] for b in bases for x in OBJECT_SUFFIXES
              if b.endswith(x) and b[: -len(x)] != "من"]
    if any(b in _NAME_STOPS or b in _REPORTED_NOUNS for b in bases) or is_reporting_verb(w):
        return True
    return w.norm.startswith("ل") and w.norm[1:] in _OUTLETS


def _name(doc: Doc, ws: list[Word], k: int, glued: bool, places: bool
          ) -> tuple[str, Span, int] | None:
    """The words from k up to the first word that cannot belong to a name: the name as written,
    its span, and the index of the word after it. With `places`, "في غزة" may continue it."""
    j = k
    while j < len(ws) and j - k < _MAX_NAME_WORDS:
        if places and j > k and ws[j].norm == "في" and _place_follows(ws, j + 1, ws[k]):
            j += 2  # "وزارة الصحة في غزة", "مصدر في الشرطة", but not "المرصد في بيان"
            continue
        if j > k and ws[j].norm == _GUILLEMETS[0] and (close := _closing(ws, j)):
            j = close + 1  # "منصة «دارفور24»": a name in guillemets after its head
            continue
        if _ends_name(ws, j):
            break
        j += 1
    if j == k:
        return None
    j = _appositive(ws, j) or j
    first = ws[k].norm
    start = ws[k].start
    if glued and first.startswith("ل") and len(first) > 2:
        start = doc.norm.offsets[doc.norm.from_raw(start) + 1]
    where = span(doc.text, start, ws[j - 1].end)
    if glued and first.startswith("لل"):  # "للمرصد": ل + ال, whose alef is not written
        return "ا" + where.text, where, j
    return where.text, where, j


def _closing(ws: list[Word], j: int) -> int | None:
    """The » that closes the « at j within a few words, if one does."""
    stop = min(j + _QUOTED_NAME_WORDS + 2, len(ws))
    return next((i for i in range(j + 2, stop) if ws[i].norm == _GUILLEMETS[1]), None)


def _appositive(ws: list[Word], j: int) -> int | None:
    """"المتحدث باسم الوزارة، مدحت الأسطل، إن …": the person's name set off by commas belongs
    to the source; returns the index after it."""
    if j >= len(ws) or ws[j].norm not in {"،", ","}:
        return None
    end = j + 1
    while end < len(ws) and end - j <= 4 and not _ends_name(ws, end):
        end += 1
    closes = end < len(ws) and ws[end].norm in {"،", ","} and end > j + 1
    # "، العقيد فارح، للصحفيين أمام الفندق إن": what was said follows within a few words
    follows = any(w.norm in {"ان", "انه", "انها", "بان"} for w in ws[end + 1:end + 5])
    return end if closes and follows else None


def _place_follows(ws: list[Word], k: int, head: Word) -> bool:
    """After في, a place belongs to the name ("وزارة الصحة في غزة", "تنسيقية لجان المقاومة في
    الفاشر") and so does a body after a source ("مصدر في الشرطة"); a statement ("في بيان") or
    a place named by a common noun ("في المدينة") does not."""
    if k >= len(ws) or _ends_name(ws, k) or any(
            b in _NOT_PLACES for w in ws[k:k + 2] for b in clitic_bases(w.norm)):
        return False  # "في بيان", "في أحدث تقرير لها"
    return any(b in _SOURCE_HEADS for b in clitic_bases(head.norm)) \
        or ws[k].norm not in _GENERIC_PLACES


def _distance(s: Span, pos: int) -> int:
    if s.start <= pos < s.end:
        return 0
    return s.start - pos if s.start > pos else pos - s.end
