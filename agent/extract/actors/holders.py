"""The person a long title ends with, read back from where the words said begin: the title may
run on over ties, bodies and places the name reader does not know ('في نينوى'، 'في حالات
الطوارئ') before the name.
"""

from __future__ import annotations

from collections.abc import Sequence

from agent.extract.actors.names import Named, labelled, name_start, to_whom
from agent.extract.actors.quotes import gap, passable
from agent.extract.actors.spans import clean
from agent.extract.actors.words import (
    CHANNELS,
    FRAME_NOUNS,
    NAME_PARTICLES,
    TIES,
    UNNAMED_SOURCES,
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
    bracketed acronym, up to a comma or an aside ('بعد زيارته'، 'اليوم'، 'في بيان'، 'للصحفيين');
    the name must have two words, or be one the labeller reads as a person."""
    if title.title is not None or not is_title_head(toks[i].norm) or \
            in_lexicon(toks[i].norm, UNNAMED_SOURCES):
        return None
    k = title.end
    while k < stop:
        if "(" in gap(doc, toks[k - 1], toks[k]):  # "للطفولة (يونيسف) في الصومال"
            k = next((n + 1 for n in range(k, stop) if ")" in gap(doc, toks[n], toks[n + 1])),
                     stop)
            continue
        w = toks[k].norm
        aside = (stop_word(toks[k]) and w not in TIES) or to_whom(doc, toks, k) or \
            (w in TIES and k + 1 < stop and toks[k + 1].norm in CHANNELS | FRAME_NOUNS)
        closing = gap(doc, toks[k - 1], toks[k]).strip() == ")"
        if aside or not (closing or passable(doc, toks[k - 1], toks[k])):
            break
        k += 1
    start = name_start(doc, toks[i:k], floor=title.end - i) if k > title.end else None
    if start is None or toks[i + start - 1].norm in TIES:
        return None  # "مراسل لوكالة فرانس برس في | معرة النعمان": a place, not a name
    name = clean(doc, toks[i + start], toks[k - 1])
    core = sum(t.norm not in NAME_PARTICLES for t in toks[i + start : k])
    if core < 2 and not any(label == "PERS" and s < name.end and name.start < e
                            for s, e, label in labelled(doc.text)):
        return None
    return Named(name, clean(doc, toks[i], toks[i + start - 1]), k, core)
