"""Count phrases: a number grown into what it counts, with its modifiers ("على الأقل", "نحو",
"بين … و …") as low/best/high, and the numbers that count no one (dates, years, ages)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.extract.numbers import (
    UNITS,
    Core,
    Word,
    casualty_word,
    lookup,
    number_at,
    number_words,
    words,
)
from agent.text import lexicon
from agent.text.doc import Doc


@dataclass(frozen=True)
class Count:
    """One number phrase: low/best/high per the count conventions, and the words as written."""

    low: int | None
    best: int | None
    high: int | None
    unit: str  # "people", "families" or "homes"
    start: int  # raw span of the whole phrase, modifiers and counted noun included
    end: int
    text: str
    noun: str | None  # the counted noun as written ("مدنيا", "طفلين"), if any
    vague: bool  # عشرات، آلاف: coded low, not stated


# Modifiers: normalized word sequences before or after the number, longest first.
_AT_LEAST, _ABOUT, _UP_TO, _BELOW, _BETWEEN = "at_least", "about", "up_to", "below", "between"
_PRE = sorted(((tuple(phrase.split()), kind)
               for phrase, kind in lexicon.table("count_modifiers_before", str).items()),
              key=lambda item: -len(item[0]))
_PRE_HEADS = {seq[0] for seq, _ in _PRE}
_POST = [(tuple(phrase.split()), kind)
         for phrase, kind in lexicon.table("count_modifiers_after", str).items()]

# What a number is not counting.
_NOT_PEOPLE = lexicon.words("not_people")
_MONTHS = lexicon.words("count_month_words")
_NUMBERED = lexicon.words("numbered_nouns")
_ORDINALS = lexicon.words("teen_ordinals")
_NOT_COUNT_AFTER = lexicon.words("not_count_after")
_ERA_MARKS = lexicon.words("era_marks")
_YEAR_BEFORE = lexicon.words("year_before")
_NOT_YEAR_AFTER = lexicon.words("not_year_after")
_FAMILIES = lexicon.words("family_nouns")
_HOMES = lexicon.words("home_nouns")
_WAW_NOUNS = lexicon.words("waw_nouns")
_GROUP_HEADS = lexicon.words("partitive_heads")
_NOT_NOUN = lexicon.words("not_counted")
_TWO = frozenset(w for w, value in UNITS.items() if value == 2)  # "متظاهران اثنان"
_SEPARATORS = {"/", ":", "-", "."}


def _matches(ws: list[Word], at: int, seq: tuple[str, ...]) -> bool:
    """The words at `at` are `seq`; the first may carry و or ب ("وأكثر من", "بأكثر من")."""
    if at < 0 or at + len(seq) > len(ws):
        return False
    first = ws[at].norm
    return (first == seq[0] or (first[:1] in "وب" and first[1:] == seq[0])) and all(
        ws[at + k].norm == s for k, s in enumerate(seq[1:], 1))


def _pre(ws: list[Word], i: int) -> tuple[str, int] | None:
    """The modifier that ends right before word i, with the index it starts at."""
    for seq, kind in _PRE:
        if _matches(ws, i - len(seq), seq):
            return kind, i - len(seq)
    return None


def _post(ws: list[Word], j: int) -> tuple[str, int] | None:
    for seq, kind in _POST:
        if _matches(ws, j, seq):
            return kind, j + len(seq)
    return None


def _not_a_count(ws: list[Word], first: int, stop: int, modified: bool) -> bool:
    """Dates (13/12/2016, 13 ديسمبر), times (10:30), ordinals (الـ13), years, percentages. A
    number led by a modifier is no date or ordinal, whatever is before it: "حتى 15
    أيلول/سبتمبر أكثر من 300 ألف شخص"."""
    prev = ws[first - 1] if first > 0 and not modified else None
    nxt = ws[stop] if stop < len(ws) else None
    if prev is not None and prev.norm == ")":  # "أبريل (نيسان) 2023"
        opening = next((i for i in range(first - 2, -1, -1) if ws[i].norm == "("), None)
        prev = ws[opening - 1] if opening else prev
    before_prev = ws[first - 2] if first > 1 else None
    counted = nxt is not None and nxt.norm in _NOT_YEAR_AFTER  # "أبريل 1855 حالة": cases
    if prev is not None and (prev.norm in _NUMBERED or (lookup(prev, _MONTHS) and not counted)
                             or prev.norm == "ال"
                             or (prev.norm == "/" and before_prev and lookup(before_prev, _MONTHS))
                             or (prev.norm in _SEPARATORS and first > 1
                                 and ws[first - 2].norm[0].isdigit())):
        return True
    if nxt is not None and (nxt.norm in {"%", "٪"} or lookup(nxt, _MONTHS)):
        return True
    if prev is not None and prev.norm in _ORDINALS:
        return True
    after = ws[stop + 1].norm if nxt is not None and stop + 1 < len(ws) else ""
    if nxt is not None and (f"{nxt.norm} {after}" in _NOT_COUNT_AFTER
                            or (nxt.norm == "من" and after in _MONTHS)
                            or (nxt.norm in _ERA_MARKS and ws[stop - 1].norm.isdigit())):
        return True  # "من عمره", "25 من الشهر", "30 في المئة", "1940 م", "1441 هـ"
    return (nxt is not None and nxt.norm in _SEPARATORS and stop + 1 < len(ws)
            and ws[stop + 1].norm[0].isdigit())


