"""The person a long title ends with, read back from where the words said begin: the title may
run on over ties, bodies and places the name reader does not know ('في نينوى'، 'في حالات
الطوارئ') before the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.extract.actors.groups import to_whom
from agent.extract.actors.names import BODY_TIES, Named, labelled, name_start
from agent.extract.actors.quotes import gap, passable
from agent.extract.actors.spans import clean
from agent.extract.actors.words import (
    CHANNELS,
    FRAME_NOUNS,
    NAME_PARTICLES,
    TIES,
    UNNAMED_SOURCES,
    conjoined,
    in_lexicon,
    is_title_head,
    stop_word,
)
from agent.text.arabic import Token
from agent.text.doc import Doc


def holder_before(doc: Doc, toks: Sequence[Token], i: int, title: Named, stop: int
                  ) -> Named | None:
    """The person a long title at toks[i] ends with, read back from toks[stop] where the words
    said begin: 'وكيل الأمين العام للشؤون الإنسانية منسق الإغاثة في حالات الطوارئ مارتن غريفيث،
    في مؤتمر صحفي، إن' -> 'مارتن غريفيث'. The title runs on over ties, conjoined bodies and a
    bracketed acronym, up to a comma or an aside ('بعد زيارته'، 'اليوم'، 'في بيان'، 'للصحفيين'،
    a number: 'في 14 كانون الثاني/يناير');
    the name must have two words, or be one the labeller reads as a person. The phrase read at
    toks[i] may have taken a word of the title for the name ('قائد شرطة | جوزجان رحمة الله
    تركستاني'، 'رئيس مكتب يونيسف | الميداني في كانو'): the holder the title runs on to wins.
    A name between commas right before the words said holds the title before it ('المتحدث
    باسم المفوضية في آسيا والمحيط الهادئ، بابار بالوش، إن')."""
    if not is_title_head(toks[i].norm) or in_lexicon(toks[i].norm, UNNAMED_SOURCES):
        return None
    k = title.end
    while k < stop:
        if "(" in gap(doc, toks[k - 1], toks[k]):  # "للطفولة (يونيسف) في الصومال"
            k = next((n + 1 for n in range(k, min(stop, len(toks) - 1))
                      if ")" in gap(doc, toks[n], toks[n + 1])), stop)
            continue
        w = toks[k].norm
        aside = (stop_word(toks[k]) and w not in TIES and w not in BODY_TIES) or \
            to_whom(doc, toks, k) or w[:1].isdigit() or \
            (w in TIES and k + 1 < stop and toks[k + 1].norm in CHANNELS | FRAME_NOUNS)
        closing = gap(doc, toks[k - 1], toks[k]).strip() == ")"
        if aside or not (closing or passable(doc, toks[k - 1], toks[k])):
            break
        k += 1
    holder = _between_commas(doc, toks, i, k, stop) or _ending(doc, toks, i, title.end, k)
    if holder is not None and title.title is not None and (holder.words < 2 or _another(
            toks, title.end, k)):
        return None  # over a name read already, only a full name, and not another person's:
        # '… يؤكد كذب أوكامبو'، 'الرئيس المصري عبد الفتاح السيسي والعاهل الأردني الملك …'
    return holder


def _another(toks: Sequence[Token], start: int, end: int) -> bool:
    """A و in toks[start:end] joins another person with a title of his own ('والعاهل الأردني
    الملك'), not a body of the same title ('مركز طب الطوارئ والدعم')."""
    joined = next((p for p in range(start, end) if conjoined(toks[p].norm)), None)
    return joined is not None and any(is_title_head(t.norm) or is_title_head(t.norm[1:])
                                      for t in toks[joined:end])


def _ending(doc: Doc, toks: Sequence[Token], i: int, floor: int, k: int) -> Named | None:
    """The name the title toks[i:k] ends with, after toks[floor]. After a tie, three words
    are a place and a two-word name ('في أمبوفومبي | تيودور مبايناسيم'); fewer are a place."""
    start = name_start(doc, toks[i:k], floor=floor - i) if k > floor else None
    tie = next((p for p in range(k - 1, floor - 1, -1) if toks[p].norm in TIES), None)
    if start is not None and tie is not None and k - tie == 4 and i + start == k - 1:
        start -= 1  # "وزير الداخلية … في بنين | ألاسان سيدو": one word read, the name has two
    if start is not None and toks[i + start - 1].norm in TIES:
        # "مراسل لوكالة فرانس برس في | معرة النعمان": a place, not a name
        core = sum(t.norm not in NAME_PARTICLES for t in toks[i + start : k])
        start = start + 1 if core == 3 else None
    if start is None:
        return None
    return _holder(doc, toks, i, i + start, k)


def _between_commas(doc: Doc, toks: Sequence[Token], i: int, k: int, stop: int
                    ) -> Named | None:
    """'…، بابار بالوش، إن': the title toks[i:k] stops at a comma, and a name alone fills what
    is between it and the next comma or the words said at toks[stop]."""
    if k >= stop or not re.fullmatch(r"\s*[،,]\s*", gap(doc, toks[k - 1], toks[k])):
        return None
    end = k + 1
    while end < stop and passable(doc, toks[end - 1], toks[end]):
        end += 1
    if end - k > 4 or (end < stop and not re.fullmatch(r"\s*[،,]\s*",
                                                      gap(doc, toks[end - 1], toks[end]))):
        return None
    start = name_start(doc, toks[k - 1 : end])
    if start == 2 and is_title_head(toks[k].norm):  # "…، الرائد سمير بوشحيط، إن"
        return _holder(doc, toks, i, k + 1, end)
    return _holder(doc, toks, i, k, end) if start == 1 else None


def _holder(doc: Doc, toks: Sequence[Token], i: int, start: int, end: int) -> Named | None:
    """The title toks[i:start] and its holder's name toks[start:end], when the name has two
    words or is one the labeller reads as a person."""
    name = clean(doc, toks[start], toks[end - 1])
    core = sum(t.norm not in NAME_PARTICLES for t in toks[start:end])
    if core < 2 and not any(label == "PERS" and s < name.end and name.start < e
                            for s, e, label in labelled(doc.text)):
        return None
    return Named(name, clean(doc, toks[i], toks[start - 1]), end, core)
