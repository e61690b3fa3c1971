"""Names the ANERcorp labeller (agent.ner) proposes where the lexicons see none: plain personal
names ('جنيفر إيفيدي') and organizations without a known head noun ('ديلي ترست'). The lexicons
still decide: a proposal that is a title, a place, a common word or part of a name the rules
read becomes nothing, and a kept one is typed by the lexicons when they know its head.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from agent import ner
from agent.extract.actors.mentions import Mention, mention, mentions_in
from agent.extract.actors.names import labelled
from agent.extract.actors.quotes import is_quoted
from agent.extract.actors.sites import words_of
from agent.extract.actors.spans import clean
from agent.extract.actors.words import (
    ORG_HEADS,
    THING_HEADS,
    accusative,
    bare,
    conjoined,
    definite,
    in_lexicon,
    is_title_head,
    lexical,
    stop_word,
    unjoined,
    waw_name,
)
from agent.extract.event_triggers import WORDS as EVENT_NOUNS
from agent.extract.places import (
    DESIGNATORS,
    NAME_HEADS,
    PLACES,
    PLURAL_DESIGNATORS,
    is_place,
    place_ranges,
)
from agent.text.arabic import Token
from agent.text.doc import Doc, span
from agent.text.intervals import Ranges
from schemas import ActorType, Span

_ARABIC = re.compile(r"[\u0621-\u064a]")
_NOT_PERSON_BEFORE = (DESIGNATORS, PLURAL_DESIGNATORS, NAME_HEADS, EVENT_NOUNS, THING_HEADS)


def _word_ok(t: Token) -> bool:
    return not (lexical(t.norm) or stop_word(t) or accusative(t)
                or in_lexicon(t.norm, PLACES) or not _ARABIC.search(t.text))


def _unjoined_start(doc: Doc, t: Token) -> int:
    """Raw offset of the name inside 'وأتيكو': after the و of 'and' and its diacritics."""
    k = t.start + 1
    while k < t.end and not doc.text[k].isalpha():
        k += 1
    return k if k < t.end else t.start


def _names_thing(doc: Doc, toks: Sequence[Token], before: Sequence[Token],
                 places: Sequence[tuple[int, int]]) -> bool:
    """The words name a place or a thing: 'مخيم أبو شوك'، 'الإعصار «شاهين»'، 'فيروس كورونا',
    'مخيمي زمزم وأبو شوك' (a name joined to a place is another place). `before`: the three
    words before them, nearest last."""
    if any(in_lexicon(toks[0].norm, heads) for heads in _NOT_PERSON_BEFORE) or \
            (len(toks) == 1 and is_quoted(doc, toks[0])):
        return True
    if not before:
        return False
    if conjoined(toks[0].norm) and any(
            is_place(t.norm) or in_lexicon(t.norm, PLURAL_DESIGNATORS | DESIGNATORS)
            or any(s < t.end <= e for s, e in places) for t in before):
        return True
    last = before[-1].norm
    return any(in_lexicon(last, heads) for heads in _NOT_PERSON_BEFORE) or \
        (in_lexicon(last, ORG_HEADS) and not is_title_head(last))


def _person(doc: Doc, toks: Sequence[Token], seen: Counter[str]) -> Mention | None:
    while toks and is_title_head(toks[0].norm):
        toks = toks[1:]  # "مولانا أحمد هارون"
    if not toks or not all(_word_ok(t) for t in toks):
        return None
    if any(definite(t.norm) for t in toks[:-1]):
        return None  # a definite word ends a personal name ("ابني الجميل ولد")
    if len(toks) == 1 and (definite(toks[0].norm) or len(toks[0].norm) < 3 or
                           seen[unjoined(toks[0].norm)] < 2):
        return None  # one word, once: too often a place or a common word
    # 'وقال الرئيس وليام روتو': the و of a name the labeller learned whole is its first letter.
    w = toks[0].norm
    joined = conjoined(w) and not (waw_name(w) and "PERS" in ner.labels(toks[0].text))
    start = _unjoined_start(doc, toks[0]) if joined else toks[0].start
    return Mention(span(doc.text, start, toks[-1].end), ActorType.person)


def _organization(doc: Doc, toks: Sequence[Token], seen: Counter[str]) -> Mention | None:
    if not toks or any(stop_word(t) or accusative(t) for t in toks) or \
            all(in_lexicon(t.norm, PLACES) for t in toks) or \
            (len(toks) == 1 and (seen[bare(toks[0].norm)] < 2 or definite(toks[0].norm))):
        return None
    found = mention(doc, clean(doc, toks[0], toks[-1]))
    if found.type in (ActorType.person, ActorType.other, ActorType.civilians):
        found.type = ActorType.organization
    return found


def labelled_person(doc: Doc, where: Span) -> bool:
    """The labeller reads a personal name somewhere in these words."""
    return any(label == "PERS" and s < where.end and where.start < e
               for s, e, label in labelled(doc.text))


@lru_cache(maxsize=4)  # asked for every pronoun speaker: read the article's words once
def _words(text: str) -> tuple[Sequence[Token], list[int], Counter[str]]:
    words = words_of(text)
    seen = Counter(w for t in words for w in {unjoined(t.norm), bare(t.norm)})
    return words, [t.start for t in words], seen


def learned_mentions(doc: Doc, found: Sequence[Mention], start: int = 0,
                     end: int | None = None) -> list[Mention]:
    """The labeller's PERS and ORG names (starting in raw [start, end), the whole article by
    default) that are not places, not part of a name the rules found, and read as a name of
    their kind."""
    places = place_ranges(doc)
    taken = Ranges([*((m.span.start, m.span.end) for m in found), *places])
    words, starts, seen = _words(doc.text)
    stop = len(doc.text) if end is None else end
    found_names = labelled(doc.text)
    out = []
    for first_char, last_char, label in found_names[bisect_left(found_names, (start,)):]:
        if first_char >= stop:
            break
        text = doc.text[first_char:last_char]
        if taken.overlaps(first_char, last_char) or not _ARABIC.search(text) or "\n" in text:
            continue  # a name never runs on from a headline into the article
        first = bisect_left(starts, first_char)
        inside = words[first : bisect_left(starts, last_char)]
        before = words[max(0, first - 3) : first]
        if not inside or _names_thing(doc, inside, before, places):
            continue
        kept = (_person if label == "PERS" else _organization)(doc, inside, seen)
        if kept is not None:
            out.append(kept)
    return _without_parts(out, found)


def _without_parts(learned: list[Mention], found: Sequence[Mention]) -> list[Mention]:
    """One word of a longer personal name ('جاكلين' of 'جاكلين فليمينج') is that person, and
    the merge finds it again; alone it would pass for another one."""
    full = {m.key for m in [*found, *learned] if m.type is ActorType.person and len(m.key) > 1}
    return [m for m in learned if len(m.key) > 1 or m.type is not ActorType.person or
            not any(m.key[0] in (k[0], k[-1]) for k in full)]


def named_in(doc: Doc, start: int, end: int) -> list[Mention]:
    """The names the rules and the labeller read in the raw range (weak ones left out), in
    order: who a pronoun may stand for."""
    found = mentions_in(doc, start, end)
    learned = learned_mentions(doc, found, start, end)
    return sorted((m for m in [*found, *learned] if not m.weak), key=lambda m: m.span.start)