def _adjectival_one(ws: list[Word], core: Core) -> bool:
    """"شعب واحد", "عائلة واحدة": واحد after a noun describes it; "واحد من" still counts."""
    if core.value != 1 or core.stop != core.first + 1 or core.first == 0:
        return False
    nxt = ws[core.stop].norm if core.stop < len(ws) else ""
    return ws[core.first - 1].is_letters and nxt != "من"


def _bounds(ws: list[Word], core: Core) -> tuple[int | None, int | None, int | None, int, int]:
    """low, best, high from the modifier before the number or a range; and the words covered."""
    low: int | None = core.value
    best: int | None = core.value
    high: int | None = None if core.vague else core.value
    pre = _pre(ws, core.first)
    kind = pre[0] if pre else None
    stop = core.stop
    joiner = ws[stop].norm if stop < len(ws) else ""
    second = None
    if (kind == _BETWEEN and joiner == "و") or joiner == "-":
        second = number_at(ws, stop + 1) if stop + 1 < len(ws) else None
    elif kind == _BETWEEN and joiner.startswith("و"):
        second = number_words(ws, stop)  # بين ثلاثين وأربعين
    if second is not None and second.value > core.value:
        return low, best, second.value, pre[1] if pre else core.first, second.stop
    if kind is None or kind == _BETWEEN:
        return low, best, high, core.first, stop
    if kind in (_ABOUT, _UP_TO, _BELOW):
        low = None
    if kind == _BELOW:
        best = None
    if kind in (_AT_LEAST, _ABOUT):
        high = None
    return low, best, high, pre[1] if pre else core.first, stop


def _noun(ws: list[Word], core: Core, j: int) -> tuple[int | None, int]:
    """The counted noun after word j ("50 مدنيا", "50 من المدنيين", but not a definite word:
    "قناة 13 العبرية"), and the index after the phrase."""
    if core.noun is not None:
        if j < len(ws) and ws[j].norm in _TWO:
            j += 1  # "متظاهران اثنان"
        return core.noun, j
    if _partitive(ws, j):
        # "نزح 500 من الحي": after من a place is where they came from, not what is counted.
        if lookup(ws[j + 1], _NOT_PEOPLE) is not None:
            return None, j
        noun, j = j + 1, j + 2
    elif j < len(ws) and _can_be_noun(ws[j]) and (core.vague or not ws[j].norm.startswith("ال")):
        # After a figure the noun is indefinite ("2012 الصادر" is a year); after عشرات، آلاف
        # it is a definite genitive ("عشرات المدنيين").
        noun, j = j, j + 1
    else:
        return None, j
    return noun, j


