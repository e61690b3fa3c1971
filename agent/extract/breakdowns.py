"""Breakdowns and lists of figures in one sentence: "50 مدنيا بينهم 11 طفلا و5 نساء" is one
figure with who its victims were; "15 مقاتلا و10 من عناصر النظام" and "حلب (153 إصابة)
والحسكة (21)" are figures that share the casualty word of the first."""

from __future__ import annotations

from dataclasses import dataclass

from agent.extract.counts import Count
from agent.extract.governing import category_of, is_person_noun
from agent.extract.numbers import Word
from agent.text import lexicon
from agent.text.arabic import clitic_bases

_DETAIL_MARKERS = lexicon.words("breakdown_markers")
_DETAIL_ENDS = lexicon.words("breakdown_ends")
# "نقل 19 منهم": a count of some of them; "وإصابة 74 آخرين بينهم 12 طفلاً": a figure of its own
# whose breakdown follows.
_OF_THEM = {"منهم", "منهن"}
_DETAIL_GOES_ON = [tuple(p.split()) for p in lexicon.ordered("breakdown_continuations")]
_DESIGNATORS = lexicon.words("place_designators")
_LIST_GAP = 6  # words between two figures of one list: "، وإقليم ورزازات بـ"
_LIST_MARKS = {"،", ",", "(", ")"}  # "حلب (153 إصابة) والحسكة (21)"


@dataclass
class Details:
    members: dict[int, int]  # count that breaks down another ("بينهم 11 طفلا") -> that one
    text: dict[int, tuple[int, int]]  # count index -> raw span of its breakdown


def breakdowns(ws: list[Word], counts: list[Count], spans: list[tuple[int, int]]) -> Details:
    """"50 مدنيا بينهم 11 طفلا و5 نساء": the breakdown belongs to the 50 and is no report."""
    out = Details({}, {})
    owner: int | None = None
    for k, (first, last) in enumerate(spans):
        marker = _marker_before(ws, first)
        if owner is not None and last + 1 < len(ws) and ws[last + 1].norm in _OF_THEM:
            out.members[k] = owner  # "أصيب 46 شخصا، نقل 19 منهم إلى المستشفيات"
            continue
        if marker is not None and owner is not None and not (
                marker > 0 and category_of(ws, marker - 1) is not None
                and not is_person_noun(ws[marker - 1])):
            out.members[k] = owner  # but "أُنقذ منهم 363": a figure of its own, of them
            out.text[owner] = (ws[marker].start, counts[k].end)
            continue
        if owner is not None and owner in out.text and k - 1 in out.members \
                and (joined(ws, counts, spans, k) or _goes_on(ws, spans[k - 1][1], first)):
            out.members[k] = owner  # "بينهم 11 طفلا و5 نساء"
            out.text[owner] = (out.text[owner][0], counts[k].end)
            continue
        owner = k
        after = _marker_after(ws, last)
        if after is not None and (k + 1 >= len(spans) or spans[k + 1][0] > after[1]):
            out.text[k] = (ws[after[0]].start, ws[after[1]].end)  # "بينهم أطفال ونساء"
    return out


def _goes_on(ws: list[Word], after: int, first: int) -> bool:
    """Do the words between a breakdown's figure (ending at word `after`) and the count at
    `first` carry the breakdown on: "، إضافة إلى"?"""
    between = tuple(w.norm for w in ws[after + 1:first] if w.norm not in _LIST_MARKS)
    return between in _DETAIL_GOES_ON


def _marker_before(ws: list[Word], first: int) -> int | None:
    for back in (1, 2):
        i = first - back
        if i >= 0 and ws[i].norm in _DETAIL_MARKERS:
            return i - 1 if back == 1 and i > 0 and ws[i - 1].norm == "من" else i
        if i >= 0 and not ws[i].is_letters:
            return None
    return None


def joined(ws: list[Word], counts: list[Count], spans: list[tuple[int, int]], k: int) -> bool:
    """Is count k coordinated with count k-1 ("15 مقاتلا من الفصائل و10 من عناصر النظام"):
    و before it and only a few plain words in between?"""
    first = spans[k][0]
    between = ws[spans[k - 1][1] + 1:first]
    glued = counts[k].start > ws[first].start  # "وثلاثة": the count's span left its و out
    return (glued or (bool(between) and between[-1].norm == "و")) and len(between) <= 4 \
        and all(w.is_letters for w in between)


def revised(ws: list[Word], spans: list[tuple[int, int]], k: int) -> bool:
    """Is count k the new figure of a change told "من X إلى Y" ("تراجع عدد المفقودين من 226
    إلى 212 شخصاً"): one word, إلى, between them and من just before the old one?"""
    if k == 0 or spans[k][0] - spans[k - 1][1] != 2 or spans[k - 1][0] == 0:
        return False
    return ws[spans[k - 1][0] - 1].norm == "من" and ws[spans[k][0] - 1].norm == "الي"


def elliptical(ws: list[Word], counts: list[Count], spans: list[tuple[int, int]], k: int
                ) -> bool:
    """A bare count in a list that goes on from the figure before it: "11 من الوفيات سجلت في
    حلب، واثنتين في دير الزور", "إقليم شيشاوة بـ191 وفاة، وإقليم ورزازات بـ41", "حلب (153
    إصابة) والحسكة (21)"."""
    if counts[k].noun is not None or k == 0:
        return False
    first = spans[k][0]
    between = ws[spans[k - 1][1] + 1:first]
    glued = counts[k].start > ws[first].start
    return (glued or any(w.norm.startswith("و") or _then_place(w) for w in between)) \
        and len(between) <= _LIST_GAP \
        and all(w.norm in _LIST_MARKS or (w.is_letters and category_of(ws, i) is None)
                for i, w in enumerate(between, spans[k - 1][1] + 1))


def _then_place(w: Word) -> bool:
    """"فبلدة أرمناز بـ155": ف and a place designator go on with a list of places."""
    return w.norm.startswith("ف") and any(b in _DESIGNATORS for b in clitic_bases(w.norm))


def _marker_after(ws: list[Word], last: int) -> tuple[int, int] | None:
    """A breakdown without numbers right after a count: its first and last word."""
    i = last + 1
    if i < len(ws) and ws[i].norm in {"،", ","}:
        i += 1  # "مقتل 30 شخصا، بينهم أطفال"
    if i < len(ws) and ws[i].norm == "من" and i + 1 < len(ws) and ws[i + 1].norm in _DETAIL_MARKERS:
        i += 1
    if i >= len(ws) or ws[i].norm not in _DETAIL_MARKERS:
        return None
    j = i
    while j + 1 < len(ws) and ws[j + 1].is_letters and j - i < 5 \
            and ws[j + 1].norm not in _DETAIL_ENDS and category_of(ws, j + 1) is None:
        j += 1
    if j == i:
        return None
    return (i - 1 if ws[i - 1].norm == "من" else i), j