def _can_be_noun(w: Word) -> bool:
    """Not what a number counts: "مئات الآلاف فروا" (a verb), "185 بالمقارنة", "20 بجروح"
    (a preposition), "عشرات الآلاف وتشريد" (the next item after و)."""
    n = w.norm
    # A lone "ب" ("5 ب") has nothing after the preposition to look up.
    with_bi = len(n) > 1 and n.startswith("ب") \
        and casualty_word(Word(n[1:], w.start, w.end, w.raw)) is not None
    return w.is_letters and n not in _NOT_NOUN and not n.endswith("وا") and not with_bi \
        and not n.startswith(("بال", "لل", "كال")) \
        and (not n.startswith("و") or n in _WAW_NOUNS)


def _partitive(ws: list[Word], j: int) -> bool:
    """"50 من المدنيين", "10 من عناصر الأمن" (but not "من دارفور": a name is where from)."""
    if j + 1 >= len(ws) or ws[j].norm != "من" or not ws[j + 1].is_letters:
        return False
    nxt = ws[j + 1].norm
    bare_head = re.sub(r"(?:ها|هم|ه)$", "", nxt)  # "من عناصرها"
    return nxt not in _NOT_NOUN and (nxt.startswith("ال") or bare_head in _GROUP_HEADS)


def find_counts(doc: Doc, start: int, end: int) -> list[Count]:
    """Every number phrase in raw [start, end) that can count people or families."""
    ws = words(doc, start, end)
    out: list[Count] = []
    i = 0
    while i < len(ws):
        core = number_at(ws, i)
        if core is None:
            i += 1
            continue
        count, i = _phrase(doc, ws, core)
        if count is not None:
            out.append(count)
    return out


def _phrase(doc: Doc, ws: list[Word], core: Core) -> tuple[Count | None, int]:
    """Grow a number into its phrase (modifiers, range, noun); None when it counts no people."""
    if _adjectival_one(ws, core):
        if not casualty_word(ws[core.first - 1]):
            return None, core.stop
        # "ووفاة واحدة", "(إصابة واحدة)": one death, one case; the noun is the counted word
        head = ws[core.first - 1]
        skip = int(head.norm[0] in "وف" and casualty_word(
            Word(head.norm[1:], head.start, head.end, head.raw)) is not None)
        core = Core(1, False, core.first - 1, core.stop, noun=core.first - 1, skip=skip)
    low, best, high, first, stop = _bounds(ws, core)
    if _not_a_count(ws, first, stop, modified=first != core.first):
        return None, stop
    noun, after = _noun(ws, core, stop)
    if noun is not None and lookup(ws[noun], _NOT_PEOPLE) is not None:
        return None, after
    if 1900 <= core.value <= 2100 and first == core.first and (
            noun is None or (core.first > 0 and ws[core.first - 1].norm in _YEAR_BEFORE)):
        return None, after  # a year: "في 2016", "منذ 2011 حتى اليوم"
    post = _post(ws, after)
    if post is not None:
        low, best, high = (core.value if post[0] == _AT_LEAST else None), core.value, None
        after = post[1]
    first = min(first, noun) if noun is not None else first
    raw_start = ws[first].start
    lead = ws[first].norm
    skip = core.skip if first == core.first else int(lead[:1] in "وب" and lead[1:] in _PRE_HEADS)
    if skip:  # "وأكثر من 30 جريحا", "بأكثر من": the proclitic is not part of the count
        raw_start = doc.norm.offsets[doc.norm.from_raw(raw_start) + skip]
    noun_text = None
    if noun is not None:
        noun_text = doc.text[max(ws[noun].start, raw_start):ws[noun].end]
    unit = "people"
    if noun is not None and lookup(ws[noun], _FAMILIES):
        unit = "families"
    elif noun is not None and lookup(ws[noun], _HOMES):
        unit = "homes"
    raw_end = ws[after - 1].end
    return Count(low, best, high, unit, raw_start, raw_end, doc.text[raw_start:raw_end],
                 noun_text, core.vague), after
